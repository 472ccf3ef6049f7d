import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assignmentInput, assignmentNetworks } from '../../../domain/assignment/campaign-input';
import { AssignmentError } from '../../../domain/assignment/errors';
import { haversineKm } from '../../../domain/assignment/geo';
import { proposeAssignment } from '../../../domain/assignment/propose';
import type {
  AssignmentInput,
  AssignmentProposal,
  AssignmentRegistration,
} from '../../../domain/assignment/types';
import { parseCampaign } from '../../../domain/campaign/parse';
import { bruteBestVenue, cost, membersOf, participantsOf, travelKm } from './brute-force';
import { REGISTRATIONS_2013 } from './registrations-2013';

const campaignText = readFileSync(
  path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml'),
  'utf8',
);
const campaign = parseCampaign(campaignText, 'ks-ti-2013.yaml');
const VENUES = campaign.venues;
const byId = new Map(REGISTRATIONS_2013.map((r) => [r.municipalityId, r]));
const total = participantsOf(REGISTRATIONS_2013);

function networkOf(proposal: AssignmentProposal, municipalityId: string): string | null {
  return proposal.placements.find((p) => p.municipalityId === municipalityId)!.networkId;
}

function withCapacity(input: AssignmentInput, max: number): AssignmentInput {
  return { ...input, networks: input.networks.map((n) => ({ ...n, capacity: { min: 20, max } })) };
}

describe('the 2013 registrations: 31 kommuner and 4 fylkeskommuner', () => {
  const input = assignmentInput(campaign, REGISTRATIONS_2013);
  const proposal = proposeAssignment(input);

  it('is the fixture the brief describes', () => {
    expect(REGISTRATIONS_2013).toHaveLength(35);
    const ids = REGISTRATIONS_2013.map((r) => r.municipalityId);
    expect(ids.filter((id) => id.length === 4)).toHaveLength(31);
    expect(ids.filter((id) => id.length === 2)).toHaveLength(4);
    expect(total).toBeLessThanOrEqual(90);
    expect(total).toBeGreaterThan(80);
  });

  it('places everyone, each municipality whole, in exactly one network', () => {
    expect(proposal.waitingList).toEqual([]);
    const placed = proposal.networks.flatMap((n) => n.municipalityIds);
    expect([...placed].sort()).toEqual(REGISTRATIONS_2013.map((r) => r.municipalityId).sort());
    for (const network of proposal.networks) {
      expect(network.participants).toBe(participantsOf(membersOf(proposal, network.id)));
    }
    expect(proposal.networks.reduce((sum, n) => sum + n.participants, 0)).toBe(total);
  });

  it('keeps every network within 20–30 participants', () => {
    for (const network of proposal.networks) {
      expect(network.participants).toBeGreaterThanOrEqual(20);
      expect(network.participants).toBeLessThanOrEqual(30);
    }
    expect(proposal.warnings.filter((w) => w.includes('below its minimum'))).toEqual([]);
  });

  it('honours preferences first come, first served while the network has room', () => {
    const wishedA = REGISTRATIONS_2013.filter((r) => r.preference === 'A');
    let room = 30;
    const expectedInA = wishedA.filter((r) =>
      r.participants <= room ? ((room -= r.participants), true) : false,
    );
    expect(membersOf(proposal, 'A').map((r) => r.municipalityId)).toEqual(
      expectedInA.map((r) => r.municipalityId),
    );
    for (const placement of proposal.placements) {
      if (placement.preference === null) {
        expect(placement.preferenceMet).toBeNull();
        continue;
      }
      if (placement.preferenceMet) continue;
      // Not met only because the wished network had no room for the whole group.
      const wished = proposal.networks.find((n) => n.id === placement.preference)!;
      expect(wished.participants + placement.participants).toBeGreaterThan(wished.capacity.max);
    }
    expect(
      proposal.placements.filter((p) => p.preferenceMet === false).map((p) => p.municipalityId),
    ).toEqual(['3407', '4003']);
    expect(proposal.warnings).toContain(
      'Gjøvik (3407) asked for network A (full: 30 of 30) and is placed in ' +
        networkOf(proposal, '3407'),
    );
  });

  it('lets preference dominate geography: Tromsø and Alta stay in B, Oslo in A', () => {
    expect(networkOf(proposal, '5501')).toBe('B');
    expect(networkOf(proposal, '5601')).toBe('B');
    expect(networkOf(proposal, '0301')).toBe('A');
  });

  it('gives each network the candidate venue with the least total travel (brute force)', () => {
    for (const network of proposal.networks) {
      const members = membersOf(proposal, network.id);
      const best = bruteBestVenue(members, VENUES);
      expect(network.venue?.id).toBe(best.id);
      expect(network.venueFixed).toBe(false);
      expect(network.totalTravelKm).toBeCloseTo(travelKm(members, best), 6);
    }
  });

  it('reports each municipality’s distance to its venue', () => {
    for (const placement of proposal.placements) {
      const venue = proposal.networks.find((n) => n.id === placement.networkId)!.venue!;
      const registration = byId.get(placement.municipalityId)!;
      expect(placement.distanceKm).toBeCloseTo(
        haversineKm(registration, { lat: venue.lat!, lon: venue.lon! }),
        9,
      );
    }
  });

  it('cannot be improved by moving or swapping a municipality whose wish was not binding', () => {
    const granted = (r: AssignmentRegistration) =>
      r.preference !== null && networkOf(proposal, r.municipalityId) === r.preference;
    const free = REGISTRATIONS_2013.filter((r) => !granted(r));
    const groups = () =>
      new Map(proposal.networks.map((n) => [n.id, [...membersOf(proposal, n.id)]]));
    const minimums = new Map(proposal.networks.map((n) => [n.id, n.capacity.min]));
    const current = cost(groups(), minimums, VENUES);
    const notBetter = (candidate: { shortfall: number; hours: number }) =>
      candidate.shortfall > current.shortfall ||
      (candidate.shortfall === current.shortfall && candidate.hours >= current.hours - 1e-6);

    for (const r of free) {
      const from = networkOf(proposal, r.municipalityId)!;
      for (const to of proposal.networks) {
        if (to.id === from || to.participants + r.participants > to.capacity.max) continue;
        const moved = groups();
        moved.set(
          from,
          moved.get(from)!.filter((m) => m !== r),
        );
        moved.get(to.id)!.push(r);
        expect(notBetter(cost(moved, minimums, VENUES))).toBe(true);
      }
      for (const other of free) {
        const otherNetwork = networkOf(proposal, other.municipalityId)!;
        if (otherNetwork === from) continue;
        const swapped = groups();
        swapped.set(from, [...swapped.get(from)!.filter((m) => m !== r), other]);
        swapped.set(otherNetwork, [...swapped.get(otherNetwork)!.filter((m) => m !== other), r]);
        if ([...swapped.values()].some((ms) => participantsOf(ms) > 30)) continue;
        expect(notBetter(cost(swapped, minimums, VENUES))).toBe(true);
      }
    }
  });

  it('is deterministic: the same proposal again, and whatever order registrations come in', () => {
    expect(proposeAssignment(input)).toEqual(proposal);
    const reversed = { ...input, registrations: [...input.registrations].reverse() };
    const venuesShuffled = { ...reversed, venues: [...input.venues].reverse() };
    expect(proposeAssignment(venuesShuffled)).toEqual(proposal);
  });

  it('lists placements and the registrations it was made from in registration order', () => {
    const order = proposal.placements.map((p) => p.municipalityId);
    expect(order).toEqual(REGISTRATIONS_2013.map((r) => r.municipalityId));
    expect(proposal.registrations.map((r) => r.municipalityId)).toEqual(order);
    expect(proposal.venues.map((v) => v.id)).toEqual([...VENUES.map((v) => v.id)].sort());
  });
});

describe('more registrations than seats', () => {
  const input = withCapacity(assignmentInput(campaign, REGISTRATIONS_2013), 25);
  const proposal = proposeAssignment(input);
  const order = REGISTRATIONS_2013.map((r) => r.municipalityId);

  it('puts the late ones on the waiting list, in registration order', () => {
    expect(proposal.waitingList.length).toBeGreaterThan(0);
    const positions = proposal.waitingList.map((id) => order.indexOf(id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(proposal.networks.every((n) => n.participants <= 25)).toBe(true);
    const seated = proposal.networks.reduce((sum, n) => sum + n.participants, 0);
    expect(seated).toBeGreaterThanOrEqual(75 - 2);
    expect(proposal.warnings.at(-1)).toMatch(
      /^\d+ on the waiting list \(\d+ participants\), in registration order: /,
    );
  });

  it('admits earlier registrations first: only a smaller group may pass a waiting one', () => {
    for (const waitingId of proposal.waitingList) {
      const waiting = byId.get(waitingId)!;
      for (const network of proposal.networks) {
        expect(network.participants + waiting.participants).toBeGreaterThan(25);
      }
      const later = REGISTRATIONS_2013.slice(order.indexOf(waitingId) + 1).filter(
        (r) => !proposal.waitingList.includes(r.municipalityId),
      );
      for (const r of later) expect(r.participants).toBeLessThan(waiting.participants);
    }
  });

  it('orders equal registration times by municipality id', () => {
    const sameTime = REGISTRATIONS_2013.map((r) => ({
      ...r,
      registeredAt: '2013-05-01T10:00:00.000Z',
    }));
    const tied = proposeAssignment(withCapacity({ ...input, registrations: sameTime }, 25));
    const positions = tied.waitingList.map((id) => [...order].sort().indexOf(id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(tied.placements.map((p) => p.municipalityId)).toEqual([...order].sort());
  });
});

describe('input the assignment refuses', () => {
  const base = assignmentInput(campaign, REGISTRATIONS_2013.slice(0, 3));
  const refuse = (input: AssignmentInput, reason: string, message: RegExp) => {
    let caught: unknown;
    try {
      proposeAssignment(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AssignmentError);
    expect((caught as AssignmentError).reason).toBe(reason);
    expect((caught as AssignmentError).message).toMatch(message);
  };

  it('a municipality registered twice', () => {
    const registrations = [...base.registrations, base.registrations[0]];
    refuse({ ...base, registrations }, 'invalid-input', /4601 registered twice/);
  });

  it('a registration without participants', () => {
    const registrations = [{ ...base.registrations[0], participants: 0 }];
    refuse({ ...base, registrations }, 'invalid-input', /has 0 participants/);
  });

  it('a registration time without offset', () => {
    const registrations = [{ ...base.registrations[0], registeredAt: '2013-05-01 10:00' }];
    refuse({ ...base, registrations }, 'invalid-input', /registeredAt/);
  });

  it('a venue without coordinates', () => {
    const venues = [
      ...base.venues,
      { id: 'ski', name: 'Ski', address: null, lat: null, lon: null },
    ];
    refuse({ ...base, venues }, 'venue-without-coordinates', /Ski has no coordinates/);
  });

  it('no networks, or a capacity upside down', () => {
    refuse({ ...base, networks: [] }, 'invalid-input', /no networks/);
    const networks = [{ id: 'A', capacity: { min: 30, max: 20 }, venue: null }];
    refuse({ ...base, networks }, 'invalid-input', /network A has capacity 30–20/);
  });
});

describe('assignment input from a campaign', () => {
  it('takes the networks and a venue the coordinator has already set', () => {
    expect(assignmentNetworks(campaign).map((n) => [n.id, n.capacity, n.venue])).toEqual([
      ['A', { min: 20, max: 30 }, null],
      ['B', { min: 20, max: 30 }, null],
      ['C', { min: 20, max: 30 }, null],
    ]);
    const edited = parseCampaign(campaignText.replace('venue: null', 'venue: bergen'), 'x.yaml');
    expect(assignmentNetworks(edited)[0].venue?.id).toBe('bergen');
  });
});
