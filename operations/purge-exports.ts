// The exports and reports `nettverk export` and `nettverk report` wrote for a campaign in
// their default place (out/, cli/commands/reports.ts), deleted by `campaign purge`: they
// hold the same names, addresses and dietary needs as the histories. A file written with
// --out somewhere else is not known to us; the purge says so.
import fs from 'node:fs';
import path from 'node:path';

// The words of reporting/exports.ts (FILE_WORDS), the report's name of reports.ts; a unit
// test builds real file names with exportFilename, so these cannot drift apart unnoticed.
const EXPORT_WORDS = ['pameldinger', 'logistikk', 'laeringspunkter'];
const FORMATS = ['csv', 'xlsx', 'json'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a file name in out/ is one of this campaign's exports or its report, exactly:
 * `ks-ti-2013` never takes `ks-ti-2013-prove`'s files.
 */
export function isCampaignExport(fileName: string, campaignId: string): boolean {
  const id = escape(campaignId);
  const safe = escape(campaignId.replace(/[^a-z0-9-]+/gi, '-'));
  const exportName = new RegExp(
    `^${id}-${safe}-(?:${EXPORT_WORDS.join('|')})-\\d{4}-\\d{2}-\\d{2}\\.(?:${FORMATS.join('|')})$`,
  );
  return fileName === `${campaignId}-rapport.html` || exportName.test(fileName);
}

/** Deletes the campaign's exports in `dir`; returns the paths deleted (none if no dir). */
export function purgeExports(campaignId: string, dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const deleted: string[] = [];
  for (const name of names.filter((n) => isCampaignExport(n, campaignId))) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile()) continue;
    fs.rmSync(file);
    deleted.push(file);
  }
  return deleted;
}
