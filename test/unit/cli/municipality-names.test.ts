import { matchMunicipality, describeCandidate } from '../../../domain/municipality-names';

const all = [
  { id: '3403', name: 'Hamar', county: 'Innlandet' },
  { id: '3414', name: 'Nord-Odal', county: 'Innlandet' },
  { id: '3415', name: 'Sør-Odal', county: 'Innlandet' },
  { id: '1515', name: 'Herøy', county: 'Møre og Romsdal' },
  { id: '1818', name: 'Herøy', county: 'Nordland' },
  { id: '3201', name: 'Bærum', county: 'Akershus' },
  { id: '3425', name: 'Åsnes', county: 'Innlandet' },
  { id: '3021', name: 'Ås', county: 'Akershus' },
  { id: '4621', name: 'Voss', county: 'Vestland' },
  { id: '5428', name: 'Storfjord – Omasvuotna – Omasvuona', county: 'Troms' },
  { id: '5426', name: 'Gáivuotna', county: 'Troms' },
];
const id = (text: string) => {
  const m = matchMunicipality(text, all);
  return m.kind === 'found'
    ? m.municipality.id
    : m.kind === 'ambiguous'
      ? m.candidates.map((c) => c.id)
      : null;
};

test('by number, and by name in any case', () => {
  expect(id('3403')).toBe('3403');
  expect(id('hamar')).toBe('3403');
  expect(id('HAMAR')).toBe('3403');
  expect(id(' Nord-Odal ')).toBe('3414');
  expect(id('nord odal')).toBe('3414');
  expect(id('nordodal')).toBe('3414');
});

test('æ, ø and å typed as the keyboard allows', () => {
  expect(id('bærum')).toBe('3201');
  expect(id('baerum')).toBe('3201');
  expect(id('barum')).toBe('3201');
  expect(id('sor-odal')).toBe('3415');
  expect(id('soer-odal')).toBe('3415');
  expect(id('asnes')).toBe('3425');
  expect(id('aasnes')).toBe('3425');
  expect(id('gaivuotna')).toBe('5426');
});

test('a whole name wins over a longer one it starts, at every level', () => {
  expect(id('Ås')).toBe('3021');
  expect(id('as')).toBe('3021');
  expect(id('vo')).toBe('4621');
  expect(id('storfjord')).toBe('5428');
});

test('several fits are never guessed: the candidates come back, sorted', () => {
  expect(id('Herøy')).toEqual(['1515', '1818']);
  expect(id('heroy')).toEqual(['1515', '1818']);
  expect(id('odal')).toBeNull();
  expect(id('h')).toEqual(['3403', '1515', '1818']);
  expect(id('Oslo')).toBeNull();
  expect(id('  ')).toBeNull();
  const m = matchMunicipality('herøy', all);
  expect(m.kind === 'ambiguous' && m.candidates.map(describeCandidate)).toEqual([
    '1515 Herøy (Møre og Romsdal)',
    '1818 Herøy (Nordland)',
  ]);
});
