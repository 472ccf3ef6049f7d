// The roster of organisations a campaign invites, as a CSV exported from a spreadsheet or a
// register. Columns are found by name in any order; Norwegian Excel writes `;` and decimal
// commas, so both are accepted. Unknown columns (population, website…) are ignored.

import { CsvError, parse } from 'csv-parse/sync';
import type { Municipality } from '../types';
import { controlCharacterIn } from '../text-file';
import { RosterError, type RosterIssue } from './errors';
import {
  checkInNorway,
  readCoordinate,
  readDomains,
  readEmail,
  readId,
  readLanguageForm,
  readType,
  type FieldResult,
} from './fields';
import { sharedContacts } from './overlaps';

export const ROSTER_COLUMNS = [
  'id',
  'name',
  'type',
  'email',
  'language_form',
  'lat',
  'lon',
  'county',
  'domains',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
const OPTIONAL_COLUMNS: readonly RosterColumn[] = ['county', 'domains'];

interface Row {
  line: number;
  cells: string[];
}

export function parseMunicipalities(text: string, fileName: string): Municipality[] {
  return parseRoster(text, fileName).municipalities;
}

/** The roster, or a RosterError with every problem; warnings are for the coordinator to read. */
export function parseRoster(
  text: string,
  fileName: string,
): { municipalities: Municipality[]; warnings: RosterIssue[] } {
  const content = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(content);
  const rows = readRows(content, delimiter, fileName);
  if (rows.length === 0) {
    throw new RosterError(fileName, [{ line: 1, field: 'file', message: 'the file is empty' }]);
  }
  const [header, ...body] = rows;
  const issues: RosterIssue[] = [];
  const columns = readHeader(header, issues);
  if (body.length === 0) {
    issues.push({ line: header.line, field: 'file', message: 'no organisations below the header' });
  }

  const municipalities: Municipality[] = [];
  const lines: number[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const row of body) {
    if (row.cells.length !== header.cells.length) {
      issues.push({
        line: row.line,
        field: 'row',
        message: `has ${row.cells.length} fields, the header has ${header.cells.length} (separator is "${delimiter}")`,
      });
      continue;
    }
    const municipality = readRow(row, columns, delimiter === ';', issues);
    if (!municipality) continue;
    const first = firstLineOfId.get(municipality.id);
    if (first !== undefined) {
      issues.push({
        line: row.line,
        field: 'id',
        message: `duplicate id ${municipality.id} (first on line ${first})`,
      });
      continue;
    }
    firstLineOfId.set(municipality.id, row.line);
    municipalities.push(municipality);
    lines.push(row.line);
  }
  const shared = sharedContacts(municipalities, lines);
  issues.push(...shared.refusals);
  if (issues.length > 0) throw new RosterError(fileName, issues);
  return { municipalities, warnings: shared.warnings };
}

/** The separator the header line uses most, outside quotes: `;` or `,`. */
export function detectDelimiter(content: string): ';' | ',' {
  const headerLine = content
    .split(/\r?\n/)
    .find((line) => line.trim() !== '' && !line.startsWith('#'));
  let [semicolons, commas, quoted] = [0, 0, false];
  for (const char of headerLine ?? '') {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

function readRows(content: string, delimiter: string, fileName: string): Row[] {
  try {
    const records = parse(content, {
      delimiter,
      info: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // csv-parse counts the line a record ends on; a quoted field may span lines.
    return records.map(({ record, info }) => ({
      cells: record,
      line:
        info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
    }));
  } catch (error) {
    if (error instanceof CsvError) {
      throw new RosterError(fileName, [
        {
          line: typeof error.lines === 'number' ? error.lines : 1,
          field: 'file',
          message: error.message,
        },
      ]);
    }
    throw error;
  }
}

function normaliseColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function readHeader(header: Row, issues: RosterIssue[]): Map<RosterColumn, number> {
  const columns = new Map<RosterColumn, number>();
  header.cells.forEach((cell, index) => {
    const name = normaliseColumnName(cell) as RosterColumn;
    if (!ROSTER_COLUMNS.includes(name)) return;
    if (columns.has(name)) {
      issues.push({ line: header.line, field: name, message: 'column appears twice' });
    } else columns.set(name, index);
  });
  for (const column of ROSTER_COLUMNS) {
    if (!columns.has(column) && !OPTIONAL_COLUMNS.includes(column)) {
      issues.push({ line: header.line, field: column, message: 'missing column' });
    }
  }
  return columns;
}

function readRow(
  row: Row,
  columns: Map<RosterColumn, number>,
  decimalComma: boolean,
  issues: RosterIssue[],
): Municipality | null {
  // Tabs and line breaks inside a cell (Alt+Enter in Excel) are ordinary whitespace: one space.
  const cell = (column: RosterColumn) => {
    const index = columns.get(column);
    return index === undefined ? '' : row.cells[index].replace(/\s+/g, ' ').trim();
  };
  let valid = true;
  // Any other control character would end up in mails and search attributes: refuse the cell.
  const garbled = new Set<RosterColumn>();
  for (const [column, index] of columns) {
    const found = controlCharacterIn(row.cells[index]);
    if (found) {
      issues.push({ line: row.line, field: column, message: found });
      garbled.add(column);
      valid = false;
    }
  }
  // Reads a required column; a missing column was reported once for the header already.
  const field = <T>(column: RosterColumn, read: (text: string) => FieldResult<T>): T | null => {
    if (!columns.has(column) || garbled.has(column)) {
      valid = false;
      return null;
    }
    const text = cell(column);
    const result: FieldResult<T> = text === '' ? { ok: false, message: 'is empty' } : read(text);
    if (result.ok) return result.value;
    issues.push({ line: row.line, field: column, message: result.message });
    valid = false;
    return null;
  };

  const type = field('type', readType);
  const id = field('id', (text) => readId(text, type));
  const name = field('name', (text) => ({ ok: true, value: text }));
  const email = field('email', readEmail);
  const languageForm = field('language_form', readLanguageForm);
  const lat = field('lat', (text) => readCoordinate(text, 'lat', decimalComma));
  const lon = field('lon', (text) => readCoordinate(text, 'lon', decimalComma));
  if (lat !== null && lon !== null) {
    const outside = checkInNorway(lat, lon);
    if (outside) {
      issues.push({ line: row.line, field: 'lat/lon', message: outside });
      valid = false;
    }
  }
  let domains: string[] | null = null;
  if (email !== null && !garbled.has('domains')) {
    const result = readDomains(cell('domains'), email);
    if (result.ok) domains = result.value;
    else {
      issues.push({ line: row.line, field: 'domains', message: result.message });
      valid = false;
    }
  }
  if (!valid || !type || !id || !name || !email || !languageForm || lat === null || lon === null) {
    return null;
  }
  return {
    id,
    name,
    type,
    email,
    languageForm,
    lat,
    lon,
    county: cell('county') || null,
    domains: domains ?? [],
  };
}
