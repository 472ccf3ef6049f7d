// The `reply` signal a journey receives: only what it needs (no signature blocks, no raw
// source) and nothing unbounded, so the payload stays far under Temporal's limit whatever
// anyone mails the TI address. Pure: the inbox, `nettverk parse` and the review use it.
import type { ParsedReply } from '../domain/types';

/**
 * Characters of a reply's text sent to its journey. The journey needs the fresh reply (the
 * reader already cut quotes and signature); 32 K characters is pages of it, and keeps the
 * signal (UTF-8, JSON-escaped) far under Temporal's ~2 MB blob limit, and under the 512 KB
 * where the server starts warning.
 */
export const REPLY_TEXT_CHARS = 32 * 1024;

/** The most a `reply` signal's payload may weigh, JSON-encoded: a guard on all the caps. */
export const MAX_SIGNAL_BYTES = 256 * 1024;

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
