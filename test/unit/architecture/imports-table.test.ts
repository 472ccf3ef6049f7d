// ARCHITECTURE.md's "may import" table is checked against the code: every value import (what
// runs; `import type` is erased) from a folder's files goes to the folder itself, to a path
// its row names, or to a package. A new arrow fails here until the table says it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const ARCHITECTURE = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');

interface Row {
  /** Repository paths the row is about: folders end in «/». */
  owns: string[];
  /** Paths the row's files may import; null: everything. */
  allowed: string[] | null;
}

const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

function rows(): Row[] {
  const start = ARCHITECTURE.indexOf('| folder | what lives there | may import |');
  const out: Row[] = [];
  for (const line of ARCHITECTURE.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((c) => c.trim());
    const owns = ticked(cells[1]);
    const may = cells[3];
    out.push({ owns, allowed: /everything/.test(may) ? null : ticked(may) });
  }
  return out;
}

function files(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!statSync(abs, { throwIfNoEntry: false })) return [];
  if (statSync(abs).isFile()) return [dir];
  return readdirSync(abs).flatMap((f) => {
    const rel = path.posix.join(dir, f);
    if (f === 'node_modules' || f.startsWith('.')) return [];
    if (statSync(path.join(ROOT, rel)).isDirectory()) return files(rel);
    return /\.ts$/.test(f) && !f.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Relative value imports of a file, as repository paths (without extension). */
function valueImports(file: string): string[] {
  const src = readFileSync(path.join(ROOT, file), 'utf8');
  const found: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm,
    /^\s*import\s+'(\.[^']+)'/gm,
    /^\s*export\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm,
    /require\('(\.[^']+)'\)/g,
  ];
  for (const re of patterns) {
    for (const m of src.matchAll(re)) {
      // «import { type A, type B } from …» is erased too.
      if (/^\s*(?:import|export)\s*\{\s*(?:type\s+\w+\s*,?\s*)+\}/.test(m[0])) continue;
      found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
    }
  }
  return found;
}

const under = (target: string, p: string) =>
  p.endsWith('/')
    ? target.startsWith(p) || target === p.slice(0, -1) // a folder's index
    : target === p.replace(/\.ts$/, '') || target.startsWith(`${p}/`);

it('holds every arrow the code has', () => {
  const table = rows();
  expect(table.length).toBeGreaterThan(10);
  // The most specific row owns a file: mail/match.ts before mail/.
  const ownerOf = (file: string) =>
    table
      .flatMap((r) => r.owns.map((o) => ({ r, o })))
      .filter(({ o }) => under(file, o))
      .sort((a, b) => b.o.length - a.o.length)[0];
  const missing = new Set<string>();
  for (const row of table) {
    for (const owned of row.owns) {
      for (const file of files(owned.replace(/\/$/, ''))) {
        const owner = ownerOf(file);
        if (!owner || owner.r !== row || row.allowed === null) continue;
        for (const target of valueImports(file)) {
          const own = row.owns.some((o) => under(target, o));
          const ok = own || row.allowed.some((a) => under(target, a));
          if (!ok) missing.add(`${owned} → ${target}  (${file})`);
        }
      }
    }
  }
  expect([...missing].sort()).toEqual([]);
});
