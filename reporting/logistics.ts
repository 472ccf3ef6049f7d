// What a hotel needs for each gathering: who comes, who sleeps over, who eats what. The same
// numbers feed the logistics export and the report.
//
// Per person who has said yes:
//   lunches    2 for lunch to lunch (day one and day two), 1 for a one-day gathering;
//   nights     lunch to lunch: 1 if staying overnight, 0 if not, unknown if not said;
//              one day: 1 only if they asked for a room (overnight = yes), else 0;
//   breakfasts one per night at the hotel;
//   dinners    1 if they said yes to dinner; unknown if not said at a lunch-to-lunch gathering
//              (the evening dinner is part of it), else 0.
// Someone who has not answered (attending = null) is listed as «ukjent» and counted nowhere
// but in `unknown`: an unknown is never counted as a yes. Someone who said no counts as 0.
import type { Gathering, Municipality, NetworkId, Venue } from '../domain/types';
import {
  emptyAttendance,
  participantKey,
  type AttendanceRecord,
} from '../domain/journey/attendance';
import type { JourneyState } from '../workflows/definitions';
import { networks, type CampaignData } from './data';
import { byName, gatheringDays } from './format';

export interface LogisticsPerson {
  municipalityId: string;
  municipality: string;
  name: string;
  /** Null: not answered. */
  attending: boolean | null;
  overnight: boolean | null;
  dinner: boolean | null;
  dietary: string | null;
  /** The person's share of the totals; null where it is not known yet. */
  nights: number | null;
  lunches: number | null;
  dinners: number | null;
  breakfasts: number | null;
}

export interface LogisticsTotals {
  /** People who said yes. */
  attending: number;
  notAttending: number;
  /** People who have not answered: not in any other number. */
  unknown: number;
  nights: number;
  /** Attending, but not said whether they stay overnight (lunch to lunch). */
  nightsUnknown: number;
  lunches: number;
  dinners: number;
  /** Attending, but not said whether they eat dinner (lunch to lunch). */
  dinnersUnknown: number;
  breakfasts: number;
  /** «Kari Nordmann (Bergen): vegetar», for everyone not known to stay away. */
  dietary: string[];
}

export interface GatheringLogistics {
  network: NetworkId;
  number: 1 | 2 | 3;
  /** The month the timetable promises (always known). */
  month: string;
  /** First and last day, once the date is set. */
  firstDay: string | null;
  lastDay: string | null;
  lunchToLunch: boolean;
  venue: Venue | null;
  people: LogisticsPerson[];
  totals: LogisticsTotals;
}

/** Every network's every gathering, in network then gathering order. */
export function logistics(data: CampaignData): GatheringLogistics[] {
  return networks(data).flatMap((network) =>
    network.gatherings.map((g) =>
      gatheringLogistics(
        network.id,
        g,
        network.members.map((m) => m.journey),
      ),
    ),
  );
}

export function gatheringLogistics(
  network: NetworkId,
  g: Gathering,
  journeys: JourneyState[],
): GatheringLogistics {
  const people = journeys
    .flatMap((j) => attendanceOf(j, g.number).map((r) => person(j.municipality, r, g)))
    .sort((a, b) => byName(a.municipality, b.municipality) || byName(a.name, b.name));
  const days = gatheringDays(g);
  return {
    network,
    number: g.number,
    month: g.month,
    firstDay: days?.first ?? null,
    lastDay: days?.last ?? null,
    lunchToLunch: g.lunchToLunch,
    venue: g.venue,
    people,
    totals: totalsOf(people),
  };
}

/**
 * The answers for one gathering, with everyone registered who has not answered as unknown
 * (before the attendance request, nobody has a record yet).
 */
export function attendanceOf(j: JourneyState, n: number): AttendanceRecord[] {
  const records = j.gatherings.find((g) => g.number === n)?.attendance ?? [];
  const known = new Set(records.map((r) => r.key));
  const missing = emptyAttendance(j.participants.filter((p) => !known.has(participantKey(p))));
  return [...records, ...missing];
}

function person(m: Municipality, r: AttendanceRecord, g: Gathering): LogisticsPerson {
  const base = {
    municipalityId: m.id,
    municipality: m.name,
    name: r.name,
    attending: r.attending,
    overnight: r.attending === false ? false : r.overnight,
    dinner: r.attending === false ? false : r.dinner,
    dietary: r.dietary?.trim() || null,
  };
  if (r.attending === null) {
    return { ...base, nights: null, lunches: null, dinners: null, breakfasts: null };
  }
  if (r.attending === false) {
    return { ...base, nights: 0, lunches: 0, dinners: 0, breakfasts: 0 };
  }
  const nights = g.lunchToLunch
    ? r.overnight === null
      ? null
      : r.overnight
        ? 1
        : 0
    : r.overnight === true
      ? 1
      : 0;
  const dinners = r.dinner === null ? (g.lunchToLunch ? null : 0) : r.dinner ? 1 : 0;
  return { ...base, nights, lunches: g.lunchToLunch ? 2 : 1, dinners, breakfasts: nights };
}

export function totalsOf(people: LogisticsPerson[]): LogisticsTotals {
  const t: LogisticsTotals = {
    attending: 0,
    notAttending: 0,
    unknown: 0,
    nights: 0,
    nightsUnknown: 0,
    lunches: 0,
    dinners: 0,
    dinnersUnknown: 0,
    breakfasts: 0,
    dietary: [],
  };
  for (const p of people) {
    if (p.attending === null) t.unknown++;
    else if (p.attending) t.attending++;
    else t.notAttending++;
    if (p.attending === true) {
      if (p.nights === null) t.nightsUnknown++;
      if (p.dinners === null) t.dinnersUnknown++;
    }
    t.nights += p.nights ?? 0;
    t.lunches += p.lunches ?? 0;
    t.dinners += p.dinners ?? 0;
    t.breakfasts += p.breakfasts ?? 0;
    if (p.dietary && p.attending !== false)
      t.dietary.push(`${p.name} (${p.municipality}): ${p.dietary}`);
  }
  return t;
}

/** The totals of several gatherings added up (the dietary lists joined). */
export function sumTotals(all: LogisticsTotals[]): LogisticsTotals {
  const t = totalsOf([]);
  for (const x of all) {
    t.attending += x.attending;
    t.notAttending += x.notAttending;
    t.unknown += x.unknown;
    t.nights += x.nights;
    t.nightsUnknown += x.nightsUnknown;
    t.lunches += x.lunches;
    t.dinners += x.dinners;
    t.dinnersUnknown += x.dinnersUnknown;
    t.breakfasts += x.breakfasts;
    t.dietary.push(...x.dietary);
  }
  return t;
}

/** «glutenfri» × 3 …: the dietary needs of everyone not known to stay away, most common first. */
export function dietaryCounts(people: LogisticsPerson[]): { need: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of people) {
    if (!p.dietary || p.attending === false) continue;
    const need = p.dietary.toLowerCase();
    counts.set(need, (counts.get(need) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([need, count]) => ({ need, count }))
    .sort((a, b) => b.count - a.count || a.need.localeCompare(b.need, 'nb'));
}
