// An attendance answer written as a table: Outlook and OWA send HTML tables (html-text.ts
// renders each row as «cell | cell | …»), others write «Åse Nyhus - ja - ja - nei» under or
// over a legend «(kommer - rom - middag - allergier)». A header names the columns, each row is
// one person, read by column: a «Nei» in the overnight column is about the night.
import type { AttendanceAnswer } from '../../domain/types';
import { uni } from './text-utils';

type Column = 'name' | 'attending' | 'overnight' | 'dinner' | 'dietary';

const COLUMNS: [Column, RegExp][] = (
  [
    ['name', /^(?:navn|namn|name|deltaker|deltakar|participant)\b/i],
    ['attending', /^(?:kommer|kjem|deltar|deltek|deltakelse|deltaking|attending|attends|møter)\b/i],
    ['overnight', /^(?:overnatting|overnattar|rom|hotell|hotellrom|natt|overnight|hotel|room)/i],
    ['dinner', /^(?:middag|dinner|festmiddag)/i],
    ['dietary', /^(?:allergi|kost|diett|spesialkost|mat|matallergi|dietary|diet|behov)/i],
  ] as [Column, RegExp][]
).map(([c, re]) => [c, uni(re)]);

// `uni`: a plain `\b` sits between «n» and «ø», so «Nøtteallergi» would read as «n(ei)».
const YES = uni(/^(?:ja|j|yes|y|x|ok)\b|^[✓✔]/i);
const NO = uni(/^(?:nei|n|no|nope|ikke|ikkje|ingen|none)\b|^[-–]+$/i);
const INSTEAD_OF = uni(
  /\b(?:i stedet for|istedenfor|i staden for|istadenfor|erstatter|erstattar|instead of|for)\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?)/iu,
);
const SEPARATORS = [/\s*\|\s*/, /\s+[-–]\s+/, /\s*;\s*/, /\t+/];

function yesNo(cell: string | undefined): boolean | null {
  if (!cell) return null;
  if (YES.test(cell)) return true;
  if (NO.test(cell)) return false;
  return null;
}

interface Header {
  columns: (Column | null)[];
  /** Cells before the first column the header names: the person's name, in a legend. */
  offset: number;
  line: number;
}

function headerIn(lines: string[], sep: RegExp): Header | null {
  for (const [i, line] of lines.entries()) {
    const cells = line
      .replace(/^\s*\(|\)\s*$/g, '')
      .trim()
      .split(sep)
      .filter((c) => c !== '');
    if (cells.length < 2) continue;
    const columns = cells.map((c) => COLUMNS.find(([, re]) => re.test(c))?.[0] ?? null);
    if (columns.some((c) => c === null) || columns.filter((c) => c !== 'name').length < 2) continue;
    return { columns, offset: columns.includes('name') ? 0 : 1, line: i };
  }
  return null;
}

/** The table's answers and the lines it took, or null when there is no such table. */
export function attendanceFromTable(
  lines: string[],
): { answers: AttendanceAnswer[]; rows: Set<number> } | null {
  for (const sep of SEPARATORS) {
    const header = headerIn(lines, sep);
    if (!header) continue;
    const at = (col: Column) =>
      col === 'name' && header.offset ? 0 : header.columns.indexOf(col) + header.offset;
    const has = (col: Column) => col === 'name' || header.columns.includes(col);
    const answers: AttendanceAnswer[] = [];
    const stoodIn: { name: string; replaced: string }[] = [];
    const rows = new Set<number>([header.line]);
    for (const [j, line] of lines.entries()) {
      if (j === header.line) continue;
      const row = line.trim().split(sep);
      if (row.length < 2) continue;
      // «Siri Holm (i stedet for Jan)»: the name, and whom they come instead of.
      const cell = row[at('name')]?.trim() ?? '';
      const note = /\s*\(([^)]*)\)\s*$/.exec(cell);
      const name = note ? cell.slice(0, note.index).trim() : cell;
      if (!name || !/^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}$/u.test(name)) continue;
      const replaced = note ? INSTEAD_OF.exec(note[1])?.[1] : undefined;
      if (replaced) stoodIn.push({ name, replaced });
      const attending = has('attending') ? yesNo(row[at('attending')]) : null;
      const dietCell = has('dietary') ? (row[at('dietary')] ?? '').trim() : '';
      answers.push({
        participant: name,
        attending,
        overnight: attending === false || !has('overnight') ? null : yesNo(row[at('overnight')]),
        dinner: attending === false || !has('dinner') ? null : yesNo(row[at('dinner')]),
        dietary: !dietCell || NO.test(dietCell) ? null : dietCell.toLowerCase(),
        substitute: null,
      });
      rows.add(j);
    }
    for (const { name, replaced } of stoodIn) {
      const target = answers.find(
        (x) => x.participant?.split(/\s+/)[0] === replaced.split(/\s+/)[0],
      );
      if (target && !target.substitute)
        target.substitute = { name, title: null, email: null, phone: null };
    }
    if (answers.length) return { answers, rows };
  }
  return null;
}
