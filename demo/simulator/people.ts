// Invented people for the simulated municipalities: Norwegian names (western names where
// they write nynorsk), the titles of administrative leaders and advisers, phone numbers and
// addresses under the municipality's own `.example` domains. Deterministic: the same
// municipality always gets the same people.
import type { Municipality } from '../../domain/types';
import {
  ADVISERS,
  COUNTY_LEADERS,
  FIRST_EAST,
  FIRST_WEST,
  LAST_EAST,
  LAST_WEST,
  LEADERS,
} from './names';
import type { Lang, Person } from './types';

/** A small seeded generator (mulberry32). */
export function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, list: readonly T[]): T =>
  list[Math.floor(r() * list.length)];

/** The person at the top of the administration, as a municipality wrote it in 2013. */
export function topLeader(m: Municipality): string {
  return m.type === 'fylkeskommune'
    ? 'fylkesrådmann'
    : m.type === 'kommune'
      ? 'rådmann'
      : 'daglig leder';
}

/** «Lillehammer kommune», «Vestland fylkeskommune». */
export function organisationName(m: Municipality): string {
  if (m.type === 'kommune' && !/kommune$/i.test(m.name)) return `${m.name} kommune`;
  return m.name;
}

/** `kari.nordmann`: the local part municipalities build from a name. */
export function localPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z\s-]/g, '')
    .trim()
    .replace(/\s+/g, '.');
}

function phone(r: () => number, landlinePrefix: string): string {
  const d = (n: number) =>
    Array.from({ length: n }, () => Math.floor(r() * 10))
      .join('')
      .replace(/^0/, '1');
  if (r() < 0.35) return `${landlinePrefix} ${d(2)} ${d(2)} ${d(2)}`;
  const lead = pick(r, ['9', '4']);
  return `${lead}${d(2)} ${d(2)} ${d(3)}`;
}

/** Area code by county, for landline numbers. */
function landline(m: Municipality): string {
  const byCounty: Record<string, string> = {
    Oslo: '22',
    Østfold: '69',
    Akershus: '67',
    Buskerud: '32',
    Innlandet: '61',
    Vestfold: '33',
    Telemark: '35',
    Agder: '38',
    Rogaland: '51',
    Vestland: '55',
    'Møre og Romsdal': '70',
    Trøndelag: '73',
    Nordland: '75',
    Troms: '77',
    Finnmark: '78',
  };
  return byCounty[m.county ?? ''] ?? '22';
}

export interface Staff {
  /** Leaders and advisers who may take part, most senior first. */
  people: Person[];
  /** The top leader's adviser, who writes on the leadership's behalf. */
  staffer: Person;
  /** The top leader (rådmann), who signs some registrations. */
  chief: Person;
  /** Someone who comes instead of a participant who cannot. */
  stand_in: Person;
}

/** The people of one municipality: distinct names, addresses under its domains. */
export function staffOf(m: Municipality, lang: Lang, count: number): Staff {
  const r = rng(`people:${m.id}:${m.name}`);
  const west = lang === 'nn';
  const firsts = west ? FIRST_WEST : FIRST_EAST;
  const lasts = west ? LAST_WEST : LAST_EAST;
  const used = new Set<string>();
  const usedFirst = new Set<string>();
  const domain = m.domains[0] ?? m.email.split('@')[1];
  const other = m.domains[1] ?? null;
  const area = landline(m);
  const person = (title: string, useOtherDomain = false): Person => {
    let name = '';
    for (let tries = 0; tries < 50; tries++) {
      const first = pick(r, firsts);
      const last = pick(r, lasts);
      name = `${first} ${last}`;
      // Distinct first names too: attendance answers may name people by first name only.
      if (!used.has(name) && !usedFirst.has(first)) {
        usedFirst.add(first);
        break;
      }
    }
    used.add(name);
    const d = useOtherDomain && other ? other : domain;
    return {
      name,
      title,
      email: `${localPart(name)}@${d}`,
      phone: r() < 0.8 ? phone(r, area) : null,
    };
  };
  const leaders = m.type === 'fylkeskommune' ? COUNTY_LEADERS[lang] : LEADERS[lang];
  const advisers = ADVISERS[lang];
  const leaderTitles = [...leaders].sort(() => r() - 0.5);
  const adviserTitles = [...advisers].sort(() => r() - 0.5);
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    // One or two leaders, then advisers; the second participant of a municipality with two
    // domains works in the other one (Oslo's agencies, Voss herad).
    const title =
      i === 0 || (i === 2 && count > 3)
        ? leaderTitles[i % leaderTitles.length]
        : adviserTitles[i % adviserTitles.length];
    people.push(person(title, i === 1));
  }
  const chief = person(topLeader(m));
  const staffer = person(lang === 'nn' ? 'spesialrådgjevar' : 'spesialrådgiver');
  const stand_in = person(lang === 'nn' ? 'rådgjevar' : 'rådgiver');
  return { people, staffer, chief, stand_in };
}
