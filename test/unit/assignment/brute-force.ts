// Independent, slow reference computations the tests check the proposal against.

import { haversineKm } from '../../../domain/assignment/geo';
import type { AssignmentProposal, AssignmentRegistration } from '../../../domain/assignment/types';
import type { Venue } from '../../../domain/types';

export function travelKm(members: AssignmentRegistration[], venue: Venue): number {
  return members.reduce(
    (sum, m) => sum + m.participants * haversineKm(m, { lat: venue.lat!, lon: venue.lon! }),
    0,
  );
}

/** The candidate with the least participant-weighted travel, trying every one. */
export function bruteBestVenue(members: AssignmentRegistration[], venues: Venue[]): Venue {
  return venues
    .map((venue) => ({ venue, km: travelKm(members, venue) }))
    .reduce((best, next) => (next.km < best.km ? next : best)).venue;
}

export function membersOf(
  proposal: AssignmentProposal,
  networkId: string,
): AssignmentRegistration[] {
  const ids = proposal.networks.find((n) => n.id === networkId)!.municipalityIds;
  return proposal.registrations.filter((r) => ids.includes(r.municipalityId));
}

export function participantsOf(members: AssignmentRegistration[]): number {
  return members.reduce((sum, m) => sum + m.participants, 0);
}

/** (participants short of minimums, total km with each network at its best venue). */
export function cost(
  groups: Map<string, AssignmentRegistration[]>,
  minimums: Map<string, number>,
  venues: Venue[],
): { shortfall: number; km: number } {
  let [shortfall, km] = [0, 0];
  for (const [id, members] of groups) {
    shortfall += Math.max(0, minimums.get(id)! - participantsOf(members));
    if (members.length > 0) km += travelKm(members, bruteBestVenue(members, venues));
  }
  return { shortfall, km };
}
