// Files that are not a roster, or a roster that would mislead the inbox: refused (or warned
// about) with file, line and field, and nothing returned. Files are made in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RosterError, type RosterIssue } from '../../../domain/roster/errors';
import { loadMunicipalitiesFile } from '../../../platform/files/roster-file';
import { parseMunicipalities } from '../../../domain/roster/parse';
import { CSV, decodeTextFile, firstInvalidUtf8 } from '../../../domain/text-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-roster-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = 'id,name,type,email,language_form,lat,lon';
const ROWS = [
  '4621,Voss,kommune,postmottak@voss.kommune.example,nn,60.628,6.418',
  '1144,Kvitsøy,kommune,postmottak@kvitsoy.kommune.example,nb,59.06,5.41',
  '1520,Ørsta,kommune,postmottak@orsta.kommune.example,nn,62.2,6.13',
];
const TEXT = [HEADER, ...ROWS].join('\n') + '\n';

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The RosterError a load throws; fails the test if it returns municipalities instead. */
function refusal(load: () => unknown): RosterError {
  let returned: unknown;
  try {
    returned = load();
  } catch (error) {
    if (error instanceof RosterError) return error;
    throw error;
  }
  throw new Error(`expected a RosterError, got ${JSON.stringify(returned).slice(0, 80)}`);
}

describe('a file that is not a UTF-8 roster is refused in one line', () => {
  it('Latin-1 (Excel’s plain "CSV"): the byte, its line, the word, and how to save it', () => {
    const file = write('latin1.csv', Buffer.from(TEXT, 'latin1'));
    const error = refusal(() => loadMunicipalitiesFile(file));
    expect(error.message).toBe(
      `${file}: not UTF-8 (byte 0xF8 at line 3, "Kvitsøy" read as Latin-1/Windows-1252); save it as UTF-8 (in Excel: Save As › "CSV UTF-8")`,
    );
    expect(error.issues).toEqual([{ line: 3, field: 'file', message: expect.any(String) }]);
  });

  it('UTF-16 with a byte order mark (Excel’s "Unicode text")', () => {
    const bom = Buffer.from([0xff, 0xfe]);
    const file = write('utf16.csv', Buffer.concat([bom, Buffer.from(TEXT, 'utf16le')]));
    expect(refusal(() => loadMunicipalitiesFile(file)).message).toBe(
      `${file}: saved as UTF-16 ("Unicode text"); save it as UTF-8 (in Excel: Save As › "CSV UTF-8")`,
    );
  });

  it('a PNG image, an .xlsx workbook, and other binary files', () => {
    const png = write('bilde.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(refusal(() => loadMunicipalitiesFile(png)).message).toBe(
      `${png}: a PNG image, not a CSV file`,
    );
    const xlsx = write(
      'kommuner.xlsx',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26)]),
    );
    expect(refusal(() => loadMunicipalitiesFile(xlsx)).message).toBe(
      `${xlsx}: a zip archive (an Excel .xlsx workbook is one), not a CSV file`,
    );
    const nul = write('nul.csv', `${HEADER}\n4621,Voss\0\n`);
    expect(refusal(() => loadMunicipalitiesFile(nul)).message).toMatch(
      new RegExp(`^${nul}: a binary file \\(a NUL byte at line 2; .*\\), not a CSV file$`),
    );
  });

  it('a missing file and a folder', () => {
    const missing = path.join(dir, 'finnes-ikke.csv');
    expect(refusal(() => loadMunicipalitiesFile(missing)).message).toBe(`${missing}: no such file`);
    const folder = path.join(dir, 'mappe.csv');
    fs.mkdirSync(folder);
    const error = refusal(() => loadMunicipalitiesFile(folder));
    expect(error.message).toBe(`${folder}: is a folder, not a file`);
    expect(error.issues).toEqual([{ line: 0, field: 'file', message: 'is a folder, not a file' }]);
  });

  it('accepts UTF-8 with a byte order mark (Excel’s "CSV UTF-8")', () => {
    const file = write(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
    );
    expect(loadMunicipalitiesFile(file).map((m) => m.name)).toEqual(['Voss', 'Kvitsøy', 'Ørsta']);
  });
});

function issuesOf(text: string): RosterIssue[] {
  return [...refusal(() => parseMunicipalities(text, 'roster.csv')).issues];
}

describe('control characters in a roster’s text', () => {
  it('are refused with line and field, wherever they are', () => {
    const text = [HEADER, ROWS[0].replace('Voss', 'Vo\u0007ss'), ROWS[1], ROWS[2]].join('\n');
    expect(issuesOf(text)).toEqual([
      {
        line: 2,
        field: 'name',
        message: 'contains a control character (U+0007) at position 3; retype the text without it',
      },
    ]);
    const c1 = [HEADER + ',county', `${ROWS[0]},Vest\u0085land`].join('\n');
    expect(issuesOf(c1)).toEqual([
      { line: 2, field: 'county', message: expect.stringContaining('(U+0085)') },
    ]);
    const bidi = [HEADER, ROWS[0].replace('Voss', '\u202eVoss')].join('\n');
    expect(issuesOf(bidi)).toEqual([
      { line: 2, field: 'name', message: expect.stringContaining('(U+202E) at position 1') },
    ]);
  });

  it('but tabs and line breaks in a cell are whitespace, made one space', () => {
    const text = [HEADER, ROWS[0].replace('Voss', '"Voss\n  herad\t"')].join('\n');
    expect(parseMunicipalities(text, 'roster.csv')[0].name).toBe('Voss herad');
  });
});

describe('municipalities that share an address or a domain', () => {
  it('refuses one address for two municipalities, whatever its case', () => {
    const text = [
      HEADER,
      ROWS[0],
      ROWS[1].replace(/postmottak@kvitsoy[^,]+/, 'Postmottak@Voss.Kommune.Example'),
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      {
        line: 3,
        field: 'email',
        message:
          'Postmottak@Voss.Kommune.Example is also the address of 4621 Voss (line 2): each municipality needs its own',
      },
    ]);
  });

  it('warns, and still loads, when one’s address is in another’s domain', () => {
    const text = [HEADER, ...ROWS.slice(0, 2), ROWS[2].replace('postmottak@orsta', 'orsta@voss')];
    const file = write('domene.csv', text.join('\n'));
    const warnings: RosterIssue[] = [];
    expect(loadMunicipalitiesFile(file, (w) => warnings.push(w))).toHaveLength(3);
    expect(warnings).toEqual([
      {
        line: 4,
        field: 'email',
        message:
          'voss.kommune.example is a mail domain of 4621 Voss (line 2) and 1520 Ørsta (line 4): people writing from it may answer for each, and a reply from it without our reference goes to review',
      },
    ]);
  });

  it('does not warn about a free-mail domain two small offices both use', () => {
    const text = [
      HEADER,
      ROWS[0].replace('postmottak@voss.kommune.example', 'voss.post@gmail.com'),
      ROWS[1].replace('postmottak@kvitsoy.kommune.example', 'kvitsoy.post@gmail.com'),
    ];
    const warnings: RosterIssue[] = [];
    loadMunicipalitiesFile(write('gmail.csv', text.join('\n')), (w) => warnings.push(w));
    expect(warnings).toEqual([]);
  });
});

describe('the byte check (pure, over a Buffer)', () => {
  const bytes = (...b: number[]) => Buffer.from(b);
  it('finds malformed UTF-8 that a lenient decoder would turn into �', () => {
    expect(firstInvalidUtf8(Buffer.from('Kvitsøy 🙂 –'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x41, 0xc0, 0x80))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(bytes(0x41, 0xed, 0xa0, 0x80))).toBe(1); // a UTF-16 surrogate
    expect(firstInvalidUtf8(bytes(0x41, 0xe2, 0x80))).toBe(1); // cut off at the end
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // past U+10FFFF
  });

  it('reads a Windows-1252 dash as one, and drops a UTF-8 byte order mark', () => {
    const dash = decodeTextFile(Buffer.from('a\n2013\x962014\n', 'latin1'), CSV);
    expect(dash).toEqual({ ok: false, line: 2, message: expect.stringContaining('"2013–2014"') });
    const bom = decodeTextFile(bytes(0xef, 0xbb, 0xbf, 0x61), CSV);
    expect(bom).toEqual({ ok: true, text: 'a' });
  });
});
