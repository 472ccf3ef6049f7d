import { parse } from 'csv-parse/sync';
import { csvField, guardFormula, toCsv } from '../../../reporting/csv';
import { exportTable } from '../../../reporting/exports';
import type { Table } from '../../../reporting/table';
import { EXPECTED, INJECTION_TITLE, SCRIPT_NAME, reportFixture } from './fixture';

const data = reportFixture();

function rows(content: Buffer): string[][] {
  return parse(content, { delimiter: ';', bom: true, relax_column_count: false });
}

describe('CSV for Norwegian Excel', () => {
  test('BOM, semicolons, CRLF, RFC 4180 quoting, æøå intact', () => {
    const table: Table = {
      sheet: 'Test',
      columns: [
        { key: 'text', header: 'Tekst', type: 'text' },
        { key: 'date', header: 'Dato', type: 'date' },
        { key: 'at', header: 'Tid', type: 'datetime' },
        { key: 'ok', header: 'Svar', type: 'bool', nullText: 'ukjent' },
        { key: 'n', header: 'Antall', type: 'int' },
      ],
      rows: [
        {
          cells: {
            text: 'Ærlig, «ønsket» på Årdal',
            date: '2013-06-18',
            at: '2013-05-21T12:30:00.000Z',
            ok: true,
            n: 3,
          },
        },
        { cells: { text: 'Leder; "kontroll"', date: null, at: null, ok: false, n: 0 } },
        {
          cells: {
            text: 'to\r\nlinjer',
            date: '2014-03-04',
            at: '2014-01-15T08:05:00.000Z',
            ok: null,
            n: null,
          },
        },
      ],
    };
    const bytes = toCsv(table);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toBe(
      '\uFEFFTekst;Dato;Tid;Svar;Antall\r\n' +
        'Ærlig, «ønsket» på Årdal;18.06.2013;21.05.2013 14:30;ja;3\r\n' +
        '"Leder; ""kontroll""";;;nei;0\r\n' +
        '"to\nlinjer";04.03.2014;15.01.2014 09:05;ukjent;\r\n',
    );
    expect(rows(bytes)[2][0]).toBe('Leder; "kontroll"');
    expect(rows(bytes)[3][0]).toBe('to\nlinjer');
  });

  test('formula injection: = + - @ (and tab) get a leading apostrophe', () => {
    expect(guardFormula('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(guardFormula('+47 55 56 60 00')).toBe("'+47 55 56 60 00");
    expect(guardFormula('-ass. rådmann')).toBe("'-ass. rådmann");
    expect(guardFormula('@kontroll')).toBe("'@kontroll");
    expect(guardFormula('\tx')).toBe("'\tx");
    expect(guardFormula('Rådmann')).toBe('Rådmann');
    expect(guardFormula('a=b')).toBe('a=b');
    expect(csvField(guardFormula(INJECTION_TITLE))).toBe(
      `"'=HYPERLINK(""http://evil.example"",""klikk"")"`,
    );
  });
});

describe('registrations export', () => {
  test('one row per participant, Norwegian headers, the values people read', async () => {
    const file = await exportTable('registrations', data, 'csv');
    expect(file.filename).toBe('ks-ti-2013-pameldinger-2014-04-20.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const [header, ...body] = rows(file.content);
    expect(header).toEqual([
      'Kommunenummer',
      'Kommune',
      'Type',
      'Fylke',
      'Nettverk',
      'Status',
      'Navn',
      'Stilling',
      'E-post',
      'Telefon',
      'Forankret i administrativ ledelse',
      'Ønsket nettverk',
      'Påmeldt',
      'Påmeldt via',
      'Etter fristen',
    ]);
    const everyone = data.journeys.reduce((s, j) => s + j.participants.length, 0);
    expect(body).toHaveLength(everyone);
    // Placed 74 + waiting 8 + cancelled 4 + Namsos (declined after registering) 2.
    expect(everyone).toBe(74 + 2 * EXPECTED.waitingList + 4 + 2);

    const text = file.content.toString('utf8');
    expect(text.split('\r\n').length).toBe(everyone + 2); // header, rows, and the final CRLF
    // Outside quoted fields every line ends in CRLF.
    expect(text.replace(/"(?:[^"]|"")*"/g, '""')).not.toMatch(/[^\r]\n/);

    const find = (name: string) => body.find((r) => r[6] === name)!;
    expect(find(SCRIPT_NAME)).toBeDefined();
    const bergen = body.filter((r) => r[1] === 'Bergen');
    expect(bergen[0][7]).toBe(`'${INJECTION_TITLE}`);
    expect(bergen[0][9]).toBe("'+47 55 56 60 00");
    expect(bergen[0][4]).toBe('B');
    expect(bergen[0][5]).toBe('læringspunkter');
    expect(bergen[0][10]).toBe('ja');
    expect(bergen[0][12]).toMatch(/^\d{2}\.\d{2}\.2013 \d{2}:\d{2}$/);
    expect(bergen[0][13]).toBe('e-post');
    expect(bergen[0][14]).toBe('nei');
    expect(find('Øystein Ærø Åsen')[1]).toBe('Ålesund');
    expect(text).toContain('Øystein Ærø Åsen;');

    const hammerfest = body.find((r) => r[1] === 'Hammerfest')!;
    expect(hammerfest[4]).toBe('');
    expect(hammerfest[5]).toBe('venteliste');
    expect(hammerfest[14]).toBe('ja');
    expect(hammerfest[12]).toBe('03.06.2013 15:45');
    expect(body.find((r) => r[1] === 'Drammen')![13]).toBe('koordinator');
    expect(body.find((r) => r[1] === 'Rana')![10]).toBe('ukjent');
    expect(body.find((r) => r[1] === 'Oslo')![0]).toBe('0301');
    // Municipalities in Norwegian order.
    expect(body[body.length - 1][1]).toBe('Ålesund');
  });
});

describe('logistics export', () => {
  test('people per gathering with a totals row each; unknown shown as «ukjent»', async () => {
    const file = await exportTable('logistics', data, 'csv');
    expect(file.filename).toBe('ks-ti-2013-logistikk-2014-04-20.csv');
    const [header, ...body] = rows(file.content);
    const col = (name: string) => header.indexOf(name);
    expect(header.slice(0, 10)).toEqual([
      'Nettverk',
      'Samling',
      'Form',
      'Måned',
      'Fra',
      'Til',
      'Sted',
      'Adresse',
      'Kommune',
      'Navn',
    ]);
    const sums = body.filter((r) => r[col('Kommune')].startsWith('Sum '));
    expect(sums).toHaveLength(9);
    expect(body).toHaveLength(9 + 3 * (25 + 23 + 26));

    const a1 = body.filter((r) => r[col('Nettverk')] === 'A' && r[col('Samling')] === '1');
    expect(a1[0].slice(col('Form'), col('Sted') + 1)).toEqual([
      'lunsj til lunsj med overnatting',
      'juni 2013',
      '18.06.2013',
      '19.06.2013',
      'Gardermoen',
    ]);
    const people = a1.slice(0, -1);
    const sum = a1[a1.length - 1];
    const total = (c: string) => people.reduce((s, r) => s + (Number(r[col(c)]) || 0), 0);
    expect(Number(sum[col('Netter')])).toBe(total('Netter'));
    expect(Number(sum[col('Lunsjer')])).toBe(total('Lunsjer'));
    expect(Number(sum[col('Middager')])).toBe(total('Middager'));
    expect(Number(sum[col('Frokoster')])).toBe(total('Frokoster'));
    expect(sum[col('Deltar')]).toMatch(/^\d+ ja, \d+ nei/);

    const c3 = body.filter((r) => r[col('Nettverk')] === 'C' && r[col('Samling')] === '3');
    expect(c3[0][col('Fra')]).toBe('ikke satt');
    expect(c3[0][col('Måned')]).toBe('mai 2014');
    for (const r of c3.slice(0, -1)) {
      expect(r[col('Deltar')]).toBe('ukjent');
      expect(r[col('Lunsjer')]).toBe('ukjent');
    }
    expect(c3[c3.length - 1][col('Deltar')]).toBe('0 ja, 0 nei, 26 ukjent');
    expect(c3[c3.length - 1][col('Lunsjer')]).toBe('0');
  });
});

describe('lessons export', () => {
  test('per municipality the status reports and the lessons, line breaks kept in quoted fields', async () => {
    const file = await exportTable('lessons', data, 'csv');
    expect(file.filename).toBe('ks-ti-2013-laeringspunkter-2014-04-20.csv');
    const [header, ...body] = rows(file.content);
    expect(header).toEqual([
      'Kommunenummer',
      'Kommune',
      'Nettverk',
      'Status',
      'Status 1 mottatt',
      'Status etter 1. samling',
      'Status 2 mottatt',
      'Status etter 2. samling',
      'Læringspunkter mottatt',
      'Læringspunkter og erfaringer',
    ]);
    expect(body).toHaveLength(EXPECTED.placed);
    const arendal = body.find((r) => r[1] === 'Arendal')!;
    expect(arendal[5]).toContain('sikkerhetshull');
    expect(arendal[5]).toContain('\n\nNeste steg');
    expect(arendal[4]).toBe('25.10.2013 12:00');
    const lessons = body.filter((r) => r[9] !== '');
    expect(lessons).toHaveLength(11);
    expect(body.find((r) => r[9].includes('<b>styreverv</b> & bindinger'))).toBeDefined();
  });
});
