// What the exports and the report are computed from, and the few counts everyone shares
// (the CLI's `campaign status` uses `funnel` too). Pure: no Temporal, no I/O, no clock.
//
// The journeys are the truth about municipalities (stage, participants, attendance, reports);
// the campaign is the truth about networks (capacity, gatherings with their current dates and
// venues). A journey's own copy of its network is only used for its id.
import {
  PLACED_OR_COMPLETED,
  REGISTERED_OR_COMPLETED,
  type Flag,
  type Gathering,
  type Municipality,
  type NetworkId,
  type Venue,
} from '../domain/types';
import type { CampaignState, JourneyState } from '../workflows/definitions';
import { byName } from './format';

export interface CampaignData {
  campaign: CampaignState;
  journeys: JourneyState[];
  /** When the data was collected (ISO instant): the report's and the file names' date. */
  generatedAt: string;
}

// ---------------------------------------------------------------- one journey

/** The invitation has gone out (or a registration made it moot): every stage but `scheduled`. */
export const isInvited = (j: JourneyState): boolean => j.stage !== 'scheduled';

/**
 * Registered, now or before: the registration stands (waiting for assignment, waiting list,
 * placed, completed) or it stood until the journey was cancelled. On time or late, by mail or by
 * the coordinator. Not: a municipality that withdrew by declining before the deadline (counted
 * as declined), nor an incomplete registration (it never became one).
 */
export const hasRegistered = (j: JourneyState): boolean =>
  REGISTERED_OR_COMPLETED.includes(j.stage) || (j.stage === 'cancelled' && j.registeredAt !== null);

/** In a network now (assigned … completed). */
export const isPlaced = (j: JourneyState): boolean =>
  PLACED_OR_COMPLETED.includes(j.stage) && j.network !== null;

/** The network a journey is placed in, or null. */
export const placedIn = (j: JourneyState): NetworkId | null => (isPlaced(j) ? j.network!.id : null);

/** The waiting-list closing letter reached the municipality's mail server. */
export const gotWaitingListClosing = (j: JourneyState): boolean =>
  j.mails.some(
    (m) =>
      m.template === 'waiting-list-closing' && (m.status === 'sent' || m.status === 'already-sent'),
  );

/** Registered and not placed: waiting for the assignment or on the waiting list. */
export const isUnplaced = (j: JourneyState): boolean =>
  j.stage === 'registered' || j.stage === 'waiting_list';

// ---------------------------------------------------------------- the funnel

/**
 * The campaign in numbers of municipalities (organisations), each journey counted once per
 * line. Every invited journey is in exactly one of awaiting, noResponse,
 * cancelledBeforeRegistering, incomplete, declined or registered; every registered one in
 * exactly one of pending, waitingList, placed or cancelledAfterRegistering. So:
 *
 *   total      = scheduled + invited
 *   invited    = awaiting + noResponse + cancelledBeforeRegistering + answered
 *   answered   = incomplete + declined + registered
 *   registered = pending + waitingList + placed + cancelledAfterRegistering
 *   placed     = Σ placedByNetwork ≥ completed
 *   cancelled  = cancelledBeforeRegistering + cancelledAfterRegistering
 */
export interface Funnel {
  /** Every journey in the campaign. */
  total: number;
  /** Stage `scheduled`: the invitation has not gone out yet. */
  scheduled: number;
  /** Every journey past `scheduled`. */
  invited: number;
  /** Stage `invited`: invited, no answer yet, the deadline not yet passed. */
  awaiting: number;
  /**
   * Answered, and the answer stands: incomplete + declined + registered. A journey cancelled
   * before it registered is not counted here (it may never have answered at all).
   */
  answered: number;
  /** Stage `incomplete`: answered, but the registration still lacks something. */
  incomplete: number;
  /** See `hasRegistered`: registrations that stand, or stood until cancelled. */
  registered: number;
  /** Of those registered, registered after the deadline. */
  late: number;
  /** Stage `declined`, including a registration withdrawn by declining before the deadline. */
  declined: number;
  /** Stage `no_response`: no (usable) answer by the deadline. */
  noResponse: number;
  /** Stage `registered`: waiting for the assignment to be approved. */
  pending: number;
  /** Stage `waiting_list`. */
  waitingList: number;
  /** Of those on the waiting list, told there was no place this time (the closing letter). */
  waitingListClosed: number;
  /** In a network now (assigned … completed); see `isPlaced`. */
  placed: number;
  /** Placed municipalities per network id (every campaign network present, 0 if empty). */
  placedByNetwork: Record<NetworkId, number>;
  /** Stage `completed`: all three gatherings and the lessons learned are behind them. */
  completed: number;
  /** Stage `cancelled` (by the coordinator, or the whole campaign). */
  cancelled: number;
  cancelledBeforeRegistering: number;
  cancelledAfterRegistering: number;
  /** People named by registrations that stand (pending, waiting list, placed). */
  participants: number;
  /** People in networks now. */
  placedParticipants: number;
}

export function funnel(data: CampaignData): Funnel {
  const f: Funnel = {
    total: data.journeys.length,
    scheduled: 0,
    invited: 0,
    awaiting: 0,
    answered: 0,
    incomplete: 0,
    registered: 0,
    late: 0,
    declined: 0,
    noResponse: 0,
    pending: 0,
    waitingList: 0,
    waitingListClosed: 0,
    placed: 0,
    placedByNetwork: Object.fromEntries(data.campaign.campaign.networks.map((n) => [n.id, 0])),
    completed: 0,
    cancelled: 0,
    cancelledBeforeRegistering: 0,
    cancelledAfterRegistering: 0,
    participants: 0,
    placedParticipants: 0,
  };
  for (const j of data.journeys) {
    if (!isInvited(j)) {
      f.scheduled++;
      continue;
    }
    f.invited++;
    if (j.stage === 'invited') f.awaiting++;
    else if (j.stage === 'no_response') f.noResponse++;
    else if (j.stage !== 'cancelled' || j.registeredAt !== null) f.answered++;

    if (j.stage === 'incomplete') f.incomplete++;
    if (j.stage === 'declined') f.declined++;
    if (j.stage === 'completed') f.completed++;
    if (j.stage === 'cancelled') {
      f.cancelled++;
      if (j.registeredAt !== null) f.cancelledAfterRegistering++;
      else f.cancelledBeforeRegistering++;
    }
    if (!hasRegistered(j)) continue;
    f.registered++;
    if (j.lateRegistration) f.late++;
    if (j.stage === 'cancelled') continue;
    f.participants += j.participants.length;
    if (j.stage === 'registered') f.pending++;
    else if (j.stage === 'waiting_list') {
      f.waitingList++;
      if (gotWaitingListClosing(j)) f.waitingListClosed++;
    } else if (isPlaced(j)) {
      const id = j.network!.id;
      f.placed++;
      f.placedParticipants += j.participants.length;
      f.placedByNetwork[id] = (f.placedByNetwork[id] ?? 0) + 1;
    } else {
      // A placed stage without a network cannot happen; count it where the coordinator looks.
      f.pending++;
    }
  }
  return f;
}

// ---------------------------------------------------------------- networks

export interface NetworkMember {
  municipality: Municipality;
  journey: JourneyState;
}

export interface NetworkSummary {
  id: NetworkId;
  capacity: { min: number; max: number };
  /** Placed municipalities, by name. */
  members: NetworkMember[];
  /** People in those municipalities. */
  participants: number;
  /** The campaign's gatherings for this network, as they stand now. */
  gatherings: Gathering[];
  /** The first gathering's venue; before approval, the assignment's proposed venue. */
  venue: Venue | null;
  /** True when `venue` is only proposed (not yet set on any gathering). */
  venueProposed: boolean;
  /** Distinct venues over the gatherings, in gathering order. */
  venues: Venue[];
}

export function networks(data: CampaignData): NetworkSummary[] {
  const campaignNetworks = [...data.campaign.campaign.networks];
  // A journey in a network the campaign no longer lists is still shown, not dropped.
  for (const j of data.journeys) {
    const id = placedIn(j);
    if (id && !campaignNetworks.some((n) => n.id === id)) campaignNetworks.push(j.network!);
  }
  return campaignNetworks.map((network) => {
    const members = data.journeys
      .filter((j) => placedIn(j) === network.id)
      .map((journey) => ({ municipality: journey.municipality, journey }))
      .sort((a, b) => byName(a.municipality.name, b.municipality.name));
    const venues: Venue[] = [];
    for (const g of network.gatherings) {
      if (g.venue && !venues.some((v) => v.id === g.venue!.id)) venues.push(g.venue);
    }
    const proposed =
      data.campaign.proposal?.networks.find((n) => n.id === network.id)?.venue ?? null;
    const first = network.gatherings.find((g) => g.venue)?.venue ?? null;
    return {
      id: network.id,
      capacity: network.capacity,
      members,
      participants: members.reduce((sum, m) => sum + m.journey.participants.length, 0),
      gatherings: network.gatherings,
      venue: first ?? proposed,
      venueProposed: !first && proposed !== null,
      venues,
    };
  });
}

// ---------------------------------------------------------------- flags

export interface OpenFlag {
  municipality: Municipality;
  flag: Flag;
}

/** Flags nobody has resolved yet, oldest first. */
export function openFlags(data: CampaignData): OpenFlag[] {
  return data.journeys
    .flatMap((j) =>
      j.flags
        .filter((f) => f.resolved === null)
        .map((flag) => ({ municipality: j.municipality, flag })),
    )
    .sort(
      (a, b) =>
        a.flag.raisedAt.localeCompare(b.flag.raisedAt) ||
        byName(a.municipality.name, b.municipality.name),
    );
}

/** Journeys sorted by municipality name. */
export const sortedJourneys = (data: CampaignData): JourneyState[] =>
  [...data.journeys].sort(
    (a, b) =>
      byName(a.municipality.name, b.municipality.name) ||
      a.municipality.id.localeCompare(b.municipality.id),
  );
