// CSV that Norwegian Excel opens as it should: UTF-8 with a byte order mark (else æøå turn
// into mojibake), semicolons (the comma is the decimal separator in Norway), CRLF between
// records, fields quoted per RFC 4180. A line break inside a field is kept as LF, which Excel
// shows as a line break within the cell.
import { displayCell, type Table } from './table';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/**
 * Text a spreadsheet would take for a formula (= + - @, and tab or CR, which some read the same
 * way) gets a leading apostrophe: a municipality's reply must never run in the coordinator's Excel.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field: quoted when it holds the separator, a quote or a line break; quotes doubled. */
export function csvField(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return /[";\n]/.test(normalised) || /^\s|\s$/.test(normalised)
    ? `"${normalised.replace(/"/g, '""')}"`
    : normalised;
}

export function toCsv(table: Table): Buffer {
  const lines = [
    table.columns.map((c) => csvField(guardFormula(c.header))),
    ...table.rows.map((row) =>
      table.columns.map((c) => {
        const shown = displayCell(c, row.cells[c.key] ?? null);
        // Numbers, dates and yes/no are ours; text may come from anyone's mail.
        return csvField(c.type === 'text' || c.type === 'longtext' ? guardFormula(shown) : shown);
      }),
    ),
  ];
  return Buffer.from(
    CSV_BOM + lines.map((fields) => fields.join(CSV_SEPARATOR)).join('\r\n') + '\r\n',
    'utf8',
  );
}
