// The assignment proposal (fordeling) after the registration deadline. Pure and deterministic:
// the same registrations always give the same proposal, whatever order they are passed in.
//
// Priorities, strongest first:
// 1. Capacity is a hard limit and a municipality's participants are never split.
// 2. First come, first served: registrations are taken in registration order, and each is placed
//    before later ones are considered: in the network it asked for if everyone placed so far can
//    still be seated that way, otherwise in some network if they can, otherwise on the waiting
//    list. A later registration never displaces an earlier one or its granted wish; a later,
//    smaller group may still take the last seats. (A starts in June, B and C in September: a
//    wish is about the calendar, so it outweighs any distance.)
// 3. Minimum sizes, then travel: those without a granted wish are grouped so each network reaches
//    its minimum and its participants' total door-to-door travel time to its venue is least
//    (search.ts; the hours come from travel.ts: road, flights through the 2014 route network).

import type { NetworkId, Venue } from '../types';
import { instantMs } from '../time';
import { AssignmentError } from './errors';
import { packItems } from './packing';
import { assignByGeography } from './search';
import { summarise, type NetworkSpec } from './summary';
import { travelHours } from './travel';
import type {
  AssignmentInput,
  AssignmentNetwork,
  AssignmentProposal,
  AssignmentRegistration,
} from './types';

export function proposeAssignment(input: AssignmentInput): AssignmentProposal {
  const networks = checkNetworks(input.networks);
  const registrations = inRegistrationOrder(input.registrations);
  const candidates = checkCandidates(input.venues);
  const capacities = networks.map((n) => n.capacity.max);
  const { admitted, pinned } = placeInRegistrationOrder(registrations, networks);
  // The seating that admitted the last of them: always found again, the search is deterministic.
  const feasible = seating(admitted, pinned, capacities);
  if (!feasible) throw new Error('internal: the admitted registrations no longer fit');
  const fixedVenues = networks.flatMap((n) => (n.fixedVenue ? [located(n.fixedVenue)] : []));
  const sites = [...candidates, ...fixedVenues];
  const assignment = assignByGeography({
    participants: admitted.map((r) => r.participants),
    hours: admitted.map((r) => sites.map((site) => travelHours(r, site))),
    candidateCount: candidates.length,
    siteHours: candidates.map((a) => candidates.map((b) => travelHours(a, b))),
    networks: networks.map((n) => ({
      min: n.capacity.min,
      max: n.capacity.max,
      fixedSite: n.fixedVenue
        ? candidates.length + fixedVenues.findIndex((v) => v.id === n.fixedVenue?.id)
        : null,
    })),
    pinned,
    feasible,
  });

  const membership = new Map<string, NetworkId | null>(
    registrations.map((r) => [r.municipalityId, null]),
  );
  admitted.forEach((r, i) => membership.set(r.municipalityId, networks[assignment[i]].id));
  return summarise(registrations, networks, candidates, membership);
}

/**
 * Who gets a seat, and whose wish is granted (the network index they are pinned to), deciding
 * each registration in turn and never revisiting an earlier decision.
 */
function placeInRegistrationOrder(
  registrations: readonly AssignmentRegistration[],
  networks: readonly NetworkSpec[],
): { admitted: AssignmentRegistration[]; pinned: (number | null)[] } {
  const capacities = networks.map((n) => n.capacity.max);
  const admitted: AssignmentRegistration[] = [];
  const pinned: (number | null)[] = [];
  for (const registration of registrations) {
    const wish = networks.findIndex((n) => n.id === registration.preference);
    for (const pin of wish >= 0 ? [wish, null] : [null]) {
      if (seating([...admitted, registration], [...pinned, pin], capacities)) {
        admitted.push(registration);
        pinned.push(pin);
        break;
      }
    }
  }
  return { admitted, pinned };
}

/** A network index per registration seating all of them, the pinned in their network; or null. */
function seating(
  registrations: readonly AssignmentRegistration[],
  pinned: readonly (number | null)[],
  capacities: readonly number[],
): number[] | null {
  const remaining = [...capacities];
  pinned.forEach((network, i) => {
    if (network !== null) remaining[network] -= registrations[i].participants;
  });
  if (remaining.some((seats) => seats < 0)) return null;
  const free = registrations.flatMap((_, i) => (pinned[i] === null ? [i] : []));
  const packed = packItems(
    free.map((i) => registrations[i].participants),
    remaining,
  );
  if (!packed) return null;
  const seats = pinned.map((network) => network ?? -1);
  free.forEach((item, i) => (seats[item] = packed[i]));
  return seats;
}

function invalid(message: string, context: Record<string, unknown>): AssignmentError {
  return new AssignmentError('invalid-input', message, context);
}

function checkNetworks(networks: readonly AssignmentNetwork[]): NetworkSpec[] {
  if (networks.length === 0) throw invalid('there are no networks to assign to', {});
  const seen = new Set<string>();
  return networks.map((network) => {
    const { id, capacity, venue } = network;
    if (seen.has(id)) throw invalid(`network ${id} is listed twice`, { networkId: id });
    seen.add(id);
    const { min, max } = capacity;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 1 || min > max) {
      throw invalid(`network ${id} has capacity ${min}–${max}`, { networkId: id, capacity });
    }
    return { id, capacity: { min, max }, fixedVenue: venue ? located(venue) : null };
  });
}

type LocatedVenue = Venue & { lat: number; lon: number };

function located(venue: Venue): LocatedVenue {
  if (venue.lat === null || venue.lon === null) {
    throw new AssignmentError(
      'venue-without-coordinates',
      `venue ${venue.name} has no coordinates: add lat/lon so travel can be measured`,
      { venueId: venue.id },
    );
  }
  return venue as LocatedVenue;
}

function checkCandidates(venues: readonly Venue[]): LocatedVenue[] {
  const seen = new Set<string>();
  const checked = venues.map((venue) => {
    if (seen.has(venue.id))
      throw invalid(`venue ${venue.id} is listed twice`, { venueId: venue.id });
    seen.add(venue.id);
    return located(venue);
  });
  return checked.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Registration order: by time registered, then by id so equal times still order the same way. */
export function inRegistrationOrder(
  registrations: readonly AssignmentRegistration[],
): AssignmentRegistration[] {
  const seen = new Set<string>();
  const timed = registrations.map((r) => {
    const context = { municipalityId: r.municipalityId };
    if (seen.has(r.municipalityId)) throw invalid(`${r.municipalityId} registered twice`, context);
    seen.add(r.municipalityId);
    if (!Number.isInteger(r.participants) || r.participants < 1) {
      throw invalid(`${r.name} (${r.municipalityId}) has ${r.participants} participants`, context);
    }
    if (!Number.isFinite(r.lat) || !Number.isFinite(r.lon)) {
      throw invalid(`${r.name} (${r.municipalityId}) has no coordinates`, context);
    }
    let at: number;
    try {
      at = instantMs(r.registeredAt);
    } catch {
      throw invalid(`${r.name} (${r.municipalityId}) has registeredAt ${r.registeredAt}`, context);
    }
    return { registration: r, at };
  });
  return timed
    .sort(
      (a, b) =>
        a.at - b.at || (a.registration.municipalityId < b.registration.municipalityId ? -1 : 1),
    )
    .map((t) => t.registration);
}
