import path from 'node:path';
import { RosterError, type RosterIssue } from '../../../domain/roster/errors';
import { isOrganisationNumber } from '../../../domain/roster/fields';
import { loadMunicipalitiesFile } from '../../../platform/files/roster-file';
import { detectDelimiter, parseMunicipalities } from '../../../domain/roster/parse';

const FILE = 'roster.csv';

function issuesOf(text: string): RosterIssue[] {
  try {
    parseMunicipalities(text, FILE);
  } catch (error) {
    if (error instanceof RosterError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the roster to be rejected');
}

const HEADER = 'id,name,type,email,language_form,lat,lon,county,domains';
const roster = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const VOSS = '4621,Voss,kommune,postmottak@voss.kommune.example,nynorsk,60.628,6.418,Vestland,';

describe('parsing a comma-separated roster', () => {
  it('reads every column into a Municipality', () => {
    const [voss] = parseMunicipalities(roster(VOSS), FILE);
    expect(voss).toEqual({
      id: '4621',
      name: 'Voss',
      type: 'kommune',
      email: 'postmottak@voss.kommune.example',
      languageForm: 'nynorsk',
      lat: 60.628,
      lon: 6.418,
      county: 'Vestland',
      domains: ['voss.kommune.example'],
    });
  });

  it('puts the email’s domain first among the domains, lower case and once each', () => {
    const [oslo] = parseMunicipalities(
      roster(
        '0301,Oslo,kommune,Postmottak@Oslo.Kommune.Example,nøytral,59.91,10.75,Oslo,BYM.oslo.kommune.example oslo.kommune.example  ude.oslo.kommune.example',
      ),
      FILE,
    );
    expect(oslo.domains).toEqual([
      'oslo.kommune.example',
      'bym.oslo.kommune.example',
      'ude.oslo.kommune.example',
    ]);
  });

  it('accepts the usual spellings of type and language form', () => {
    const parsed = parseMunicipalities(
      roster(
        '1520,Ørsta,Kommune,postmottak@orsta.kommune.example,nn,62.2,6.13,,',
        '3201,Bærum,kommune,postmottak@baerum.kommune.example,bokmal,59.89,10.52,,',
        '3905,Tønsberg,kommune,postmottak@tonsberg.kommune.example,NB,59.27,10.41,,',
        '46,Vestland fylkeskommune,Fylkeskommune,post@vestlandfylke.example,Nynorsk,60.39,5.32,Vestland,',
        '974760673,Brønnøysund Havn KF,kommunalt foretak,post@havn.example,nøytral,65.47,12.21,,',
      ),
      FILE,
    );
    expect(parsed.map((m) => [m.id, m.type, m.languageForm, m.county])).toEqual([
      ['1520', 'kommune', 'nynorsk', null],
      ['3201', 'kommune', 'bokmål', null],
      ['3905', 'kommune', 'bokmål', null],
      ['46', 'fylkeskommune', 'nynorsk', 'Vestland'],
      ['974760673', 'kommunalt foretak', 'nøytral', null],
    ]);
  });

  it('works without the optional columns, in any column order and case', () => {
    const text =
      'LON,Lat,E-mail,Name,ID,Type,Language Form\n6.418,60.628,postmottak@voss.kommune.example,Voss,4621,kommune,nynorsk\n';
    expect(() => parseMunicipalities(text, FILE)).toThrow('email: missing column');
    const fixed = text.replace('E-mail', 'Email');
    expect(parseMunicipalities(fixed, FILE)[0]).toMatchObject({
      id: '4621',
      lat: 60.628,
      lon: 6.418,
      county: null,
      domains: ['voss.kommune.example'],
    });
  });

  it('ignores blank lines, comment lines and columns it does not know', () => {
    const text = `# exported 2013-05-22\n${HEADER},population\n\n${VOSS},16471\n\n`;
    expect(parseMunicipalities(text, FILE)).toHaveLength(1);
  });
});

describe('parsing a Norwegian Excel export', () => {
  const excel =
    '\uFEFFid;name;type;email;language_form;lat;lon;county\r\n' +
    '4640;Sogndal;kommune;postmottak@sogndal.kommune.example;nynorsk;61,2297;7,1006;Vestland\r\n' +
    '1804;Bodø;kommune;postmottak@bodo.kommune.example;nøytral;67,2804;14,4049;Nordland\r\n';

  it('detects the semicolon, tolerates the BOM, CRLF and decimal commas', () => {
    expect(detectDelimiter(excel.slice(1))).toBe(';');
    expect(parseMunicipalities(excel, FILE)).toEqual([
      expect.objectContaining({ id: '4640', name: 'Sogndal', lat: 61.2297, lon: 7.1006 }),
      expect.objectContaining({
        id: '1804',
        name: 'Bodø',
        lat: 67.2804,
        lon: 14.4049,
        county: 'Nordland',
      }),
    ]);
  });

  it('does not take decimal commas in a comma-separated file', () => {
    const text = roster(
      '4640,Sogndal,kommune,postmottak@sogndal.kommune.example,nynorsk,"61,23",7.1,,',
    );
    expect(issuesOf(text)).toEqual([
      { line: 2, field: 'lat', message: '"61,23" is not a latitude in decimal degrees' },
    ]);
  });
});

describe('problems in a roster, each with its line', () => {
  it.each([
    [
      'a bad id',
      '462,Voss,kommune,postmottak@voss.kommune.example,nynorsk,60.6,6.4,,',
      'id',
      '"462" is not a kommunenummer (4 digits), fylkesnummer (2) or organisasjonsnummer (9) (a leading zero lost in a spreadsheet?)',
    ],
    [
      'an id that does not fit the type',
      '4621,Voss,fylkeskommune,postmottak@voss.kommune.example,nynorsk,60.6,6.4,,',
      'id',
      '4621 does not fit type fylkeskommune: expected a fylkesnummer (2 digits)',
    ],
    [
      'an organisasjonsnummer with a wrong check digit',
      '974760674,Havn KF,kommunalt foretak,post@havn.example,bokmål,65.4,12.2,,',
      'id',
      '974760674 is not a valid organisasjonsnummer (check digit)',
    ],
    [
      'a bad email',
      '4621,Voss,kommune,postmottak voss.kommune.example,nynorsk,60.6,6.4,,',
      'email',
      '"postmottak voss.kommune.example" is not an email address',
    ],
    [
      'an unknown type',
      '4621,Voss,herad,postmottak@voss.kommune.example,nynorsk,60.6,6.4,,',
      'type',
      'unknown type "herad" (kommune, fylkeskommune or kommunalt foretak)',
    ],
    [
      'an unknown language form',
      '4621,Voss,kommune,postmottak@voss.kommune.example,landsmål,60.6,6.4,,',
      'language_form',
      'unknown language form "landsmål" (bokmål, nynorsk or nøytral)',
    ],
    [
      'coordinates outside Norway',
      '4621,Voss,kommune,postmottak@voss.kommune.example,nynorsk,48.85,2.35,,',
      'lat/lon',
      '48.85, 2.35 is outside Norway (lat 57.5–71.5, lon 4–31.5)',
    ],
    [
      'swapped coordinates',
      '4621,Voss,kommune,postmottak@voss.kommune.example,nynorsk,6.4,60.6,,',
      'lat/lon',
      '6.4, 60.6 is outside Norway (lat 57.5–71.5, lon 4–31.5): lat and lon look swapped',
    ],
    [
      'an empty name',
      '4621,,kommune,postmottak@voss.kommune.example,nynorsk,60.6,6.4,,',
      'name',
      'is empty',
    ],
    [
      'a bad extra domain',
      '4621,Voss,kommune,postmottak@voss.kommune.example,nynorsk,60.6,6.4,,voss_herad',
      'domains',
      '"voss_herad" is not a mail domain',
    ],
    [
      'a row with too few fields',
      '4621,Voss,kommune,postmottak@voss.kommune.example',
      'row',
      'has 4 fields, the header has 9 (separator is ",")',
    ],
  ])('%s', (_, row, field, message) => {
    expect(issuesOf(roster(VOSS.replace('4621', '4622'), row))).toEqual([
      { line: 3, field, message },
    ]);
  });

  it('a duplicate id, pointing to the first', () => {
    expect(
      issuesOf(
        roster(
          VOSS,
          '3201,Bærum,kommune,postmottak@baerum.kommune.example,bokmål,59.9,10.5,,',
          VOSS,
        ),
      ),
    ).toEqual([{ line: 4, field: 'id', message: 'duplicate id 4621 (first on line 2)' }]);
  });

  it('a missing column, on the header line', () => {
    const text =
      'id,name,type,email,lat,lon\n4621,Voss,kommune,postmottak@voss.kommune.example,60.6,6.4\n';
    expect(issuesOf(text)).toEqual([
      { line: 1, field: 'language_form', message: 'missing column' },
    ]);
  });

  it('counts lines as the file has them, past blank lines and quoted line breaks', () => {
    const text =
      `${HEADER}\n\n` +
      '4621,"Voss\nherad",kommune,postmottak@voss.kommune.example,nynorsk,60.6,6.4,,\n' +
      '4640,Sogndal,kommune,postmottak@sogndal,nynorsk,61.2,7.1,,\n';
    expect(issuesOf(text)).toEqual([
      { line: 5, field: 'email', message: '"postmottak@sogndal" is not an email address' },
    ]);
  });

  it('an unclosed quote', () => {
    const issues = issuesOf(
      roster('4621,"Voss,kommune,postmottak@voss.kommune.example,nynorsk,60.6,6.4,,'),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 2, field: 'file' });
    expect(issues[0].message).toMatch(/Quote Not Closed/);
  });

  it('an empty file, and a file with only a header', () => {
    expect(issuesOf('')).toEqual([{ line: 1, field: 'file', message: 'the file is empty' }]);
    expect(issuesOf(`${HEADER}\n`)).toEqual([
      { line: 1, field: 'file', message: 'no organisations below the header' },
    ]);
  });

  it('collects every problem into one RosterError with file:line  field: problem', () => {
    const text = roster(
      '4621,Voss,kommune,postmottak@voss.kommune.example,nynorsk,60.6,6.4,,',
      '4640,Sogndal,kommun,postmottak@sogndal.kommune.example,nynorsk,61.2,7.1,,',
      '1804,Bodø,kommune,bodo.kommune.example,nøytral,67.3,14.4,,',
      '4621,Voss,kommune,postmottak@voss.kommune.example,nynorsk,60.6,6.4,,',
    );
    let error: unknown;
    try {
      parseMunicipalities(text, 'campaigns/demo/list.csv');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RosterError);
    const rosterError = error as RosterError;
    expect(rosterError.fileName).toBe('campaigns/demo/list.csv');
    expect(rosterError.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'type'],
      [4, 'email'],
      [5, 'id'],
    ]);
    expect(rosterError.message.split('\n')).toEqual([
      'Roster campaigns/demo/list.csv has 3 problems:',
      '  campaigns/demo/list.csv:3  type: unknown type "kommun" (kommune, fylkeskommune or kommunalt foretak)',
      '  campaigns/demo/list.csv:4  email: "bodo.kommune.example" is not an email address',
      '  campaigns/demo/list.csv:5  id: duplicate id 4621 (first on line 2)',
    ]);
  });
});

describe('organisasjonsnummer', () => {
  it('checks the modulus 11 check digit', () => {
    expect(isOrganisationNumber('974760673')).toBe(true);
    expect(isOrganisationNumber('974760674')).toBe(false);
    expect(isOrganisationNumber('97476067')).toBe(false);
  });
});

describe('the demo roster', () => {
  const demo = loadMunicipalitiesFile(
    path.resolve(__dirname, '../../../campaigns/demo/municipalities.csv'),
  );

  it('lists kommuner and a few fylkeskommuner across Norway', () => {
    expect(demo.length).toBeGreaterThanOrEqual(36);
    expect(new Set(demo.map((m) => m.id)).size).toBe(demo.length);
    const countyMunicipalities = demo.filter((m) => m.type === 'fylkeskommune');
    expect(countyMunicipalities.length).toBeGreaterThanOrEqual(4);
    expect(countyMunicipalities.every((m) => /^\d{2}$/.test(m.id))).toBe(true);
    const latitudes = demo.map((m) => m.lat);
    expect(Math.min(...latitudes)).toBeLessThan(58.5);
    expect(Math.max(...latitudes)).toBeGreaterThan(69.5);
  });

  it('includes nynorsk municipalities in Vestland and Møre og Romsdal', () => {
    const nynorsk = demo.filter((m) => m.languageForm === 'nynorsk').map((m) => m.name);
    expect(nynorsk).toEqual(expect.arrayContaining(['Voss', 'Sogndal', 'Ørsta', 'Volda', 'Stord']));
  });

  it('only ever addresses reserved .example domains', () => {
    for (const m of demo) {
      expect(m.email).toMatch(/\.example$/);
      for (const domain of m.domains) expect(domain).toMatch(/\.example$/);
    }
  });
});
