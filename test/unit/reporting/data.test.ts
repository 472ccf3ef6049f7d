import { funnel, hasRegistered, isPlaced, networks, openFlags } from '../../../reporting/data';
import type { JourneyState } from '../../../workflows/definitions';
import { EXPECTED, reportFixture } from './fixture';

describe('funnel', () => {
  const f = funnel(reportFixture());

  test('counts the fixture campaign as defined', () => {
    expect(f).toMatchObject({
      total: EXPECTED.total,
      scheduled: 0,
      invited: EXPECTED.invited,
      awaiting: 0,
      answered: EXPECTED.answered,
      incomplete: 0,
      registered: EXPECTED.registered,
      late: EXPECTED.late,
      declined: EXPECTED.declined,
      noResponse: EXPECTED.noResponse,
      pending: 0,
      waitingList: EXPECTED.waitingList,
      placed: EXPECTED.placed,
      placedByNetwork: EXPECTED.placedByNetwork,
      completed: EXPECTED.completed,
      cancelled: EXPECTED.cancelled,
      cancelledAfterRegistering: EXPECTED.cancelledAfterRegistering,
      cancelledBeforeRegistering: EXPECTED.cancelledBeforeRegistering,
    });
    const people = EXPECTED.participantsByNetwork;
    expect(f.placedParticipants).toBe(people.A + people.B + people.C);
    // Placed plus four waiting with two each.
    expect(f.participants).toBe(f.placedParticipants + 2 * EXPECTED.waitingList);
  });

  test('its lines add up', () => {
    expect(f.total).toBe(f.scheduled + f.invited);
    expect(f.invited).toBe(f.awaiting + f.noResponse + f.cancelledBeforeRegistering + f.answered);
    expect(f.answered).toBe(f.incomplete + f.declined + f.registered);
    expect(f.registered).toBe(f.pending + f.waitingList + f.placed + f.cancelledAfterRegistering);
    expect(Object.values(f.placedByNetwork).reduce((a, b) => a + b, 0)).toBe(f.placed);
    expect(f.cancelled).toBe(f.cancelledBeforeRegistering + f.cancelledAfterRegistering);
    expect(f.completed).toBeLessThanOrEqual(f.placed);
  });

  test('a registration withdrawn by declining counts as declined, not registered', () => {
    const data = reportFixture();
    const namsos = data.journeys.find((j) => j.municipality.name === 'Namsos')!;
    expect(namsos.registeredAt).not.toBeNull();
    expect(hasRegistered(namsos)).toBe(false);
  });

  test('every stage lands in exactly one bucket, during registration too', () => {
    const data = reportFixture();
    const set = (name: string, patch: Partial<JourneyState>) =>
      Object.assign(
        data.journeys.find((j) => j.municipality.name === name)!,
        patch,
      );
    set('Sandefjord', { stage: 'scheduled' });
    set('Ørsta', { stage: 'invited' });
    set('Kinn', { stage: 'incomplete' });
    set('Skien', { stage: 'registered', waitingListPosition: null });
    const g = funnel(data);
    expect(g).toMatchObject({
      total: 47,
      scheduled: 1,
      invited: 46,
      awaiting: 1,
      noResponse: EXPECTED.noResponse - 3,
      incomplete: 1,
      pending: 1,
      waitingList: EXPECTED.waitingList - 1,
      answered: EXPECTED.answered + 1,
      registered: EXPECTED.registered,
    });
    expect(g.invited).toBe(g.awaiting + g.noResponse + g.cancelledBeforeRegistering + g.answered);
    expect(g.answered).toBe(g.incomplete + g.declined + g.registered);
    expect(g.registered).toBe(g.pending + g.waitingList + g.placed + g.cancelledAfterRegistering);
  });

  test('an empty campaign is all zeros, with every network present', () => {
    const data = { ...reportFixture(), journeys: [] };
    const g = funnel(data);
    expect(g.invited).toBe(0);
    expect(g.placedByNetwork).toEqual({ A: 0, B: 0, C: 0 });
  });
});

describe('networks', () => {
  test('members, participants, venue and gatherings per network', () => {
    const nets = networks(reportFixture());
    expect(nets.map((n) => n.id)).toEqual(['A', 'B', 'C']);
    const byId = Object.fromEntries(nets.map((n) => [n.id, n]));
    for (const id of ['A', 'B', 'C'] as const) {
      expect(byId[id].members).toHaveLength(EXPECTED.placedByNetwork[id]);
      expect(byId[id].participants).toBe(EXPECTED.participantsByNetwork[id]);
      expect(byId[id].gatherings).toHaveLength(3);
      expect(byId[id].venueProposed).toBe(false);
    }
    expect(byId.A.venue?.name).toBe('Gardermoen');
    expect(byId.A.venues.map((v) => v.id)).toEqual(['gardermoen', 'oslo']);
    expect(byId.B.venues.map((v) => v.id)).toEqual(['bergen', 'stavanger']);
    // Norwegian order: Å last.
    const names = byId.C.members.map((m) => m.municipality.name);
    expect(names[names.length - 1]).toBe('Ålesund');
    expect(names[0]).toBe('Alta');
    expect(byId.C.gatherings[2]).toMatchObject({ date: null, month: '2014-05' });
  });

  test('before approval the proposed venue stands in, marked as proposed', () => {
    const data = reportFixture();
    data.campaign.campaign = {
      ...data.campaign.campaign,
      networks: data.campaign.campaign.networks.map((n) => ({
        ...n,
        gatherings: n.gatherings.map((g) => ({ ...g, venue: null })),
      })),
    };
    const a = networks(data).find((n) => n.id === 'A')!;
    expect(a.venue?.id).toBe('gardermoen');
    expect(a.venueProposed).toBe(true);
    expect(a.venues).toEqual([]);
  });

  test('cancelled journeys are not members even if they still hold a network', () => {
    const data = reportFixture();
    const oslo = data.journeys.find((j) => j.municipality.name === 'Oslo')!;
    oslo.stage = 'cancelled';
    expect(isPlaced(oslo)).toBe(false);
    const a = networks(data).find((n) => n.id === 'A')!;
    expect(a.members.map((m) => m.municipality.name)).not.toContain('Oslo');
  });
});

test('open flags: unresolved only, oldest first', () => {
  const open = openFlags(reportFixture());
  expect(open).toHaveLength(EXPECTED.openFlags);
  expect(open.every((o) => o.flag.resolved === null)).toBe(true);
  const times = open.map((o) => o.flag.raisedAt);
  expect([...times].sort()).toEqual(times);
  expect(open.map((o) => o.municipality.name)).toEqual([
    'Hammerfest',
    'Skien',
    'Stord',
    'Bergen',
    'Tromsø',
  ]);
});
