// XLSX with exceljs: one sheet per table, the header row bold, filled and frozen with a filter,
// widths from the content, dates as real dates (dd.mm.yyyy), long text wrapped, totals rows bold.
import ExcelJS from 'exceljs';
import { toOslo } from '../domain/time';
import { displayCell, type Cell, type Column, type Table } from './table';

export interface WorkbookMeta {
  title: string;
  /** The data's instant: the workbook's created/modified time, so the file is reproducible. */
  generatedAt: string;
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8EDF3' },
};
const TOTAL_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF4F4F4' },
};

/** Excel serialises a Date by its UTC fields: give it the Norwegian wall clock as UTC. */
function wallClockDate(value: string, type: 'date' | 'datetime'): Date | null {
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  }
  if (Number.isNaN(Date.parse(value))) return null;
  const t = toOslo(value);
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute));
}

function cellValue(column: Column, value: Cell): ExcelJS.CellValue {
  if (value === null || value === undefined) return column.nullText ?? null;
  if (column.display) return column.display(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && (column.type === 'date' || column.type === 'datetime')) {
    return wallClockDate(value, column.type) ?? value;
  }
  // Strings are written as strings (shared strings), never as formulas.
  return displayCell(column, value);
}

function columnWidth(table: Table, column: Column): number {
  if (column.type === 'longtext') return column.maxWidth ?? 70;
  if (column.type === 'date') return Math.max(12, column.header.length + 2);
  if (column.type === 'datetime') return Math.max(17, column.header.length + 2);
  let widest = column.header.length;
  for (const row of table.rows) {
    const shown = displayCell(column, row.cells[column.key] ?? null);
    for (const line of shown.split('\n')) widest = Math.max(widest, line.length);
  }
  return Math.min(column.maxWidth ?? 45, Math.max(6, widest + 2));
}

function addSheet(workbook: ExcelJS.Workbook, table: Table): void {
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    properties: { defaultRowHeight: 15 },
  });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: columnWidth(table, c),
  }));
  table.columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    if (c.type === 'date') col.numFmt = 'dd.mm.yyyy';
    if (c.type === 'datetime') col.numFmt = 'dd.mm.yyyy hh:mm';
    if (c.type === 'longtext') col.alignment = { wrapText: true, vertical: 'top' };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: false };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A99AD' } } };
  });
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c) => cellValue(c, row.cells[c.key] ?? null)));
    if (table.columns.some((c) => c.type === 'longtext'))
      added.alignment = { vertical: 'top', wrapText: true };
    if (row.total) {
      added.font = { bold: true };
      added.eachCell({ includeEmpty: true }, (cell) => {
        cell.fill = TOTAL_FILL;
        cell.border = { top: { style: 'thin', color: { argb: 'FF8A99AD' } } };
      });
    }
  }
  if (table.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: table.columns.length },
    };
  }
}

/** Sheet names Excel accepts: ≤ 31 characters, none of []:*?/\, unique. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Ark';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

export async function toXlsx(tables: Table[], meta: WorkbookMeta): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const at = new Date(meta.generatedAt);
  workbook.creator = 'nettverk';
  workbook.lastModifiedBy = 'nettverk';
  workbook.title = meta.title;
  workbook.created = at;
  workbook.modified = at;
  const taken = new Set<string>();
  for (const table of tables)
    addSheet(workbook, { ...table, sheet: sheetName(table.sheet, taken) });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
