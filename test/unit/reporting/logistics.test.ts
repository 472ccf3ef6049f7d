import type { Gathering, Municipality } from '../../../domain/types';
import type { AttendanceRecord } from '../../../domain/journey/attendance';
import type { JourneyState } from '../../../workflows/definitions';
import {
  attendanceOf,
  dietaryCounts,
  gatheringLogistics,
  logistics,
  sumTotals,
  totalsOf,
} from '../../../reporting/logistics';
import { EXPECTED, reportFixture } from './fixture';

const bergen: Municipality = {
  id: '4601',
  name: 'Bergen',
  type: 'kommune',
  email: 'postmottak@bergen.kommune.example',
  languageForm: 'nøytral',
  lat: 60.39,
  lon: 5.32,
  county: 'Vestland',
  domains: ['bergen.kommune.example'],
};

const gathering = (lunchToLunch: boolean): Gathering => ({
  number: lunchToLunch ? 1 : 2,
  month: '2013-09',
  date: '2013-09-10',
  startsAt: '2013-09-10T09:30:00.000Z',
  endsAt: lunchToLunch ? '2013-09-11T11:30:00.000Z' : '2013-09-10T14:00:00.000Z',
  lunchToLunch,
  venue: { id: 'bergen', name: 'Bergen', address: 'Bergen sentrum', lat: 60.39, lon: 5.32 },
});

const record = (name: string, a: Partial<AttendanceRecord>): AttendanceRecord => ({
  key: name.toLowerCase(),
  name,
  attending: null,
  overnight: null,
  dinner: null,
  dietary: null,
  answeredAt: null,
  ...a,
});

function journey(records: AttendanceRecord[], extra: string[] = []): JourneyState {
  return {
    ...reportFixture().journeys[0],
    municipality: bergen,
    participants: [...records.map((r) => r.name), ...extra].map((name) => ({
      name,
      title: null,
      email: null,
      phone: null,
    })),
    gatherings: [
      { number: 1, attendance: records },
      { number: 2, attendance: records },
      { number: 3, attendance: [] },
    ],
  };
}

const five = [
  record('Kari', { attending: true, overnight: true, dinner: true, dietary: 'vegetar' }),
  record('Ola', { attending: true, overnight: false, dinner: false }),
  record('Ingrid', { attending: true, overnight: null, dinner: null, dietary: ' glutenfri ' }),
  record('Lars', { attending: false, dietary: 'halal' }),
  record('Marit', { attending: null }),
];

describe('one gathering', () => {
  test('lunch to lunch: 2 lunches each, a night and a breakfast for those staying, unknowns apart', () => {
    const g = gatheringLogistics('B', gathering(true), [journey(five, ['Per'])]);
    expect(g.firstDay).toBe('2013-09-10');
    expect(g.lastDay).toBe('2013-09-11');
    const by = Object.fromEntries(g.people.map((p) => [p.name, p]));
    expect(by.Kari).toMatchObject({ nights: 1, lunches: 2, dinners: 1, breakfasts: 1 });
    expect(by.Ola).toMatchObject({ nights: 0, lunches: 2, dinners: 0, breakfasts: 0 });
    expect(by.Ingrid).toMatchObject({
      nights: null,
      lunches: 2,
      dinners: null,
      breakfasts: null,
      dietary: 'glutenfri',
    });
    expect(by.Lars).toMatchObject({
      attending: false,
      nights: 0,
      lunches: 0,
      dinners: 0,
      breakfasts: 0,
      overnight: false,
    });
    // Not answered: listed, with nothing counted.
    expect(by.Marit).toMatchObject({
      attending: null,
      nights: null,
      lunches: null,
      dinners: null,
      breakfasts: null,
    });
    // Registered but without a record at all (added later): unknown too.
    expect(by.Per).toMatchObject({ attending: null, lunches: null });
    expect(g.totals).toEqual({
      attending: 3,
      notAttending: 1,
      unknown: 2,
      nights: 1,
      nightsUnknown: 1,
      lunches: 6,
      dinners: 1,
      dinnersUnknown: 1,
      breakfasts: 1,
      dietary: ['Ingrid (Bergen): glutenfri', 'Kari (Bergen): vegetar'],
    });
  });

  test('one day: one lunch each, no dinner or night unless asked for', () => {
    const g = gatheringLogistics('B', gathering(false), [journey(five)]);
    expect(g.firstDay).toBe('2013-09-10');
    expect(g.lastDay).toBe('2013-09-10');
    expect(g.totals).toMatchObject({
      attending: 3,
      unknown: 1,
      lunches: 3,
      nights: 1, // Kari asked for a room
      nightsUnknown: 0,
      dinners: 1,
      dinnersUnknown: 0,
      breakfasts: 1,
    });
  });

  test('a gathering with only a month has no days; before any answers everyone is unknown', () => {
    const j = journey([], ['Kari', 'Ola']);
    const g = gatheringLogistics(
      'C',
      { ...gathering(false), date: null, startsAt: null, endsAt: null, month: '2014-05' },
      [j],
    );
    expect(g.firstDay).toBeNull();
    expect(g.month).toBe('2014-05');
    expect(g.totals).toMatchObject({ attending: 0, unknown: 2, lunches: 0 });
    expect(attendanceOf(j, 3).map((r) => r.attending)).toEqual([null, null]);
  });

  test('dietary needs counted by kind, most common first, leaving out those who stay away', () => {
    const g = gatheringLogistics('B', gathering(true), [
      journey([...five, record('Per', { attending: true, dietary: 'Vegetar' })]),
    ]);
    expect(dietaryCounts(g.people)).toEqual([
      { need: 'vegetar', count: 2 },
      { need: 'glutenfri', count: 1 },
    ]);
  });
});

describe('the fixture campaign', () => {
  const all = logistics(reportFixture());

  test('every network and gathering, in order', () => {
    expect(all.map((g) => `${g.network}${g.number}`)).toEqual([
      'A1',
      'A2',
      'A3',
      'B1',
      'B2',
      'B3',
      'C1',
      'C2',
      'C3',
    ]);
  });

  test('everyone placed is listed at each gathering', () => {
    for (const g of all) {
      expect(g.people).toHaveLength(EXPECTED.participantsByNetwork[g.network as 'A' | 'B' | 'C']);
    }
  });

  test('totals are the sums of the people', () => {
    for (const g of all) {
      expect(g.totals).toEqual(totalsOf(g.people));
      const t = g.totals;
      expect(t.attending + t.notAttending + t.unknown).toBe(g.people.length);
      expect(t.lunches).toBe(t.attending * (g.lunchToLunch ? 2 : 1));
      expect(t.breakfasts).toBe(t.nights);
    }
  });

  test('C3 has no date and nobody has answered: all unknown, nothing counted', () => {
    const c3 = all.find((g) => g.network === 'C' && g.number === 3)!;
    expect(c3.firstDay).toBeNull();
    expect(c3.totals).toMatchObject({
      attending: 0,
      unknown: EXPECTED.participantsByNetwork.C,
      lunches: 0,
      nights: 0,
    });
  });

  test('B3 has one participant who never answered', () => {
    const b3 = all.find((g) => g.network === 'B' && g.number === 3)!;
    expect(b3.totals.unknown).toBe(1);
    expect(b3.people.filter((p) => p.attending === null).map((p) => p.municipality)).toEqual([
      'Voss',
    ]);
  });

  test('the grand total adds every gathering', () => {
    const grand = sumTotals(all.map((g) => g.totals));
    expect(grand.attending).toBe(all.reduce((s, g) => s + g.totals.attending, 0));
    expect(grand.dietary).toHaveLength(all.reduce((s, g) => s + g.totals.dietary.length, 0));
  });
});
