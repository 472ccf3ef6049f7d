// Which journey a message in the TI inbox belongs to, and whether its sender may speak
// for that journey. Order: our own Message-IDs in the thread headers, the subject token,
// then the sender's address or domain. What matches nothing, matches more than one
// journey, or comes from someone who cannot speak for the journey goes to review.
import { addressKey, domainKey, emailDomain, FREEMAIL_DOMAINS } from '../domain/contacts';
import type { ParsedReply } from '../domain/types';
import { parseJourneyMessageId, parseSubjectToken } from './message-id';

export interface JourneyRef {
  campaignId: string;
  municipalityId: string;
}

/** Lookups against the running journeys (the visibility store in production). */
export interface JourneyDirectory {
  /** The contact keys of a running journey, or null if there is no such running journey. */
  contactsOf(ref: JourneyRef): Promise<string[] | null>;
  /** Running journeys whose contact keys include any of these. */
  findByContact(keys: string[]): Promise<(JourneyRef & { keys: string[] })[]>;
}

export type Route =
  | { kind: 'own'; audience: 'municipality' | 'coordinator' }
  | { kind: 'journey'; ref: JourneyRef; via: 'thread' | 'subject' | 'sender' }
  | { kind: 'review'; reason: string; candidate: JourneyRef | null };

export interface MatchInput {
  reply: ParsedReply;
  header: (name: string) => string | null;
  /** Our Message-ID domain: only IDs we minted count. */
  messageIdDomain: string;
}

function candidateFromThread(input: MatchInput): JourneyRef | null {
  const { reply, messageIdDomain } = input;
  const ids = [
    reply.bounce?.originalMessageId ?? null,
    reply.inReplyTo,
    ...[...reply.references].reverse(),
  ];
  for (const id of ids) {
    const parsed = id ? parseJourneyMessageId(id) : null;
    if (parsed && parsed.domain === messageIdDomain.toLowerCase()) {
      return { campaignId: parsed.campaignId, municipalityId: parsed.municipalityId };
    }
  }
  return null;
}

const describe = (r: JourneyRef) => `${r.campaignId}/${r.municipalityId}`;

/**
 * Our own copy of a mail we sent (the blind copy that is the exactly-once record): our
 * header and a Message-ID of ours. Decided from headers alone, so the inbox can file
 * copies without reading them.
 */
export function ownCopy(
  messageId: string,
  header: (name: string) => string | null,
  messageIdDomain: string,
): Extract<Route, { kind: 'own' }> | null {
  const ours = parseJourneyMessageId(messageId);
  if (!header('x-nettverk-journey') || !ours || ours.domain !== messageIdDomain.toLowerCase()) {
    return null;
  }
  return {
    kind: 'own',
    audience: header('x-nettverk-audience') === 'coordinator' ? 'coordinator' : 'municipality',
  };
}

export async function matchReply(input: MatchInput, directory: JourneyDirectory): Promise<Route> {
  const { reply, header } = input;
  const own = ownCopy(reply.messageId, header, input.messageIdDomain);
  if (own) return own;

  const sender = reply.from.address.toLowerCase();
  const senderKeys = [addressKey(sender), domainKey(emailDomain(sender))];
  const fromThread = candidateFromThread(input);
  const subjectRef = parseSubjectToken(reply.subject);
  const claimed = fromThread ?? subjectRef;

  if (claimed) {
    const via = fromThread ? 'thread' : 'subject';
    const contacts = await directory.contactsOf(claimed);
    if (contacts === null) {
      return {
        kind: 'review',
        reason: `no running journey ${describe(claimed)}`,
        candidate: claimed,
      };
    }
    // Machines (bounces, out-of-office) only ever flag or get recorded: no trust needed.
    if (reply.kind === 'bounce' || reply.kind === 'auto-reply')
      return { kind: 'journey', ref: claimed, via };
    const trusted =
      contacts.includes(addressKey(sender)) ||
      (!FREEMAIL_DOMAINS.has(emailDomain(sender)) &&
        contacts.includes(domainKey(emailDomain(sender))));
    if (trusted) return { kind: 'journey', ref: claimed, via };
    return {
      kind: 'review',
      reason: `sender ${emailDomain(sender)} is neither ${claimed.municipalityId}'s domain nor a known contact`,
      candidate: claimed,
    };
  }

  const found = await directory.findByContact(senderKeys);
  const byAddress = found.filter((f) => f.keys.includes(addressKey(sender)));
  const pool = byAddress.length
    ? byAddress
    : FREEMAIL_DOMAINS.has(emailDomain(sender))
      ? []
      : found;
  const unique = [...new Map(pool.map((f) => [describe(f), f])).values()];
  if (unique.length === 1) {
    return {
      kind: 'journey',
      ref: { campaignId: unique[0].campaignId, municipalityId: unique[0].municipalityId },
      via: 'sender',
    };
  }
  if (unique.length > 1) {
    return {
      kind: 'review',
      reason: `sender matches ${unique.length} journeys (${unique.map(describe).slice(0, 5).join(', ')})`,
      candidate: null,
    };
  }
  return {
    kind: 'review',
    reason: 'matches no journey (no reference, no token, unknown sender)',
    candidate: null,
  };
}
