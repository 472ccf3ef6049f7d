// The assignment's input and its proposal. Plain data: the proposal is shown to the coordinator,
// corrected, approved and handed to workflows, so it carries what a correction needs to recompute.

import type { Instant, NetworkId, Venue } from '../types';

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
  /** Proposed (the candidate nearest its participants in total) or fixed; null: nobody to place. */
  venue: Venue | null;
  venueFixed: boolean;
  /** In registration order. */
  municipalityIds: string[];
  participants: number;
  /** Sum over its participants of the great-circle km to the venue. */
  totalTravelKm: number;
}

export interface Placement {
  municipalityId: string;
  name: string;
  participants: number;
  /** Null: on the waiting list. */
  networkId: NetworkId | null;
  /** Km from the municipality to its network's venue; null when there is none. */
  distanceKm: number | null;
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
