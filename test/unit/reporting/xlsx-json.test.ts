import ExcelJS from 'exceljs';
import {
  EXPORT_FORMATS,
  EXPORT_KINDS,
  exportTable,
  type ExportKind,
} from '../../../reporting/exports';
import { logistics, sumTotals } from '../../../reporting/logistics';
import { sheetName } from '../../../reporting/xlsx';
import { EXPECTED, INJECTION_TITLE, SCRIPT_NAME, reportFixture } from './fixture';

const data = reportFixture();

async function workbook(kind: ExportKind): Promise<ExcelJS.Workbook> {
  const file = await exportTable(kind, data, 'xlsx');
  expect(file.contentType).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  expect(file.filename).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.content as unknown as ArrayBuffer);
  return wb;
}

const headerOf = (ws: ExcelJS.Worksheet) =>
  (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => String(v));

describe('XLSX', () => {
  test('registrations: one sheet, bold frozen header with a filter, real dates, text as text', async () => {
    const wb = await workbook('registrations');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Påmeldinger']);
    const ws = wb.worksheets[0];
    expect(headerOf(ws)[0]).toBe('Kommunenummer');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
    expect(ws.rowCount).toBe(1 + data.journeys.reduce((s, j) => s + j.participants.length, 0));

    const header = headerOf(ws);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = ws.getRows(2, ws.rowCount - 1)!;
    const oslo = rows.find((r) => r.getCell(col('Kommune')).value === 'Oslo')!;
    // The leading zero survives: a text cell.
    expect(oslo.getCell(col('Kommunenummer')).value).toBe('0301');
    expect(rows.some((r) => r.getCell(col('Navn')).value === SCRIPT_NAME)).toBe(true);
    // A formula-looking title stays a string, never a formula.
    const bergen = rows.find((r) => r.getCell(col('Stilling')).value === INJECTION_TITLE)!;
    expect(bergen.getCell(col('Stilling')).type).toBe(ExcelJS.ValueType.String);
    const registered = bergen.getCell(col('Påmeldt'));
    expect(registered.value).toBeInstanceOf(Date);
    expect(registered.numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(bergen.getCell(col('Etter fristen')).value).toBe('nei');

    for (let i = 1; i <= header.length; i++) {
      const width = ws.getColumn(i).width ?? 0;
      expect(width).toBeGreaterThanOrEqual(6);
      expect(width).toBeLessThanOrEqual(70);
    }
  });

  test('logistics: an overview with a grand total, and one sheet per gathering with its totals row', async () => {
    const wb = await workbook('logistics');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Oversikt',
      'A – samling 1',
      'A – samling 2',
      'A – samling 3',
      'B – samling 1',
      'B – samling 2',
      'B – samling 3',
      'C – samling 1',
      'C – samling 2',
      'C – samling 3',
    ]);
    const all = logistics(data);
    const grand = sumTotals(all.map((g) => g.totals));

    const overview = wb.getWorksheet('Oversikt')!;
    const header = headerOf(overview);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(overview.rowCount).toBe(1 + 9 + 1);
    const last = overview.getRow(overview.rowCount);
    expect(last.getCell(1).value).toBe('Sum');
    expect(last.font?.bold).toBe(true);
    expect(last.getCell(col('Deltar')).value).toBe(grand.attending);
    expect(last.getCell(col('Netter')).value).toBe(grand.nights);
    expect(last.getCell(col('Lunsjer')).value).toBe(grand.lunches);
    expect(last.getCell(col('Middager')).value).toBe(grand.dinners);
    expect(last.getCell(col('Frokoster')).value).toBe(grand.breakfasts);
    expect(last.getCell(col('Ukjent')).value).toBe(grand.unknown);
    const a1 = overview.getRow(2);
    expect(a1.getCell(col('Fra')).value).toEqual(new Date(Date.UTC(2013, 5, 18)));
    expect(a1.getCell(col('Fra')).numFmt).toBe('dd.mm.yyyy');
    expect(a1.getCell(col('Netter')).value).toBe(all[0].totals.nights);
    expect(String(a1.getCell(col('Spesialkost')).value)).toContain('\n');

    const c3 = wb.getWorksheet('C – samling 3')!;
    const c3Header = headerOf(c3);
    expect(c3.rowCount).toBe(1 + EXPECTED.participantsByNetwork.C + 1);
    expect(c3.getRow(2).getCell(c3Header.indexOf('Deltar') + 1).value).toBe('ukjent');
    expect(c3.getRow(2).getCell(c3Header.indexOf('Fra') + 1).value).toBe('ikke satt');
    const c3Sum = c3.getRow(c3.rowCount);
    expect(c3Sum.font?.bold).toBe(true);
    expect(c3Sum.getCell(c3Header.indexOf('Deltar') + 1).value).toBe('0 ja, 0 nei, 26 ukjent');
  });

  test('lessons: long text wrapped', async () => {
    const wb = await workbook('lessons');
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Læringspunkter');
    const header = headerOf(ws);
    const lessons = ws.getColumn(header.indexOf('Læringspunkter og erfaringer') + 1);
    expect(lessons.alignment?.wrapText).toBe(true);
    expect(lessons.width).toBeGreaterThanOrEqual(40);
  });

  test('sheet names are made acceptable to Excel and unique', () => {
    const taken = new Set<string>();
    expect(sheetName('A/B: [samling] 1?', taken)).toBe('A-B- -samling- 1-');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(29)} 2`);
  });
});

describe('JSON', () => {
  test('registrations and lessons: plain arrays of objects with English keys and raw values', async () => {
    const reg = JSON.parse(
      (await exportTable('registrations', data, 'json')).content.toString('utf8'),
    );
    expect(Array.isArray(reg)).toBe(true);
    expect(Object.keys(reg[0])).toEqual([
      'municipalityId',
      'municipality',
      'type',
      'county',
      'network',
      'stage',
      'name',
      'title',
      'email',
      'phone',
      'anchored',
      'networkPreference',
      'registeredAt',
      'registeredVia',
      'late',
    ]);
    const bergen = reg.find((r: { title: string }) => r.title === INJECTION_TITLE);
    expect(bergen).toMatchObject({
      municipality: 'Bergen',
      stage: 'lessons',
      network: 'B',
      anchored: true,
      late: false,
      registeredVia: 'mail',
    });
    expect(bergen.registeredAt).toMatch(/^2013-05-\d\dT/);

    const lessons = JSON.parse(
      (await exportTable('lessons', data, 'json')).content.toString('utf8'),
    );
    expect(lessons).toHaveLength(EXPECTED.placed);
    expect(Object.keys(lessons[0])).toEqual([
      'municipalityId',
      'municipality',
      'network',
      'stage',
      'status1At',
      'status1',
      'status2At',
      'status2',
      'lessonsAt',
      'lessons',
    ]);
  });

  test('logistics: one object per gathering with totals and people; unknown as null', async () => {
    const file = await exportTable('logistics', data, 'json');
    expect(file.contentType).toBe('application/json; charset=utf-8');
    const gatherings = JSON.parse(file.content.toString('utf8'));
    expect(gatherings).toHaveLength(9);
    const a1 = gatherings[0];
    expect(a1).toMatchObject({
      network: 'A',
      gathering: 1,
      lunchToLunch: true,
      firstDay: '2013-06-18',
      lastDay: '2013-06-19',
    });
    expect(a1.venue).toEqual({
      id: 'gardermoen',
      name: 'Gardermoen',
      address: 'Oslo lufthavn Gardermoen, Ullensaker',
    });
    expect(a1.totals).toEqual(logistics(data)[0].totals);
    const c3 = gatherings[8];
    expect(c3.firstDay).toBeNull();
    expect(
      c3.people.every(
        (p: { attending: null; lunches: null }) => p.attending === null && p.lunches === null,
      ),
    ).toBe(true);
  });
});

test('every kind in every format', async () => {
  for (const kind of EXPORT_KINDS) {
    for (const format of EXPORT_FORMATS) {
      const file = await exportTable(kind, data, format);
      expect(file.content.length).toBeGreaterThan(100);
      expect(file.filename.endsWith(`.${format}`)).toBe(true);
    }
  }
  await expect(exportTable('hotels' as ExportKind, data, 'csv')).rejects.toThrow(/Unknown export/);
  await expect(exportTable('lessons', data, 'pdf' as 'csv')).rejects.toThrow(/Unknown format/);
});
