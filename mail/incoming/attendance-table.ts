// An attendance answer written as a table (Outlook and OWA send HTML tables; html-text.ts
// renders each row as «cell | cell | …»): a header row names the columns, each row after it
// is one person. Read by column, so a «Nei» in the overnight column is about the night.
import type { AttendanceAnswer } from '../../domain/types';
import { uni } from './text-utils';

type Column = 'name' | 'attending' | 'overnight' | 'dinner' | 'dietary';

const COLUMNS: [Column, RegExp][] = [
  ['name', /^(?:navn|namn|name|deltaker|deltakar|participant)\b/i],
  ['attending', /^(?:kommer|kjem|deltar|deltek|deltakelse|deltaking|attending|attends|møter)\b/i],
  ['overnight', /^(?:overnatting|overnattar|rom|hotell|hotellrom|natt|overnight|hotel)/i],
  ['dinner', /^(?:middag|dinner|festmiddag)/i],
  ['dietary', /^(?:allergi|kost|diett|spesialkost|mat|matallergi|dietary|diet|behov)/i],
].map(([c, re]) => [c, uni(re as RegExp)] as [Column, RegExp]);

// `uni`: a plain `\b` sits between «n» and «ø», so «Nøtteallergi» would read as «n(ei)».
const YES = uni(/^(?:ja|j|yes|y|x|ok)\b|^[✓✔]/i);
const NO = uni(/^(?:nei|n|no|nope|ikke|ikkje|ingen|none)\b|^[-–]+$/i);

const cells = (line: string) => line.split('|').map((c) => c.trim());

function yesNo(cell: string | undefined): boolean | null {
  if (!cell) return null;
  if (YES.test(cell)) return true;
  if (NO.test(cell)) return false;
  return null;
}

/** The table's answers and the lines it took, or null when there is no such table. */
export function attendanceFromTable(
  lines: string[],
): { answers: AttendanceAnswer[]; rows: Set<number> } | null {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('|')) continue;
    const header = cells(lines[i]).map((c) => COLUMNS.find(([, re]) => re.test(c))?.[0] ?? null);
    const at = (col: Column) => header.indexOf(col);
    if (at('name') < 0 || header.filter((h) => h && h !== 'name').length < 2) continue;
    const answers: AttendanceAnswer[] = [];
    const rows = new Set<number>([i]);
    for (let j = i + 1; j < lines.length && lines[j].includes('|'); j++) {
      const row = cells(lines[j]);
      const name = row[at('name')];
      if (!name || /^[-:\s]+$/.test(name)) {
        rows.add(j);
        continue;
      }
      const attending = yesNo(row[at('attending')]);
      const dietCell = at('dietary') >= 0 ? (row[at('dietary')] ?? '') : '';
      const noDiet = !dietCell || NO.test(dietCell);
      answers.push({
        participant: name,
        attending,
        overnight: attending === false ? null : yesNo(row[at('overnight')]),
        dinner: attending === false ? null : yesNo(row[at('dinner')]),
        dietary: noDiet ? null : dietCell.toLowerCase(),
        substitute: null,
      });
      rows.add(j);
    }
    if (answers.length) return { answers, rows };
  }
  return null;
}
