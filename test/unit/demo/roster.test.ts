// The demo's bigger list: the public municipality list given .example addresses, in a form the
// CLI's roster loader accepts; a list that already has addresses must keep to .example.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoRoster } from '../../../demo/roster';
import { loadMunicipalitiesFile } from '../../../platform/files/roster-file';

const PUBLIC_HEADER = 'id,type,name,county,population,language_form,website,lat,lon';

function tempFile(text: string): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-roster-'));
  const file = path.join(dir, 'list.csv');
  fs.writeFileSync(file, text);
  return { file, dir };
}

describe('demoRoster', () => {
  it('gives the public list .example addresses; a county without a recorded form is neutral', () => {
    const { file, dir } = tempFile(
      [
        PUBLIC_HEADER,
        '4621,kommune,Voss,Vestland,16000,nynorsk,www.voss.kommune.no,60.63,6.42',
        '5636,kommune,Unjárga,Finnmark,859,bokmål,,70.1384,28.775',
        '1818,kommune,Herøy,Nordland,1842,bokmål,www.heroy-no.kommune.no,65.99,12.31',
        '9999,kommune,Herøy,Nordland,1,bokmål,www.heroy-no.kommune.no,65.99,12.31',
        '46,fylkeskommune,Vestland fylkeskommune,Vestland,,,www.vestlandfylke.no,60.3643,5.3888',
      ].join('\n') + '\n',
    );
    const roster = demoRoster(file, path.join(dir, 'out'));
    expect(roster.count).toBe(5);
    const loaded = loadMunicipalitiesFile(roster.path);
    expect(loaded.map((m) => [m.id, m.languageForm, m.email])).toEqual([
      ['4621', 'nynorsk', 'postmottak@voss.kommune.example'],
      ['5636', 'bokmål', 'postmottak@unjarga.kommune.example'],
      ['1818', 'bokmål', 'postmottak@heroy-no.kommune.example'],
      ['9999', 'bokmål', 'postmottak@heroy-no-9999.kommune.example'],
      ['46', 'nøytral', 'postmottak@vestlandfylke.example'],
    ]);
  });

  it('refuses a list with an address outside .example, naming it', () => {
    const { file, dir } = tempFile(
      'id,name,type,county,language_form,email,lat,lon\n' +
        '0301,Oslo,kommune,Oslo,nøytral,postmottak@oslo.kommune.no,59.9,10.7\n',
    );
    expect(() => demoRoster(file, dir)).toThrow(
      /only mails reserved \.example addresses, not "postmottak@oslo\.kommune\.no"/,
    );
  });

  it('reads the public list of all 371 municipalities and counties, each with an address of its own', () => {
    const list = path.resolve(__dirname, '../../../data/municipalities-2025.csv');
    const { dir } = tempFile('');
    const roster = demoRoster(list, dir);
    const loaded = loadMunicipalitiesFile(roster.path);
    expect(loaded).toHaveLength(371);
    expect(loaded.every((m) => m.email.endsWith('.example'))).toBe(true);
    expect(new Set(loaded.map((m) => m.email)).size).toBe(371);
  });
});
