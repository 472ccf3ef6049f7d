// `nettverk export registrations|logistics|lessons --format csv|xlsx|json`: the file, ready to
// write. Pure apart from exceljs's asynchronous zip writer.
import { osloDate } from '../domain/time';
import type { CampaignData } from './data';
import { toCsv } from './csv';
import { logistics } from './logistics';
import { plainRows, type Table } from './table';
import {
  lessonsTable,
  logisticsJson,
  logisticsTable,
  logisticsTables,
  registrationsTable,
} from './tables';
import { toXlsx } from './xlsx';

export const EXPORT_KINDS = ['registrations', 'logistics', 'lessons'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  /** `ks-ti-2013-logistikk-2013-06-01.xlsx`: campaign, what, the data's date (Norway). */
  filename: string;
  contentType: string;
  content: Buffer;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** The file name's word for each export (ASCII: hotels' mail systems mangle æøå in names). */
const FILE_WORDS: Record<ExportKind, string> = {
  registrations: 'pameldinger',
  logistics: 'logistikk',
  lessons: 'laeringspunkter',
};

const TITLES: Record<ExportKind, string> = {
  registrations: 'Påmeldinger',
  logistics: 'Logistikk for samlingene',
  lessons: 'Statusrapporter og læringspunkter',
};

export const isExportKind = (s: string): s is ExportKind =>
  (EXPORT_KINDS as readonly string[]).includes(s);
export const isExportFormat = (s: string): s is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(s);

export function exportFilename(kind: ExportKind, data: CampaignData, format: ExportFormat): string {
  const id = data.campaign.campaign.id.replace(/[^a-z0-9-]+/gi, '-');
  return `${id}-${FILE_WORDS[kind]}-${osloDate(data.generatedAt)}.${format}`;
}

/**
 * One export as a file.
 * - registrations: one row per participant (every journey that named anyone, any stage).
 * - logistics: per network and gathering the people (attending yes/no/«ukjent») and a totals
 *   row; XLSX has an overview sheet (one row per gathering, a grand total) and one sheet per
 *   gathering; JSON is one object per gathering with `totals` and `people`.
 * - lessons: per municipality the status reports after gatherings 1 and 2 and the lessons learned.
 * JSON otherwise is an array of plain objects with the columns' English keys and raw values
 * (ISO dates, booleans, stage codes).
 */
export async function exportTable(
  kind: ExportKind,
  data: CampaignData,
  format: ExportFormat,
): Promise<ExportFile> {
  if (!isExportKind(kind))
    throw new Error(`Unknown export "${kind as string}" (${EXPORT_KINDS.join(', ')})`);
  if (!isExportFormat(format))
    throw new Error(`Unknown format "${format as string}" (${EXPORT_FORMATS.join(', ')})`);
  const filename = exportFilename(kind, data, format);
  const contentType = CONTENT_TYPES[format];
  const all = kind === 'logistics' ? logistics(data) : [];
  const table = (): Table =>
    kind === 'registrations'
      ? registrationsTable(data)
      : kind === 'logistics'
        ? logisticsTable(data, all)
        : lessonsTable(data);

  switch (format) {
    case 'csv':
      return { filename, contentType, content: toCsv(table()) };
    case 'json': {
      const value = kind === 'logistics' ? logisticsJson(all) : plainRows(table());
      return {
        filename,
        contentType,
        content: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8'),
      };
    }
    case 'xlsx': {
      const tables = kind === 'logistics' ? logisticsTables(data, all) : [table()];
      const title = `${TITLES[kind]} – ${data.campaign.campaign.title}`;
      return {
        filename,
        contentType,
        content: await toXlsx(tables, { title, generatedAt: data.generatedAt }),
      };
    }
  }
}
