import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assignmentInput } from '../../../domain/assignment/campaign-input';
import { AssignmentError } from '../../../domain/assignment/errors';
import { WAITING_LIST, moveMunicipality } from '../../../domain/assignment/move';
import { proposeAssignment } from '../../../domain/assignment/propose';
import type { AssignmentProposal } from '../../../domain/assignment/types';
import { parseCampaign } from '../../../domain/campaign/parse';
import type { Venue } from '../../../domain/types';
import { bruteBestVenue, membersOf, travelKm } from './brute-force';
import { REGISTRATIONS_2013 } from './registrations-2013';

const campaign = parseCampaign(
  readFileSync(path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml'), 'utf8'),
  'ks-ti-2013.yaml',
);
const proposal = proposeAssignment(assignmentInput(campaign, REGISTRATIONS_2013));
const snapshot = JSON.parse(JSON.stringify(proposal)) as AssignmentProposal;
const networkOf = (p: AssignmentProposal, id: string) =>
  p.placements.find((x) => x.municipalityId === id)!.networkId;

function refusal(action: () => unknown): AssignmentError {
  try {
    action();
  } catch (error) {
    if (error instanceof AssignmentError) return error;
    throw error;
  }
  throw new Error('expected the move to be refused');
}

function expectConsistent(p: AssignmentProposal) {
  for (const network of p.networks) {
    const members = membersOf(p, network.id);
    expect(network.participants).toBe(members.reduce((sum, m) => sum + m.participants, 0));
    if (members.length === 0) continue;
    const venue = network.venueFixed ? network.venue! : bruteBestVenue(members, campaign.venues);
    expect(network.venue?.id).toBe(venue.id);
    expect(network.totalTravelKm).toBeCloseTo(travelKm(members, venue), 6);
  }
}

describe('moveMunicipality', () => {
  it('refuses a move that would exceed the network’s capacity, with the reason', () => {
    expect(proposal.networks[0].participants).toBe(30);
    const error = refusal(() => moveMunicipality(proposal, '5001', 'A'));
    expect(error.reason).toBe('over-capacity');
    expect(error.message).toBe(
      'moving Trondheim (5001) with 3 participants to network A would make it 33 participants, above its maximum of 30',
    );
    expect(error.context).toMatchObject({
      municipalityId: '5001',
      to: 'A',
      participants: 33,
      max: 30,
    });
  });

  it('moves a municipality to another network with room and recomputes venues and distances', () => {
    const from = networkOf(proposal, '3403')!;
    const to = from === 'B' ? 'C' : 'B';
    const moved = moveMunicipality(proposal, '3403', to);
    expect(networkOf(moved, '3403')).toBe(to);
    expect(moved.networks.find((n) => n.id === to)!.municipalityIds).toContain('3403');
    expect(moved.networks.find((n) => n.id === from)!.municipalityIds).not.toContain('3403');
    expectConsistent(moved);
    const placement = moved.placements.find((p) => p.municipalityId === '3403')!;
    const venue = moved.networks.find((n) => n.id === to)!.venue!;
    expect(placement.distanceKm).toBeGreaterThan(0);
    expect(placement.distanceKm! * 2).toBeCloseTo(travelKm([REGISTRATIONS_2013[6]], venue), 6);
  });

  it('makes room by moving one to the waiting list, then lets another in', () => {
    const freed = moveMunicipality(proposal, '3205', WAITING_LIST);
    expect(freed.waitingList).toEqual(['3205']);
    expect(freed.networks[0].participants).toBe(27);
    expect(freed.warnings.at(-1)).toBe(
      '1 on the waiting list (3 participants), in registration order: Lillestrøm (3205)',
    );
    expectConsistent(freed);
    const back = moveMunicipality(freed, '5001', 'A');
    expect(networkOf(back, '5001')).toBe('A');
    expect(back.networks[0].participants).toBe(30);
    expectConsistent(back);
  });

  it('keeps the waiting list in registration order whatever order the moves come in', () => {
    let p = moveMunicipality(proposal, '5605', WAITING_LIST);
    p = moveMunicipality(p, '4601', WAITING_LIST);
    p = moveMunicipality(p, '1520', WAITING_LIST);
    expect(p.waitingList).toEqual(['4601', '1520', '5605']);
    expect(p.placements.find((x) => x.municipalityId === '4601')).toMatchObject({
      networkId: null,
      distanceKm: null,
      preferenceMet: null,
    });
  });

  it('marks a preference as no longer met when the coordinator overrides it', () => {
    expect(networkOf(proposal, '1103')).toBe('C');
    const moved = moveMunicipality(proposal, '1103', 'B');
    expect(moved.placements.find((p) => p.municipalityId === '1103')?.preferenceMet).toBe(false);
    expect(moved.warnings).toContain('Stavanger (1103) asked for network C and is placed in B');
  });

  it('keeps a fixed venue when members move', () => {
    const gardermoen = campaign.venues.find((v) => v.id === 'gardermoen') as Venue;
    const input = assignmentInput(campaign, REGISTRATIONS_2013);
    input.networks[1] = { ...input.networks[1], venue: gardermoen };
    const fixed = proposeAssignment(input);
    const someone = fixed.networks[1].municipalityIds[0];
    const moved = moveMunicipality(fixed, someone, WAITING_LIST);
    expect(moved.networks[1].venue).toEqual(gardermoen);
    expect(moved.networks[1].venueFixed).toBe(true);
    expectConsistent(moved);
  });

  it('refuses unknown municipalities and networks, and moves that change nothing', () => {
    expect(refusal(() => moveMunicipality(proposal, '9999', 'A')).reason).toBe(
      'unknown-municipality',
    );
    const unknown = refusal(() => moveMunicipality(proposal, '5001', 'D'));
    expect(unknown.reason).toBe('unknown-network');
    expect(unknown.message).toBe('there is no network D (A, B, C)');
    const same = refusal(() => moveMunicipality(proposal, '4601', 'A'));
    expect(same.reason).toBe('already-there');
    expect(same.message).toBe('Bergen (4601) is already in network A');
    const waiting = moveMunicipality(proposal, '4601', WAITING_LIST);
    expect(refusal(() => moveMunicipality(waiting, '4601', WAITING_LIST)).reason).toBe(
      'already-there',
    );
  });

  it('returns a new proposal and leaves the one it was given untouched', () => {
    moveMunicipality(proposal, '3403', networkOf(proposal, '3403') === 'B' ? 'C' : 'B');
    moveMunicipality(proposal, '3205', WAITING_LIST);
    expect(proposal).toEqual(snapshot);
  });
});

describe('moveMunicipality on a proposal the campaign has kept up to date', () => {
  it('treats the placements as the current state: withdrawn stay out, new counts count', () => {
    const withdrawn: AssignmentProposal = {
      ...proposal,
      networks: proposal.networks.map((n) => ({
        ...n,
        municipalityIds: n.municipalityIds.filter((id) => id !== '4601'),
        participants: n.municipalityIds.includes('4601') ? n.participants - 3 : n.participants,
      })),
      placements: proposal.placements
        .filter((p) => p.municipalityId !== '4601')
        .map((p) => (p.municipalityId === '0301' ? { ...p, participants: 2 } : p)),
    };
    const moved = moveMunicipality(withdrawn, '3205', WAITING_LIST);
    expect(moved.placements.map((p) => p.municipalityId)).not.toContain('4601');
    expect(moved.registrations.map((r) => r.municipalityId)).not.toContain('4601');
    expect(moved.waitingList).toEqual(['3205']);
    expect(moved.networks[0].participants).toBe(30 - 3 - 1 - 3);
  });
});

describe('moveMunicipality over capacity', () => {
  it('moves past the maximum when the coordinator says so, and the proposal warns', () => {
    const moved = moveMunicipality(proposal, '5001', 'A', { overCapacity: true });
    expect(networkOf(moved, '5001')).toBe('A');
    expect(moved.networks.find((n) => n.id === 'A')!.participants).toBe(33);
    expect(moved.warnings).toContain('Network A has 33 participants, above its maximum of 30');
    expectConsistent(moved);
    // The other rules still hold: no network Z, no move to where it already is.
    expect(
      refusal(() => moveMunicipality(proposal, '5001', 'Z', { overCapacity: true })).reason,
    ).toBe('unknown-network');
  });
});
