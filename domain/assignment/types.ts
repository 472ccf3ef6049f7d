// The assignment's input and its proposal. Plain data: the proposal is shown to the coordinator,
// corrected, approved and handed to workflows, so it carries what a correction needs to recompute.

import type { Instant, NetworkId, Venue } from '../types';
import type { Journey } from './travel-types';

export interface AssignmentRegistration {
  municipalityId: string;
  name: string;
  /** People registered; a municipality's participants always go to the same network. */
  participants: number;
  /** The network asked for (A starts in June, B and C in September), or none. */
  preference: NetworkId | null;
  /** First come, first served. */
  registeredAt: Instant;
  lat: number;
  lon: number;
}

export interface AssignmentNetwork {
  id: NetworkId;
  /** Participants, not municipalities. */
  capacity: { min: number; max: number };
  /** A venue already settled for this network: kept, not proposed. */
  venue: Venue | null;
}

export interface AssignmentInput {
  registrations: AssignmentRegistration[];
  networks: AssignmentNetwork[];
  /** Candidate venues to propose from. */
  venues: Venue[];
}

export interface NetworkAssignment {
  id: NetworkId;
  capacity: { min: number; max: number };
  /** Proposed (the candidate with the least total travel time) or fixed; null: nobody to place. */
  venue: Venue | null;
  venueFixed: boolean;
  /** In registration order. */
  municipalityIds: string[];
  participants: number;
  /** Sum over its participants of the great-circle km to the venue (kept for comparison). */
  totalTravelKm: number;
  // The fields below are absent from proposals made before travel time was modelled.
  /** Sum over its participants of the door-to-door hours to the venue, one way (travel.ts). */
  totalTravelHours?: number;
  /** The longest one-way journey of any of its municipalities, hours. */
  maxTravelHours?: number;
  /** The candidate that came next (why this venue and not that one); null if there is none. */
  runnerUp?: VenueAlternative | null;
}

export interface VenueAlternative {
  venue: Venue;
  totalTravelHours: number;
  maxTravelHours: number;
}

export interface Placement {
  municipalityId: string;
  name: string;
  participants: number;
  /** Null: on the waiting list. */
  networkId: NetworkId | null;
  /** Km from the municipality to its network's venue; null when there is none. */
  distanceKm: number | null;
  /**
   * The door-to-door journey to the venue (hours, road or air, airports); null when there is no
   * venue. Absent from older proposals and from placements added after approval.
   */
  travel?: Journey | null;
  preference: NetworkId | null;
  /** Null when no preference was stated (or it is on the waiting list). */
  preferenceMet: boolean | null;
}

export interface AssignmentProposal {
  networks: NetworkAssignment[];
  /** Municipality ids in registration order. */
  waitingList: string[];
  /** Every registration, in registration order. */
  placements: Placement[];
  /** For the coordinator: networks below their minimum, preferences not met, the waiting list. */
  warnings: string[];
  /** What the proposal was made from, in registration order, so a move can recompute it. */
  registrations: AssignmentRegistration[];
  /** Candidate venues (with coordinates), sorted by id. */
  venues: Venue[];
}
