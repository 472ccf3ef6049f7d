// The contract between the workflows and everyone who talks to them (CLI, inbox, demo,
// tests): ids, inputs, signals, queries and updates, declared once.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  Address,
  Campaign,
  Flag,
  Instant,
  Municipality,
  Network,
  NetworkId,
  ParsedReply,
  Participant,
  Stage,
  Venue,
} from '../domain/types';
import type { AttendanceRecord } from '../domain/journey/attendance';
import type { AssignmentProposal, AssignmentRegistration } from '../domain/assignment/types';

export const campaignWorkflowId = (campaignId: string) => `campaign/${campaignId}`;
export const journeyWorkflowId = (campaignId: string, municipalityId: string) =>
  `journey/${campaignId}/${municipalityId}`;
export const inboxWorkflowId = (address: string) => `inbox/${address.toLowerCase()}`;

// ---------------------------------------------------------------- journey

export interface JourneyInput {
  campaign: Campaign;
  municipality: Municipality;
}

/** A reply the inbox understood and matched to this journey. */
export interface IncomingReply {
  reply: ParsedReply;
  /** When the mail server received it (epoch ms, real time): a registration that arrived
   * before the deadline counts as on time even if the inbox saw it later. */
  arrivedAtMs?: number | null;
  /** The coordinator assigned it from the review queue. */
  assignedBy: string | null;
}

export interface MailRecord {
  step: string;
  template: string;
  /** Campaign-calendar time. */
  at: Instant;
  status: 'sent' | 'already-sent' | 'rejected' | 'failed';
  recipients: number;
}

export interface ReplyRecord {
  messageId: string;
  at: Instant;
  kind: ParsedReply['kind'];
  fromDomain: string;
  /** What the journey did with it. */
  outcome: string;
}

export interface Report {
  kind: 'status-1' | 'status-2' | 'lessons';
  at: Instant;
  from: Address;
  text: string;
}

export interface GatheringState {
  number: 1 | 2 | 3;
  attendance: AttendanceRecord[];
}

export interface JourneyState {
  campaignId: string;
  municipality: Municipality;
  stage: Stage;
  contact: Address | null;
  participants: Participant[];
  anchored: boolean | null;
  networkPreference: NetworkId | null;
  registeredAt: Instant | null;
  registeredVia: 'mail' | 'coordinator' | null;
  lateRegistration: boolean;
  missing: string[];
  network: Network | null;
  waitingListPosition: number | null;
  gatherings: GatheringState[];
  reports: Report[];
  mails: MailRecord[];
  replies: ReplyRecord[];
  flags: Flag[];
  cancellation: { by: string; reason: string; at: Instant } | null;
  /** Mails and notices decided but not yet sent (the mail queue is rate-limited). */
  pendingEffects: number;
}

export interface Assignment {
  network: Network | null;
  waitingListPosition: number | null;
}

export const replySignal = defineSignal<[IncomingReply]>('reply');
/** From the campaign: the network this journey is placed in (or the waiting list). */
export const assignedSignal = defineSignal<[Assignment]>('assigned');
/** From the campaign: a gathering's date or venue changed. */
export const networkChangedSignal = defineSignal<[Network]>('networkChanged');

export const journeyStateQuery = defineQuery<JourneyState>('state');

export interface ManualRegistration {
  participants: Participant[];
  anchored: boolean;
  networkPreference: NetworkId | null;
  by: string;
}
export const registerUpdate = defineUpdate<JourneyState, [ManualRegistration]>('register');
export const changeParticipantsUpdate = defineUpdate<
  JourneyState,
  [{ participants: Participant[]; by: string }]
>('changeParticipants');
export const resolveFlagUpdate = defineUpdate<
  JourneyState,
  [{ flagId: string; by: string; note: string | null }]
>('resolveFlag');
export const cancelJourneyUpdate = defineUpdate<JourneyState, [{ by: string; reason: string }]>(
  'cancel',
);

// ---------------------------------------------------------------- campaign

export interface CampaignInput {
  campaign: Campaign;
}

/**
 * A journey tells its campaign about its registration (or its withdrawal): what the assignment
 * places by, and whether it came after the deadline or was withdrawn.
 */
export interface RegistrationNotice extends AssignmentRegistration {
  late: boolean;
  withdrawn: boolean;
}

export type CampaignPhase =
  'registration' | 'awaiting-approval' | 'running' | 'closed' | 'cancelled';

export interface CampaignState {
  /** The campaign as it stands now: gatherings get dates and venues as the coordinator sets them. */
  campaign: Campaign;
  phase: CampaignPhase;
  registrations: RegistrationNotice[];
  proposal: AssignmentProposal | null;
  approved: { by: string; at: Instant } | null;
  moves: CampaignMove[];
  cancellation: { by: string; reason: string; at: Instant } | null;
}

export const registrationSignal = defineSignal<[RegistrationNotice]>('registration');
export const campaignStateQuery = defineQuery<CampaignState>('campaignState');
export const approveAssignmentUpdate = defineUpdate<CampaignState, [{ by: string }]>(
  'approveAssignment',
);
/** A coordinator's move, as asked for and as kept in the campaign's change log (`moves`). */
export interface CampaignMove {
  municipalityId: string;
  to: NetworkId | 'waiting-list';
  by: string;
  /** Past the network's maximum on purpose (`--over-capacity`); absent in older histories. */
  overCapacity?: boolean;
  /** What the move broke, recorded with it: the over-capacity reason. */
  warning?: string;
}
export const moveMunicipalityUpdate = defineUpdate<
  CampaignState,
  [{ municipalityId: string; to: NetworkId | 'waiting-list'; by: string; overCapacity?: boolean }]
>('moveMunicipality');
export interface GatheringSetting {
  network: NetworkId;
  number: number;
  /** `2013-10-15`, or a month `2013-10` to unset the day. */
  date?: string;
  starts?: string;
  ends?: string;
  /** A candidate venue's id, or a venue typed in. */
  venue?: string | Venue;
  by: string;
}
export const setGatheringUpdate = defineUpdate<CampaignState, [GatheringSetting]>('setGathering');
export const cancelCampaignUpdate = defineUpdate<CampaignState, [{ by: string; reason: string }]>(
  'cancelCampaign',
);
