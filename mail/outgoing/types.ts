import type {
  Address,
  BounceInfo,
  Campaign,
  Flag,
  Gathering,
  Instant,
  MissingItem,
  Municipality,
  Network,
  NetworkId,
  Participant,
} from '../../domain/types';

/** Every message a journey sends, and the notices the coordinator receives. */
export const JOURNEY_TEMPLATES = [
  'invitation',
  'registration-reminder',
  'registration-confirmation',
  'registration-incomplete',
  'registration-over-limit',
  'decline-thanks',
  'no-response-closing',
  'late-registration',
  'waiting-list',
  'waiting-list-closing',
  'assignment',
  'gathering-announcement',
  'gathering-change',
  'attendance-request',
  'gathering-reminder',
  'gathering-practical',
  'followup-1',
  'followup-2',
  'followup-reminder',
  'status-request',
  'lessons-request',
  'lessons-reminder',
  'withdrawal',
] as const;

export const NOTICE_TEMPLATES = [
  'notice-question',
  'notice-bounce',
  'notice-late-registration',
  'notice-flag',
] as const;

export type JourneyTemplate = (typeof JOURNEY_TEMPLATES)[number];
export type NoticeTemplate = (typeof NOTICE_TEMPLATES)[number];
export type TemplateName = JourneyTemplate | NoticeTemplate;

/**
 * Everything a template may draw on: the journey passes this (plain JSON) and the
 * renderer turns it into the view each template needs (formatted dates, lists).
 * Fields a template does not use may be null; one it uses must not be.
 */
export interface MailContext {
  campaign: Campaign;
  municipality: Municipality;
  /** The person who registered, when known. */
  contact: Address | null;
  participants: Participant[];
  anchored: boolean | null;
  /** The municipality's network with its gatherings, once assigned. */
  network: Network | null;
  /** Which gathering a gathering mail is about (1–3); the one just held for follow-ups. */
  gathering: number | null;
  missing: MissingItem[];
  waitingListPosition: number | null;
  /** 1 for the first reminder of a kind, 2 for the second, … */
  reminderNumber: number | null;
  cancellation: { by: string; reason: string } | null;
  /** For notices: the flag raised and the reply that raised it. */
  flag: Flag | null;
  reply: { from: Address; subject: string; text: string; receivedAt: Instant } | null;
  /** The network the municipality wished for in its registration (confirmation mail). */
  networkPreference?: NetworkId | null;
  /** For the bounce notice: which addresses bounced, and why. */
  bounce?: BounceInfo | null;
  /** For the change letter: what moved, and the gathering as the municipality was told it. */
  change?: GatheringChange | null;
  /** Campaign-calendar "now": the date a mail is written. */
  now: Instant;
}

export interface GatheringChange {
  date: boolean;
  venue: boolean;
  before: Gathering;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
}
