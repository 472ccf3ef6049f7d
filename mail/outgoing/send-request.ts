// What a workflow asks the mail activity to send: plain JSON, decided in the workflow,
// turned into a real message (Message-ID, threading, RFC 3834 headers) by the activity.
import type { Address } from '../../domain/types';
import type { MailContext, TemplateName } from './types';

export interface OutgoingMail {
  campaignId: string;
  municipalityId: string;
  /** Unique within the journey; with the two ids above it makes the Message-ID. */
  step: string;
  template: TemplateName;
  context: MailContext;
  to: Address[];
  cc: Address[];
  /** Our earlier steps this mail continues (the invitation first): In-Reply-To/References. */
  threadSteps: string[];
  /** The municipality's message this mail answers, if any (RFC 3834 auto-replied). */
  inReplyTo: string | null;
  /** notice: a message to the coordinator, not to a municipality. */
  audience: 'municipality' | 'coordinator';
}

export type SendOutcome =
  | { status: 'sent'; messageId: string; accepted: string[]; rejected: string[]; response: string }
  | { status: 'already-sent'; messageId: string }
  | { status: 'rejected'; messageId: string; rejected: string[]; response: string };
