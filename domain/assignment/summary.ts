// From «who is in which network» to the proposal the coordinator reads: each network's venue
// (its fixed one, or the candidate with the least total door-to-door travel time for its
// participants), each municipality's journey there, the runner-up venue, and the warnings. Shared
// by proposing and by the coordinator's moves, so a moved municipality gets exactly the venue
// choice the proposal would have made.

import type { NetworkId, Venue } from '../types';
import { haversineKm, type Coordinates } from './geo';
import { journey } from './travel';
import type {
  AssignmentProposal,
  AssignmentRegistration,
  NetworkAssignment,
  Placement,
  VenueAlternative,
} from './types';

export interface NetworkSpec {
  id: NetworkId;
  capacity: { min: number; max: number };
  fixedVenue: Venue | null;
}

type Located = Venue & Coordinates;

const located = (venue: Venue): venue is Located => venue.lat !== null && venue.lon !== null;

/** Participant-weighted hours (the sum) and the longest journey of these members to a venue. */
export function travelTo(
  members: readonly AssignmentRegistration[],
  venue: Venue,
): { totalTravelHours: number; maxTravelHours: number } {
  if (!located(venue)) return { totalTravelHours: 0, maxTravelHours: 0 };
  let [totalTravelHours, maxTravelHours] = [0, 0];
  for (const m of members) {
    const hours = journey(m, venue).hours;
    totalTravelHours += m.participants * hours;
    maxTravelHours = Math.max(maxTravelHours, hours);
  }
  return { totalTravelHours, maxTravelHours };
}

/**
 * The candidates ranked by participant-weighted travel hours (a 1-median): least first, ties in
 * the order listed. Empty when there are no members.
 */
export function rankVenues(
  members: readonly AssignmentRegistration[],
  candidates: readonly Venue[],
): VenueAlternative[] {
  if (members.length === 0) return [];
  return candidates
    .filter(located)
    .map((venue) => ({ venue, ...travelTo(members, venue) }))
    .map((v, order) => ({ v, order }))
    .sort((a, b) => a.v.totalTravelHours - b.v.totalTravelHours || a.order - b.order)
    .map(({ v }) => v);
}

export function totalTravelKm(members: readonly AssignmentRegistration[], venue: Venue): number {
  if (!located(venue)) return 0;
  return members.reduce((sum, m) => sum + m.participants * haversineKm(m, venue), 0);
}

/**
 * The proposal for this membership (municipality id → network, or null for the waiting list).
 * Registrations without an entry in `membership` are left out (withdrawn). `registrations` must
 * be in registration order and `candidates` sorted by id.
 */
export function summarise(
  allRegistrations: readonly AssignmentRegistration[],
  networks: readonly NetworkSpec[],
  candidates: readonly Venue[],
  membership: ReadonlyMap<string, NetworkId | null>,
): AssignmentProposal {
  const registrations = allRegistrations.filter((r) => membership.has(r.municipalityId));
  const assignments: NetworkAssignment[] = networks.map((network) => {
    const members = registrations.filter((r) => membership.get(r.municipalityId) === network.id);
    const ranked = rankVenues(members, candidates);
    const venue = network.fixedVenue ?? ranked[0]?.venue ?? null;
    const travel = venue ? travelTo(members, venue) : { totalTravelHours: 0, maxTravelHours: 0 };
    // For a fixed venue the best candidate is the alternative worth knowing about.
    const runnerUp = network.fixedVenue
      ? (ranked.find((v) => v.venue.id !== network.fixedVenue?.id) ?? null)
      : (ranked[1] ?? null);
    return {
      id: network.id,
      capacity: { ...network.capacity },
      venue,
      venueFixed: network.fixedVenue !== null,
      municipalityIds: members.map((m) => m.municipalityId),
      participants: members.reduce((sum, m) => sum + m.participants, 0),
      totalTravelKm: venue ? totalTravelKm(members, venue) : 0,
      ...travel,
      runnerUp,
    };
  });
  const byId = new Map(assignments.map((a) => [a.id, a]));

  const placements: Placement[] = registrations.map((r) => {
    const networkId = membership.get(r.municipalityId) ?? null;
    const venue = networkId === null ? null : (byId.get(networkId)?.venue ?? null);
    return {
      municipalityId: r.municipalityId,
      name: r.name,
      participants: r.participants,
      networkId,
      distanceKm: venue && located(venue) ? haversineKm(r, venue) : null,
      travel: venue && located(venue) ? journey(r, venue) : null,
      preference: r.preference,
      preferenceMet:
        networkId === null || r.preference === null ? null : r.preference === networkId,
    };
  });

  return {
    networks: assignments,
    waitingList: placements.filter((p) => p.networkId === null).map((p) => p.municipalityId),
    placements,
    warnings: warningsFor(assignments, placements),
    registrations: registrations.map((r) => ({ ...r })),
    venues: candidates.map((v) => ({ ...v })),
  };
}

function warningsFor(networks: NetworkAssignment[], placements: Placement[]): string[] {
  const warnings: string[] = [];
  const byId = new Map(networks.map((n) => [n.id, n]));
  for (const network of networks) {
    if (network.participants > network.capacity.max) {
      // Only the coordinator's --over-capacity move gets here: proposals keep within the maximum.
      warnings.push(
        `Network ${network.id} has ${network.participants} participants, above its maximum of ${network.capacity.max}`,
      );
    }
    if (network.participants < network.capacity.min) {
      warnings.push(
        `Network ${network.id} has ${network.participants} participants, below its minimum of ${network.capacity.min}`,
      );
    }
  }
  for (const p of placements) {
    if (p.networkId === null || p.preference === null || p.preference === p.networkId) continue;
    const wished = byId.get(p.preference);
    const reason = !wished
      ? `, which the campaign does not have`
      : wished.participants + p.participants > wished.capacity.max
        ? ` (full: ${wished.participants} of ${wished.capacity.max})`
        : '';
    warnings.push(
      `${p.name} (${p.municipalityId}) asked for network ${p.preference}${reason} and is placed in ${p.networkId}`,
    );
  }
  const waiting = placements.filter((p) => p.networkId === null);
  if (waiting.length > 0) {
    const people = waiting.reduce((sum, p) => sum + p.participants, 0);
    warnings.push(
      `${waiting.length} on the waiting list (${people} participants), in registration order: ` +
        waiting.map((p) => `${p.name} (${p.municipalityId})`).join(', '),
    );
  }
  return warnings;
}
