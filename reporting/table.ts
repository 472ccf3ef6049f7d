// A table as the exports see it: typed columns with Norwegian headers and English keys, rows
// of raw values. CSV and XLSX format the values for people; JSON passes them on as they are.
import { formatDate, formatInstant, yesNo } from './format';

/** text: short; longtext: paragraphs (wrapped in XLSX); date: `YYYY-MM-DD`; datetime: instant. */
export type CellType = 'text' | 'longtext' | 'int' | 'bool' | 'date' | 'datetime';
export type Cell = string | number | boolean | null;

export interface Column {
  /** English key: the JSON property. */
  key: string;
  /** Norwegian header. */
  header: string;
  type: CellType;
  /** Shown for null (default empty); «ukjent» where an unknown must be visible. */
  nullText?: string;
  /** How a value is shown to people (CSV, XLSX), when not as stored (codes → words). */
  display?: (value: Cell) => string;
  /** Widest the XLSX column gets, in characters. */
  maxWidth?: number;
}

export interface Row {
  cells: Record<string, Cell>;
  /** A totals row: bold in XLSX. */
  total?: boolean;
}

export interface Table {
  /** XLSX sheet name (≤ 31 characters, none of []:*?/\). */
  sheet: string;
  columns: Column[];
  rows: Row[];
}

/**
 * A value as people read it: dates `dd.mm.yyyy`, instants `dd.mm.yyyy hh:mm` (Norwegian time),
 * booleans «ja»/«nei», null as the column's `nullText`. A string in a non-text column (a totals
 * row's «3 ukjent») is shown as it is.
 */
export function displayCell(column: Column, value: Cell): string {
  if (value === null || value === undefined) return column.nullText ?? '';
  if (column.display) return column.display(value);
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return String(value);
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (column.type === 'datetime' && !Number.isNaN(Date.parse(value))) return formatInstant(value);
  return value;
}

/** The rows as plain objects with the columns' English keys (for JSON). */
export const plainRows = (table: Table): Record<string, Cell>[] =>
  table.rows.map((r) =>
    Object.fromEntries(table.columns.map((c) => [c.key, r.cells[c.key] ?? null])),
  );
