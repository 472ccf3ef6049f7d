// Files that are not a campaign file, and text no mail should carry: refused with file, line
// and field, and nothing returned. Files are made in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CampaignFileError } from '../../../domain/campaign/errors';
import { loadCampaignFile } from '../../../platform/files/campaign-file';
import { parseCampaign } from '../../../domain/campaign/parse';
import { FILE, SHIPPED, edit, position, problemsOf } from './campaign-text';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-campaign-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The CampaignFileError a load throws; fails the test if it returns a campaign instead. */
function refusal(load: () => unknown): CampaignFileError {
  let returned: unknown;
  try {
    returned = load();
  } catch (error) {
    if (error instanceof CampaignFileError) return error;
    throw error;
  }
  throw new Error(`expected a CampaignFileError, got ${JSON.stringify(returned).slice(0, 80)}`);
}

describe('a file that is not a UTF-8 campaign file is refused in one line', () => {
  it('Latin-1: the byte, its line, the word, and how to save it', () => {
    // Latin-1 has no en dash; the first letter it cannot write in UTF-8 is å in «måned».
    const latin1 = SHIPPED.replace(/–/g, '-');
    const line = latin1.slice(0, latin1.indexOf('måned')).split('\n').length;
    const file = write('latin1.yaml', Buffer.from(latin1, 'latin1'));
    const error = refusal(() => loadCampaignFile(file));
    expect(error.message).toBe(
      `${file}: not UTF-8 (byte 0xE5 at line ${line}, "måned" read as Latin-1/Windows-1252); save it as UTF-8 (in your editor: save with encoding UTF-8)`,
    );
    expect(error.problems).toEqual([
      { line, column: 1, path: '', message: expect.stringContaining('not UTF-8') },
    ]);
  });

  it('UTF-16 with a byte order mark', () => {
    const bom = Buffer.from([0xff, 0xfe]);
    const file = write('utf16.yaml', Buffer.concat([bom, Buffer.from(SHIPPED, 'utf16le')]));
    expect(refusal(() => loadCampaignFile(file)).message).toBe(
      `${file}: saved as UTF-16 ("Unicode text"); save it as UTF-8 (in your editor: save with encoding UTF-8)`,
    );
  });

  it('a PNG image and a zip archive', () => {
    const png = write('kart.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(refusal(() => loadCampaignFile(png)).message).toBe(
      `${png}: a PNG image, not a YAML text file`,
    );
    const zip = write(
      'kampanje.yaml',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26)]),
    );
    expect(refusal(() => loadCampaignFile(zip)).message).toBe(
      `${zip}: a zip archive (an Excel .xlsx workbook is one), not a YAML text file`,
    );
  });

  it('a missing file and a folder', () => {
    const missing = path.join(dir, 'finnes-ikke.yaml');
    expect(refusal(() => loadCampaignFile(missing)).message).toBe(`${missing}: no such file`);
    const folder = path.join(dir, 'mappe.yaml');
    fs.mkdirSync(folder);
    const error = refusal(() => loadCampaignFile(folder));
    expect(error.message).toBe(`${folder}: is a folder, not a file`);
    expect(error.problems).toEqual([
      { line: 0, column: 0, path: '', message: 'is a folder, not a file' },
    ]);
  });

  it('accepts UTF-8 with a byte order mark', () => {
    const file = write(
      'bom.yaml',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SHIPPED)]),
    );
    expect(loadCampaignFile(file).id).toBe('ks-ti-2013');
  });
});

describe('YAML that would expand without end', () => {
  it('refuses a «billion laughs» alias bomb at its first alias', () => {
    const lol = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(of).join(', ')}]`;
    const bomb = [lol('a', 'lol'), lol('b', '*a'), lol('c', '*b'), lol('d', '*c'), lol('e', '*d')];
    const error = refusal(() => parseCampaign(bomb.join('\n'), FILE));
    expect(error.problems).toEqual([
      {
        line: 2,
        column: 8,
        path: '',
        message: 'YAML: aliases (*name) expand to more than 100 copies; write the values out',
      },
    ]);
    expect(error.message).toContain(`${FILE}:2:8  YAML: aliases`);
  });
});

describe('text no mail should carry, and venues outside Norway', () => {
  it('a control character in any text field, with line and field', () => {
    const text = edit(
      'title: Korrupsjonsforebyggende nettverk 2013–2014',
      'title: "Korrupsjonsforebyggende\\x07 nettverk"',
    );
    expect(problemsOf(text)).toEqual([
      {
        ...position(text, '"Korrupsjonsforebyggende'),
        path: 'title',
        message: 'contains a control character (U+0007) at position 24; retype the text without it',
      },
    ]);
    const nested = edit('address: Hamar sentrum', 'address: "Hamar\\u202e sentrum"');
    expect(problemsOf(nested)).toEqual([
      expect.objectContaining({
        path: 'venues[2].address',
        message: expect.stringContaining('(U+202E) at position 6'),
      }),
    ]);
  });

  it('a venue outside mainland Norway and Svalbard, at its latitude', () => {
    const text = edit('lat: 59.9111', 'lat: 48.85', '- id: oslo').replace(
      'lon: 10.7528',
      'lon: 2.35',
    );
    expect(problemsOf(text)).toEqual([
      {
        ...position(text, '48.85'),
        path: 'venues[0].lat',
        message:
          '48.85, 2.35 is outside Norway (lat 57.5–71.5, lon 4–31.5; or Svalbard, lat 74–81, lon 10–34)',
      },
    ]);
    const swapped = edit('lat: 59.9111', 'lat: 10.7528', '- id: oslo').replace(
      'lon: 10.7528',
      'lon: 59.9111',
    );
    expect(problemsOf(swapped)[0].message).toMatch(/lat and lon look swapped$/);
  });

  it('accepts a venue in Longyearbyen', () => {
    const text = edit('lat: 59.9111', 'lat: 78.2232', '- id: oslo').replace(
      'lon: 10.7528',
      'lon: 15.6267',
    );
    expect(parseCampaign(text, FILE).venues[0]).toMatchObject({ lat: 78.2232, lon: 15.6267 });
  });
});
