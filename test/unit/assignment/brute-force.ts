// Independent, slow reference computations the tests check the proposal against.

import { haversineKm } from '../../../domain/assignment/geo';
import { travelHours } from '../../../domain/assignment/travel';
import type { AssignmentProposal, AssignmentRegistration } from '../../../domain/assignment/types';
import type { Venue } from '../../../domain/types';

export function travelKm(members: AssignmentRegistration[], venue: Venue): number {
  return members.reduce(
    (sum, m) => sum + m.participants * haversineKm(m, { lat: venue.lat!, lon: venue.lon! }),
    0,
  );
}

/** Participant-weighted door-to-door hours: what the venue choice minimises since issue 11. */
export function travelHoursOf(members: AssignmentRegistration[], venue: Venue): number {
  return members.reduce(
    (sum, m) => sum + m.participants * travelHours(m, { lat: venue.lat!, lon: venue.lon! }),
    0,
  );
}

/**
 * The candidate with the least participant-weighted travel time, trying every one. (Until issue
 * 11 this was the least straight-line km; the proposal now minimises hours, so does the check.)
 */
export function bruteBestVenue(members: AssignmentRegistration[], venues: Venue[]): Venue {
  return venues
    .map((venue) => ({ venue, hours: travelHoursOf(members, venue) }))
    .reduce((best, next) => (next.hours < best.hours ? next : best)).venue;
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

/** (participants short of minimums, total hours with each network at its best venue). */
export function cost(
  groups: Map<string, AssignmentRegistration[]>,
  minimums: Map<string, number>,
  venues: Venue[],
): { shortfall: number; hours: number } {
  let [shortfall, hours] = [0, 0];
  for (const [id, members] of groups) {
    shortfall += Math.max(0, minimums.get(id)! - participantsOf(members));
    if (members.length > 0) hours += travelHoursOf(members, bruteBestVenue(members, venues));
  }
  return { shortfall, hours };
}
