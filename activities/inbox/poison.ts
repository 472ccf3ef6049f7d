// What keeps one message from stopping the inbox: a bounded `reply` signal, telling a
// payload Temporal refuses from Temporal being down, and a count of attempts per message so
// one that keeps failing (or hangs its attempt) goes to review instead of being read forever.
import type { ParsedReply } from '../../domain/types';

/**
 * Characters of a reply's text sent to its journey. The journey needs the fresh reply (the
 * reader already cut quotes and signature); 32 K characters is pages of it, and keeps the
 * signal (UTF-8, JSON-escaped) far under Temporal's ~2 MB blob limit, and under the 512 KB
 * where the server starts warning.
 */
export const REPLY_TEXT_CHARS = 32 * 1024;

/** The most a `reply` signal's payload may weigh, JSON-encoded: a guard on all the caps. */
export const MAX_SIGNAL_BYTES = 256 * 1024;

/** Attempts at one message before it goes to review without being read again. */
export const MAX_ATTEMPTS = 3;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
const first = <T>(list: T[], n: number) => list.slice(0, n);

/** A reply with every list and text bounded; small replies pass unchanged. */
export function boundReply(r: ParsedReply): ParsedReply {
  const bounded: ParsedReply = {
    ...r,
    subject: cut(r.subject, 1_000),
    text: cut(r.text, REPLY_TEXT_CHARS),
    // The newest references are the ones that thread: keep the end of the chain.
    references: r.references.slice(-50).map((id) => cut(id, 1_000)),
    inReplyTo: r.inReplyTo === null ? null : cut(r.inReplyTo, 1_000),
    participants: r.participants === null ? null : first(r.participants, 50),
    questions: first(r.questions, 20).map((q) => cut(q, 1_000)),
    attendance: r.attendance === null ? null : first(r.attendance, 50),
    // Attachments by name, type and size only, as the reader gives them.
    ...(r.evidence ? { evidence: first(r.evidence, 12).map((e) => cut(e, 300)) } : {}),
    attachments: first(r.attachments, 50).map((a) => ({
      ...a,
      filename: a.filename === null ? null : cut(a.filename, 200),
    })),
  };
  if (Buffer.byteLength(JSON.stringify(bounded)) <= MAX_SIGNAL_BYTES) return bounded;
  // Only a reply of pathological strings gets here (e.g. control characters, each escaped
  // to six bytes): send its gist and leave the rest to a person.
  return { ...bounded, text: cut(bounded.text, 4_000), participants: null, attendance: null };
}

interface MaybeServiceError {
  name?: string;
  code?: number;
  message?: string;
  cause?: unknown;
}

function chain(error: unknown): MaybeServiceError[] {
  const out: MaybeServiceError[] = [];
  let e = error as MaybeServiceError | undefined;
  for (let i = 0; e && i < 5; i++, e = e.cause as MaybeServiceError | undefined) out.push(e);
  return out;
}

/**
 * Temporal refused the signal for its size (the server's blob limit: INVALID_ARGUMENT «Blob
 * data size exceeds limit»; gRPC's message limit: RESOURCE_EXHAUSTED). Sending it again
 * would fail again: the message goes to review.
 */
export function isPayloadTooLarge(error: unknown): boolean {
  return chain(error).some(
    (e) =>
      /blob (?:data )?size|exceeds (?:the )?(?:size )?limit|larger than max|message too large/i.test(
        e.message ?? '',
      ) ||
      (e.name !== 'ConnectionError' && e.code === 8),
  );
}

/**
 * Temporal unreachable or failing: leave the message in the inbox for the next sweep. Any
 * other service error counts (as before), except a refusal for size, which would recur.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  if (isPayloadTooLarge(error)) return false;
  const e = error as MaybeServiceError;
  return e?.name === 'ServiceError' || e?.name === 'ConnectionError' || e?.code === 14;
}

/**
 * Attempts per message, kept in the watcher's heartbeat details: an attempt that hangs or
 * crashes its worker is counted too, because the count is recorded (and heartbeated) before
 * the message is read, and the next attempt of the activity starts from those details.
 */
export class AttemptLedger {
  constructor(private readonly counts: Record<string, number>) {}

  /** Counts one more attempt; false once the message has had its `MAX_ATTEMPTS`. */
  begin(key: string): boolean {
    const n = (this.counts[key] ?? 0) + 1;
    if (n > MAX_ATTEMPTS) return false;
    this.counts[key] = n;
    return true;
  }

  /** The attempt was not the message's fault (Temporal was down): it does not count. */
  undo(key: string): void {
    const n = (this.counts[key] ?? 1) - 1;
    if (n > 0) this.counts[key] = n;
    else delete this.counts[key];
  }

  /** The message left the inbox. */
  done(key: string): void {
    delete this.counts[key];
  }
}

/**
 * Only what the journey needs travels into its history: no signature blocks, no raw source,
 * and nothing unbounded (the signal must stay far under Temporal's payload limit).
 */
export function toParsedReply(u: ParsedReply): ParsedReply {
  return boundReply({
    messageId: u.messageId,
    from: u.from,
    subject: u.subject,
    date: u.date,
    inReplyTo: u.inReplyTo,
    references: u.references,
    kind: u.kind,
    text: u.text,
    participants: u.participants,
    anchored: u.anchored,
    networkPreference: u.networkPreference,
    questions: u.questions,
    attendance: u.attendance,
    bounce: u.bounce,
    attachments: u.attachments,
    needsReview: u.needsReview ?? false,
    evidence: u.evidence ?? [],
    thanksOnly: u.thanksOnly ?? false,
  });
}
