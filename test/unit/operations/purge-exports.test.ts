// `campaign purge` deletes the campaign's exports and report from out/, and only its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isCampaignExport, purgeExports } from '../../../operations/purge-exports';
import { exportFilename, type ExportFormat, type ExportKind } from '../../../reporting/exports';
import type { CampaignData } from '../../../reporting/data';

/** The file name `nettverk export` writes by default (cli/commands/reports.ts). */
function written(campaignId: string, kind: ExportKind, format: ExportFormat): string {
  const data = {
    campaign: { campaign: { id: campaignId } },
    journeys: [],
    generatedAt: '2026-12-01T12:00:00Z',
  } as unknown as CampaignData;
  return `${campaignId}-${exportFilename(kind, data, format)}`;
}

const kinds: ExportKind[] = ['registrations', 'logistics', 'lessons'];
const formats: ExportFormat[] = ['csv', 'xlsx', 'json'];

test('every export and the report of the campaign are recognised, as the CLI names them', () => {
  for (const kind of kinds) {
    for (const format of formats) {
      expect(isCampaignExport(written('ks-ti-2013', kind, format), 'ks-ti-2013')).toBe(true);
    }
  }
  expect(isCampaignExport('ks-ti-2013-rapport.html', 'ks-ti-2013')).toBe(true);
});

test("another campaign's files, even one whose id starts the same, are not", () => {
  expect(isCampaignExport(written('ks-ti-2013-prove', 'registrations', 'csv'), 'ks-ti-2013')).toBe(
    false,
  );
  expect(isCampaignExport('ks-ti-2013-prove-rapport.html', 'ks-ti-2013')).toBe(false);
  expect(isCampaignExport('ks-ti-2013-notater.txt', 'ks-ti-2013')).toBe(false);
  expect(isCampaignExport('demo-log.txt', 'ks-ti-2013')).toBe(false);
  // A campaign id with characters a pattern would take for syntax matches only itself.
  expect(isCampaignExport('a.b-rapport.html', 'a.b')).toBe(true);
  expect(isCampaignExport('axb-rapport.html', 'a.b')).toBe(false);
});

test('purgeExports deletes exactly those files and says which', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-purge-'));
  try {
    const ours = [
      written('ks-ti-2013', 'registrations', 'csv'),
      written('ks-ti-2013', 'logistics', 'xlsx'),
      written('ks-ti-2013', 'lessons', 'json'),
      'ks-ti-2013-rapport.html',
    ];
    const theirs = [
      written('ks-ti-2013-prove', 'registrations', 'csv'),
      'ks-ti-2013-prove-rapport.html',
      'demo.log',
    ];
    for (const f of [...ours, ...theirs]) fs.writeFileSync(path.join(dir, f), 'Kari Nordmann');
    fs.mkdirSync(path.join(dir, 'ks-ti-2013-rapport.html.d'));

    const deleted = purgeExports('ks-ti-2013', dir);
    expect(deleted.map((f) => path.basename(f)).sort()).toEqual([...ours].sort());
    expect(fs.readdirSync(dir).sort()).toEqual([...theirs, 'ks-ti-2013-rapport.html.d'].sort());
    expect(purgeExports('ks-ti-2013', dir)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('no out/ folder: nothing to delete, no error', () => {
  expect(purgeExports('ks-ti-2013', path.join(os.tmpdir(), 'nettverk-no-such-dir-x9'))).toEqual([]);
});
