// The shared vocabulary of nettverk. Pure data: every type here crosses the
// workflow boundary (JSON payloads), so no classes, no Date objects, no functions.

/** ISO 8601 instant with offset, e.g. `2013-05-21T21:59:59.000Z`. */
export type Instant = string;
/** Calendar date in Norway, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A month only, `YYYY-MM`: a gathering whose exact date is set later. */
export type YearMonth = string;
/** A network's letter as the campaign names it: `A`, `B`, `C`. */
export type NetworkId = string;

/** Målform as Statistics Norway / Språkrådet record it for a municipality. */
export type LanguageForm = 'bokmål' | 'nynorsk' | 'nøytral';
/** The written standard a mail is rendered in (nøytral → bokmål). */
export type Language = 'nb' | 'nn';

export type OrganisationType = 'kommune' | 'fylkeskommune' | 'kommunalt foretak';

export interface Municipality {
  /** Kommunenummer (4 digits), fylkesnummer (2) or organisasjonsnummer (9). */
  id: string;
  name: string;
  type: OrganisationType;
  /** The official address invitations go to (postmottak). */
  email: string;
  languageForm: LanguageForm;
  lat: number;
  lon: number;
  county: string | null;
  /** Mail domains that speak for this organisation, lower case; the email's domain first. */
  domains: string[];
}

export interface Address {
  name: string | null;
  address: string;
}

export interface Participant {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}

export interface Venue {
  /** Candidate id (`gardermoen`) or a slug for a venue the coordinator typed in. */
  id: string;
  name: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
}

export interface Gathering {
  number: 1 | 2 | 3;
  /** Always known: the month the timetable promises. */
  month: YearMonth;
  /** The exact first day, once set. */
  date: LocalDate | null;
  /** Start and end as instants (campaign calendar), once the date is set. */
  startsAt: Instant | null;
  endsAt: Instant | null;
  /** Lunch to lunch with an overnight stay: spans two days. */
  lunchToLunch: boolean;
  venue: Venue | null;
  /** The assignment's proposal, not yet decided by the campaign file or the coordinator:
   * letters say «Sted kommer» for it. Absent in older histories (then decided). */
  venueProposed?: boolean;
}

export interface Network {
  id: NetworkId;
  /** Participants, not municipalities. */
  capacity: { min: number; max: number };
  gatherings: Gathering[];
}

/**
 * Maps the campaign's calendar onto real time. Identity in production; the demo
 * and the tests compress or shift it. `real = start + (campaign - origin) / factor`.
 */
export interface CampaignClock {
  origin: Instant;
  start: Instant;
  factor: number;
}

/** Offsets in milliseconds of the campaign calendar. */
export interface CampaignSchedule {
  invitationAt: Instant;
  registrationDeadline: Instant;
  /** Before the deadline, to those who have not answered. */
  registrationReminders: number[];
  attendanceRequestBefore: number;
  attendanceReminderBefore: number;
  practicalInfoBefore: number;
  followUpAfter: number;
  followUpReminderAfter: number;
  statusRequestBefore: number;
  lessonsRequestAfter: number;
  lessonsReminderAfter: number;
  lessonsCloseAfter: number;
}

export interface Campaign {
  id: string;
  title: string;
  /** «Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren» */
  project: string;
  supportedBy: string | null;
  sender: Address;
  replyTo: string;
  /** Signs the mails and answers the phone. */
  contact: {
    name: string;
    title: string;
    organisation: string;
    email: string;
    phone: string | null;
  };
  schedule: CampaignSchedule;
  participantsPerMunicipality: { min: number; max: number };
  networks: Network[];
  venues: Venue[];
  handbook: { title: string; url: string };
  clock: CampaignClock;
}

/** What a registration still lacks, in the order the request mail lists them. */
export type MissingItem =
  'participants' | 'participant-name' | 'participant-title' | 'participant-email' | 'anchoring';

export type ReplyKind = 'registration' | 'decline' | 'question' | 'auto-reply' | 'bounce' | 'other';

export interface AttendanceAnswer {
  /** Name or email of the participant it concerns; null: it concerns everyone named. */
  participant: string | null;
  attending: boolean | null;
  overnight: boolean | null;
  dinner: boolean | null;
  dietary: string | null;
  /** Someone who comes instead of `participant`. */
  substitute: Participant | null;
}

export interface BounceInfo {
  recipients: string[];
  status: string | null;
  diagnostic: string | null;
  /** The Message-ID of our mail that bounced, if the report carries it. */
  originalMessageId: string | null;
  permanent: boolean;
}

/** A reply as the inbox understood it: what the journey receives as a signal. */
export interface ParsedReply {
  messageId: string;
  from: Address;
  subject: string;
  date: Instant | null;
  inReplyTo: string | null;
  references: string[];
  kind: ReplyKind;
  /** The fresh text: quotes, quote headers and signatures removed. */
  text: string;
  participants: Participant[] | null;
  anchored: boolean | null;
  networkPreference: NetworkId | null;
  questions: string[];
  attendance: AttendanceAnswer[] | null;
  bounce: BounceInfo | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
  /**
   * The reading is not sure (conflicting or weak evidence): the inbox sends the mail to a
   * person with this reading instead of telling the journey. Absent in older histories.
   */
  needsReview?: boolean;
  /** Why the reading is what it is: the sentences and lines that made it, and the doubts. */
  evidence?: string[];
  /** The reply only thanks or acknowledges: recorded, nobody needs to act. */
  thanksOnly?: boolean;
}

export const STAGES = [
  'scheduled',
  'invited',
  'incomplete',
  'registered',
  'waiting_list',
  'assigned',
  'gathering_1',
  'followup_1',
  'gathering_2',
  'followup_2',
  'gathering_3',
  'lessons',
  'completed',
  'declined',
  'no_response',
  'cancelled',
] as const;
export type Stage = (typeof STAGES)[number];

// The stage groups, each defined once. Callers differ on whether a completed journey still
// counts, so each group's name says which; none of them covers `cancelled` (a cancelled
// journey's registration is told apart by `registeredAt`, see reporting/data.ts).

/** The gatherings are underway: from the first gathering through the lessons, not `assigned`. */
export const GATHERINGS_UNDERWAY: readonly Stage[] = [
  'gathering_1',
  'followup_1',
  'gathering_2',
  'followup_2',
  'gathering_3',
  'lessons',
];

/** Placed in a network, from assignment through completion (`completed` included). */
export const PLACED_OR_COMPLETED: readonly Stage[] = [
  'assigned',
  ...GATHERINGS_UNDERWAY,
  'completed',
];

/**
 * The registration stands and the journey is still running: waiting for assignment, on the
 * waiting list or placed, but not `completed` (the coordinator's register update and
 * `Journey.isRegistered()` use this one).
 */
export const REGISTERED_OPEN: readonly Stage[] = [
  'registered',
  'waiting_list',
  'assigned',
  ...GATHERINGS_UNDERWAY,
];

/** The registration stands, the journey running or `completed` (the reports count these). */
export const REGISTERED_OR_COMPLETED: readonly Stage[] = [
  'registered',
  'waiting_list',
  ...PLACED_OR_COMPLETED,
];

/** The journey has ended: nothing more happens in it. */
export const FINAL_STAGES: readonly Stage[] = ['completed', 'cancelled'];

export type FlagKind =
  | 'question'
  | 'bounce'
  | 'late-registration'
  | 'over-limit'
  | 'incomplete-at-deadline'
  | 'substitute'
  | 'send-failed'
  | 'unclear-reply';

export interface Flag {
  id: string;
  kind: FlagKind;
  message: string;
  raisedAt: Instant;
  resolved: { at: Instant; by: string; note: string | null } | null;
}
