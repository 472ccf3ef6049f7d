// The demo's municipalities: its own list (campaigns/demo/municipalities.csv), or a
// bigger public list without addresses (such as data/municipalities-2025.csv),
// given addresses under the reserved .example domain so no real municipality is mailed.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // «Unjárga» → unjarga, not unja-rga
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The public list leaves the county municipalities' form blank: by law they write neither
 * form by default (they answer in the writer's), which the roster calls «nøytral».
 */
function languageForm(r: Record<string, string>): string {
  const form = (r.language_form ?? '').trim();
  return form || (r.type === 'fylkeskommune' ? 'nøytral' : '');
}

/** Returns a CSV path the CLI can read: the file itself if it has addresses, else a converted copy. */
export function demoRoster(file: string, outDir: string): { path: string; count: number } {
  const text = fs.readFileSync(file, 'utf8');
  const rows = parse(text, {
    columns: true,
    skip_empty_lines: true,
    comment: '#',
    bom: true,
  }) as Record<string, string>[];
  if (rows.length === 0) throw new Error(`${file} has no rows`);
  if ('email' in rows[0]) {
    for (const r of rows) {
      if (!/\.example$/i.test(r.email.split('@')[1] ?? '')) {
        throw new Error(
          `${file}: the demo only mails reserved .example addresses, not "${r.email}"`,
        );
      }
    }
    return { path: file, count: rows.length };
  }
  const header = 'id,name,type,county,language_form,email,lat,lon';
  const taken = new Set<string>();
  const lines = rows.map((r) => {
    const type = r.type === 'fylkeskommune' ? 'fylkeskommune' : 'kommune';
    // The municipality's own web domain under .example (two Herøy and two Våler tell apart
    // there, as in real life), else one made from its name; never two alike.
    let domain = /^(?:www\.)?([a-z0-9.-]+)\.no$/i.exec((r.website ?? '').trim())?.[1];
    domain = `${domain ?? `${slug(r.name)}.${type}`}.example`.toLowerCase();
    if (taken.has(domain)) domain = domain.replace(/^([^.]+)/, `$1-${r.id}`);
    taken.add(domain);
    const cells = [
      r.id,
      r.name,
      type,
      r.county ?? '',
      languageForm(r),
      `postmottak@${domain}`,
      r.lat,
      r.lon,
    ];
    return cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  });
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'demo-municipalities.csv');
  fs.writeFileSync(out, [header, ...lines].join('\n') + '\n');
  return { path: out, count: rows.length };
}
