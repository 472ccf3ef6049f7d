// The simulated municipalities' vocabulary: personas, the people each municipality sends,
// what each of them does at each step of the journey, and what the runner can ask of it.
import type {
  Campaign,
  FlagKind,
  Instant,
  Municipality,
  NetworkId,
  Stage,
} from '../../domain/types';

/** How a municipality answers the invitation (and, for most, everything after it). */
export const PERSONAS = [
  /** Outlook desktop, UTF-8: «Navn, stilling, e-post, telefon» one a line. */
  'outlook-list',
  /** Outlook 2010, windows-1252 quoted-printable, the same list. */
  'outlook-list-1252',
  /** Outlook on the web: HTML only, a participants table, base64. */
  'owa-table',
  /** Gmail: «Navn: / Stilling: / E-post: / Telefon:» form, `>` quotes. */
  'gmail-form',
  /** Apple Mail on an iPad: prose, «Sendt fra min iPad». */
  'ipad-prose',
  /** Thunderbird: ISO-8859-1, format=flowed, one block per person. */
  'thunderbird-blocks',
  /** One participant and no anchoring first; completes when asked. */
  'incomplete-then-complete',
  /** A question first (flagged to the coordinator), registers later. */
  'question-then-register',
  /** An Exchange out-of-office to the invitation, registers after coming back. */
  'out-of-office-then-register',
  /** Registers only when the first reminder comes. */
  'reminder-then-register',
  /** Four participants, one more than wanted. */
  'over-limit',
  /** «Vi har dessverre ikke kapasitet i år». */
  'decline',
  /** Never answers. */
  'silent',
  /** The municipality's mail server returns the invitation (RFC 3464), then silence. */
  'bounce',
  /** Registers a few days after the deadline, in answer to the closing mail. */
  'late',
] as const;
export type PersonaName = (typeof PERSONAS)[number];

/** The mail programs the simulated people write with. */
export type Client =
  'outlook' | 'outlook-1252' | 'owa' | 'gmail' | 'ipad' | 'iphone' | 'thunderbird';

export type Lang = 'nb' | 'nn';

export interface Person {
  name: string;
  title: string;
  /** Lower case, under one of the municipality's domains. */
  email: string;
  phone: string | null;
}

/** What one participant answers to a gathering's attendance request. */
export interface AttendancePlan {
  attending: boolean;
  /** Only asked for lunch-to-lunch gatherings. */
  overnight: boolean;
  dinner: boolean;
  dietary: string | null;
}

export interface MunicipalityPlan {
  index: number;
  municipality: Municipality;
  persona: PersonaName;
  lang: Lang;
  /** The program the municipality's people use day to day. */
  client: Client;
  /** Who writes the registration (a participant or someone in the leadership's staff). */
  contact: Person;
  contactIsParticipant: boolean;
  /** Everyone registered once the registration is complete, in the order written. */
  participants: Person[];
  networkWish: NetworkId | null;
  /** How the wish is put: «helst nettverk A» or «vi ønsker å starte i juni». */
  wishStyle: 'letter' | 'month';
  /** Campaign days after the invitation the (first) answer goes out. */
  answerAfterDays: number;
  /** Campaign days after the answer that asked for it, for the second step of a persona. */
  followUpAfterDays: number;
  /** The same every gathering unless `substitute` or `absent` says otherwise. */
  attendanceMode: 'contact' | 'each';
  /** Per participant (by email), for every gathering. */
  attendance: Record<string, AttendancePlan>;
  /** At this gathering the participant `out` cannot come, and `in` comes instead, for good. */
  substitute: { gathering: 1 | 2 | 3; out: string; in: Person } | null;
  /** At this gathering one participant cannot come. */
  absent: { gathering: 1 | 2 | 3; who: string } | null;
  /** Which status requests (after gathering 1, 2) get an answer. */
  status: [boolean, boolean];
  lessons: 'answer' | 'after-reminder' | 'never';
  /** Campaign days after a request before answering it (attendance, status, lessons). */
  replyDelayDays: { attendance: number; status: number; lessons: number };
}

export interface SimulatorEvent {
  /** Campaign time. */
  at: Instant;
  municipalityId: string;
  what: string;
}

export interface SimulatorOptions {
  /** Its clock maps campaign days to real time. */
  campaign: Campaign;
  municipalities: Municipality[];
  /** Where replies go (the campaign's replyTo). */
  tiAddress: string;
  smtp: { host: string; port: number };
  imap: { host: string; port: number };
  /** Persona per municipality; default: a deterministic mix (see plan.ts). */
  personaFor?: (m: Municipality, index: number) => PersonaName;
  log?: (event: SimulatorEvent) => void;
}

export interface ExpectedMunicipality {
  municipalityId: string;
  name: string;
  persona: PersonaName;
  finalStage: Stage;
  /** Participants registered when the journey ends (0 for those who never register). */
  participants: number;
  networkWish: NetworkId | null;
  answersLessons: boolean;
}

export interface ExpectedOutcome {
  municipalities: ExpectedMunicipality[];
  /** Final stage → number of municipalities. */
  counts: Partial<Record<Stage, number>>;
  invited: number;
  /** Registered by the deadline (complete or completed later). */
  registeredOnTime: number;
  registeredLate: number;
  declined: number;
  noResponse: number;
  /** Municipality ids, in registration order. */
  waitingList: string[];
  /** Participants in networks (municipalities that complete). */
  placedParticipants: number;
  /** Flags the personas raise by design (none of kind `unclear-reply`). */
  flags: Partial<Record<FlagKind, number>>;
  /** Lessons-learned reports the coordinator receives. */
  lessonsReports: number;
}

export interface SimulatorStats {
  mailboxes: number;
  connected: number;
  received: number;
  /** Mail of ours that needs no answer, or not from this campaign. */
  ignored: number;
  scheduled: number;
  sent: number;
  sendErrors: number;
  imapErrors: number;
  reconnects: number;
  /** Sent, by what (`registration`, `attendance`, `bounce`, …). */
  byKind: Record<string, number>;
  lastError: string | null;
}

export interface Simulator {
  start(): Promise<void>;
  stop(): Promise<void>;
  expected(): ExpectedOutcome;
  stats(): SimulatorStats;
}
