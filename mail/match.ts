// Which journey a message in the TI inbox belongs to, and whether its sender may speak
// for that journey. Order: our own Message-IDs in the thread headers, the subject token,
// then the sender's address or domain. What matches nothing, matches more than one
// journey, or comes from someone who cannot speak for the journey goes to review.
//
// Trust: a thread header or subject token only *claims* a journey (old-scheme IDs from
// journeys that began before the token still do); the sender check decides. Being our own
// copy, or a bounce that acts on a journey, takes a Message-ID with a valid token.
import { addressKey, domainKey, emailDomain, FREEMAIL_DOMAINS } from '../domain/contacts';
import type { ParsedReply } from '../domain/types';
import { senderVerdict } from './authentication';
import {
  parseJourneyMessageId,
  parseSubjectToken,
  verifyJourneyMessageId,
  type MessageIdKey,
} from './message-id';

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
  | { kind: 'review'; reason: string; candidate: JourneyRef | null }
  /** Filed by its kind (a bounce to `Returmeldinger`) without acting on any journey. */
  | { kind: 'file'; reason: string };

/** What tells our mail from anyone else's. */
export interface OurMail extends MessageIdKey {
  /** Our receiving server's authserv-id: only its Authentication-Results are read. */
  authservId: string | null;
}

export interface MatchInput {
  reply: ParsedReply;
  header: (name: string) => string | null;
  /** Every value of a header, topmost first (Authentication-Results). */
  headers: (name: string) => string[];
  ours: OurMail;
}

const refOf = (s: { campaignId: string; municipalityId: string }): JourneyRef => ({
  campaignId: s.campaignId,
  municipalityId: s.municipalityId,
});

function threadIds(reply: ParsedReply): string[] {
  const ids = [
    reply.bounce?.originalMessageId ?? null,
    reply.inReplyTo,
    ...[...reply.references].reverse(),
  ];
  return ids.filter((id): id is string => Boolean(id));
}

/** The journey the thread headers claim: any ID of our shape and domain, token or not. */
function candidateFromThread({ reply, ours }: MatchInput): JourneyRef | null {
  for (const id of threadIds(reply)) {
    const parsed = parseJourneyMessageId(id);
    if (parsed && parsed.domain === ours.domain.toLowerCase()) return refOf(parsed);
  }
  return null;
}

/**
 * The journey of the mail a bounce returns, only from an ID we minted (valid token): its
 * enclosed or quoted Message-ID, or its thread headers. Anyone can write a bounce naming a
 * municipality; acting on one flags an address and mails the coordinator.
 */
export function bouncedJourney(reply: ParsedReply, ours: MessageIdKey): JourneyRef | null {
  for (const id of threadIds(reply)) {
    const verified = verifyJourneyMessageId(id, ours);
    if (verified) return refOf(verified);
  }
  return null;
}

const describe = (r: JourneyRef) => `${r.campaignId}/${r.municipalityId}`;

/**
 * Our own copy of a mail we sent (the blind copy that is the exactly-once record), decided
 * from headers alone so the inbox can file copies without reading them: a Message-ID with a
 * valid token, our headers naming the same journey and step, and no failing verdict from
 * our receiving server (a copy we submitted never fails; a message from outside claiming
 * our address may). The old scheme without a token never qualifies: anyone can mint it.
 */
export function ownCopy(
  messageId: string,
  header: (name: string) => string | null,
  headers: (name: string) => string[],
  ours: OurMail,
): Extract<Route, { kind: 'own' }> | null {
  const id = verifyJourneyMessageId(messageId, ours);
  if (!id) return null;
  if (header('x-nettverk-journey')?.trim() !== `${id.campaignId}/${id.municipalityId}`) return null;
  if (header('x-nettverk-step')?.trim() !== id.step) return null;
  if (!senderVerdict(headers('authentication-results'), ours.authservId).ok) return null;
  return {
    kind: 'own',
    audience: header('x-nettverk-audience') === 'coordinator' ? 'coordinator' : 'municipality',
  };
}

export async function matchReply(input: MatchInput, directory: JourneyDirectory): Promise<Route> {
  const { reply, header, ours } = input;
  const own = ownCopy(reply.messageId, header, input.headers, ours);
  if (own) return own;

  if (reply.kind === 'bounce') return matchBounce(reply, ours, directory);
  const verdict = senderVerdict(input.headers('authentication-results'), ours.authservId);

  const sender = reply.from.address.toLowerCase();
  const senderKeys = [addressKey(sender), domainKey(emailDomain(sender))];
  const fromThread = candidateFromThread(input);
  const subjectRef = parseSubjectToken(reply.subject);
  const claimed = fromThread ?? subjectRef;

  if (!verdict.ok) {
    // The From header is a claim our own server found false: nobody acts on it unread.
    return { kind: 'review', reason: verdict.reason, candidate: claimed };
  }

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
    // Out-of-office answers are only ever recorded: no trust needed.
    if (reply.kind === 'auto-reply') return { kind: 'journey', ref: claimed, via };
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

async function matchBounce(
  reply: ParsedReply,
  ours: OurMail,
  directory: JourneyDirectory,
): Promise<Route> {
  const ref = bouncedJourney(reply, ours);
  if (!ref) {
    return {
      kind: 'file',
      reason: 'the bounce returns none of our Message-IDs (with a valid token)',
    };
  }
  if ((await directory.contactsOf(ref)) === null) {
    return { kind: 'review', reason: `no running journey ${describe(ref)}`, candidate: ref };
  }
  // Whoever sends it (bounces come from any mail server): the token shows we sent that mail.
  return { kind: 'journey', ref, via: 'thread' };
}
