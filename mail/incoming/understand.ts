// One entry point: a raw reply in, what it means out. `understandReply` is pure and
// synchronous; `describeReply` renders the result for the coordinator's terminal.
import type { Address, LocalDate, Participant, ParsedReply } from '../../domain/types';
import { extractReturnDate, readsAsOutOfOffice } from './auto-reply';
import { attendanceCue, readAttendanceReading } from './attendance';
import { bounceInfo } from './bounce';
import { classifyHuman, classifyMachine } from './classify';
import { htmlToText } from './html-text';
import { boundText } from './limits';
import { parseJourneyMessageId } from '../message-id';
import type { ParsedMime } from './mime';
import { participantFromSignature } from './participants';
import { extractQuestions, readRegistration, registrationCue } from './registration';
import { answeredStepOf, judge } from './judgement';
import { resolveAttendance } from './attendance-people';
import { readSentences } from './scope';
import { trimReply, type TrimResult } from './trim';
import { forwardedAnswer, withoutQuotes } from './forward';

/** A `ParsedReply` with what else the reading found: every extra field is plain JSON. */
export interface UnderstoodReply extends ParsedReply {
  /** Why the kind was chosen, in a few words. */
  reason: string;
  /** For automatic replies: the return date the writer states, if any. */
  autoReply: { returnDate: LocalDate | null } | null;
  /** The sender as their signature (or From) describes them. */
  sender: Participant | null;
  /** The closing and signature block split off the fresh text. */
  signature: string | null;
  /** Which body the text was read from. */
  source: 'text' | 'html' | 'none';
  /** The body read was longer than the reader reads (mail/incoming/limits.ts): only its start was read. */
  truncated: boolean;
  needsReview: boolean;
  evidence: string[];
}

interface Reading {
  trim: TrimResult;
  source: 'text' | 'html' | 'none';
}

function read(
  mime: ParsedMime,
  senderName: string | null,
): { primary: Reading; alternative: Reading | null; body: string; truncated: boolean } {
  const html = mime.html ? htmlToText(mime.html) : null;
  // What the HTML renders to is bounded like a text body (the MIME parse bounds the text body).
  const htmlText = html ? boundText(html.text) : null;
  const htmlFresh = html
    ? boundText(
        html.quoteAt !== null && html.quoteAt > 0 ? html.text.slice(0, html.quoteAt) : html.text,
      )
    : null;
  const plain = mime.text && mime.text.trim() ? mime.text : null;
  const opts = { senderName };
  if (plain) {
    return {
      primary: { trim: trimReply(plain, opts), source: 'text' },
      alternative:
        htmlFresh !== null ? { trim: trimReply(htmlFresh.text, opts), source: 'html' } : null,
      body: plain,
      truncated: mime.truncated.text,
    };
  }
  if (htmlFresh !== null) {
    return {
      primary: { trim: trimReply(htmlFresh.text, opts), source: 'html' },
      alternative: null,
      body: htmlText!.text,
      truncated: mime.truncated.html || htmlFresh.truncated,
    };
  }
  return {
    primary: { trim: trimReply('', opts), source: 'none' },
    alternative: null,
    body: '',
    // Cut before any body was reached (nested past MAX_MIME_DEPTH): read in part, not empty.
    truncated: mime.truncated.text || mime.truncated.html,
  };
}

function displayName(from: Address | null): string | null {
  if (!from?.name) return null;
  // «Nordmann, Kari» → «Kari Nordmann»
  const m = /^([^,]+),\s*([^,]+)$/.exec(from.name.trim());
  return m ? `${m[2]} ${m[1]}` : from.name.trim();
}

export interface ReplyContext {
  /** The journey's participants: who «alle tre», «jeg» and «Kari» are in an attendance answer. */
  participants?: Participant[];
  /** The message, parsed once (`readReply` in read.ts parses it with postal-mime). */
  mime: ParsedMime;
}

/** Read a raw reply (RFC 5322 bytes or text). Never throws on malformed mail. */
export function understandReply(raw: Buffer | string, context: ReplyContext): UnderstoodReply {
  const { mime } = context;
  const from: Address = mime.from ?? { name: null, address: '' };
  const senderName = displayName(mime.from);
  const { primary, alternative, body, truncated } = read(mime, senderName);
  const fresh = primary.trim;

  const base = {
    messageId: mime.messageId,
    from,
    subject: mime.subject,
    date: mime.date,
    inReplyTo: mime.inReplyTo,
    references: mime.references,
    attachments: mime.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
    })),
    signature: fresh.signature,
    source: primary.source,
    truncated,
  };

  const machine = classifyMachine(mime, body, fresh.visible);
  if (machine?.kind === 'bounce') {
    const rawText = typeof raw === 'string' ? raw : raw.toString('latin1');
    return {
      ...base,
      kind: 'bounce',
      reason: machine.reason,
      needsReview: false,
      evidence: [`machine: ${machine.reason}`],
      // A bounce is not a reply: its text is the notice, as the server wrote it.
      text: noticeText(body),
      participants: null,
      anchored: null,
      networkPreference: null,
      questions: [],
      attendance: null,
      bounce: bounceInfo(mime, body, rawHead(rawText)),
      autoReply: null,
      sender: null,
    };
  }
  if (machine) {
    return {
      ...base,
      kind: 'auto-reply',
      reason: machine.reason,
      needsReview: false,
      evidence: [`machine: ${machine.reason}`],
      text: fresh.visible,
      participants: null,
      anchored: null,
      networkPreference: null,
      questions: [],
      attendance: null,
      bounce: null,
      autoReply: { returnDate: extractReturnDate(fresh.visible || body, mime.date) },
      sender: null,
    };
  }

  const sender = participantFromSignature(fresh.signature, mime.from);
  // Quoted lines left in an interleaved reply are our words, not theirs.
  let said = withoutQuotes(fresh.text);
  // «VS: … Videresendes etter ønske fra rådmannen»: the forwarded message is the answer.
  const forwarded = forwardedAnswer(mime.subject, said, fresh);
  if (forwarded) said = `${said}\n\n${forwarded}`;
  let reading = readRegistration(said, sender);
  if (alternative) {
    // An HTML table of participants may have flattened badly in the text part.
    const other = readRegistration(withoutQuotes(alternative.trim.text), sender);
    if (other.participants.length > reading.participants.length)
      reading = { ...reading, participants: other.participants };
  }
  if (!reading.participants.length && fresh.cutBy === 'forward' && fresh.quoted) {
    // «Sender videre påmeldinga»: the participants are in the forwarded message.
    const forwarded = trimReply(fresh.quoted);
    const inner = readRegistration(forwarded.text, null);
    if (inner.participants.length) {
      reading = {
        participants: inner.participants,
        anchored: reading.anchored ?? inner.anchored,
        networkPreference: reading.networkPreference ?? inner.networkPreference,
        questions: reading.questions,
      };
    }
  }
  // Attendance is read when the reply is about a gathering: it says so, or it answers one
  // of our gathering mails (its subject, or the step in our Message-ID it replies to).
  const { answers, unattributed } = readAttendanceReading(
    said,
    sender?.name ?? senderName,
    (context.participants ?? []).map((p) => p.name),
  );
  const attendance =
    // An answer to our invitation or a report request that mentions dinner is not one.
    answers &&
    (aboutGathering(mime) || (answeredStepOf(answeredStep(mime)) === null && attendanceCue(said)))
      ? resolveAttendance(answers, context.participants ?? [], {
          name: sender?.name ?? senderName,
          from,
        })
      : null;

  // An out-of-office with no header or subject to show it: the words alone, when nothing
  // in them registers anyone.
  if (!reading.participants.length && !registrationCue(said) && readsAsOutOfOffice(fresh.visible)) {
    return {
      ...base,
      kind: 'auto-reply',
      reason: 'out-of-office wording',
      needsReview: false,
      evidence: ['out-of-office wording, nothing registers anyone'],
      text: fresh.text || fresh.visible,
      participants: null,
      anchored: null,
      networkPreference: null,
      questions: [],
      attendance: null,
      bounce: null,
      autoReply: { returnDate: extractReturnDate(fresh.visible, mime.date) },
      sender,
    };
  }

  // «Anita – hva tenker du?»: a question put to a colleague by name (not the one greeted) means
  // the mail is their own conversation that reached us; its questions are not ours to answer.
  const asked = extractQuestions(said);
  const colleague = askedColleague(said, asked);
  const questions = colleague ? [] : asked;
  const answered = answeredStepOf(answeredStep(mime));
  const verdict = classifyHuman({
    text: said,
    subject: mime.subject,
    participants: reading.participants,
    questions,
    attendance,
    attachments: documents(mime),
    registrationStage: /^(?:invitation|registration)/.test(answeredStep(mime) ?? ''),
  });
  const judgement = judge({
    kind: verdict.kind,
    reason: verdict.reason,
    sentences: readSentences(said),
    participants: reading.participants,
    sender,
    attendance,
    attendanceUnattributed: unattributed,
    questions,
    answered,
    anchored: reading.anchored,
    completing: /incomplete/.test(answeredStep(mime) ?? ''),
  });
  return {
    ...base,
    kind: judgement.kind,
    reason: verdict.reason,
    needsReview: judgement.needsReview,
    evidence: colleague
      ? [`asks a colleague, not us: «${colleague}»`, ...judgement.evidence]
      : judgement.evidence,
    thanksOnly: judgement.thanksOnly,
    text: fresh.text,
    participants: judgement.kind === 'registration' ? reading.participants : null,
    anchored: reading.anchored,
    networkPreference: reading.networkPreference,
    questions,
    // A question about the gathering settles nothing until the coordinator has answered it.
    attendance: judgement.kind === 'question' ? null : attendance,
    bounce: null,
    autoReply: null,
    sender,
  };
}

const GREETED =
  /^\s*(?:hei|hallo|heisann|kjære|god morgen|god dag|dear|hi|hello)\s+(\p{Lu}\p{Ll}+)/imu;
const VOCATIVE = /^(\p{Lu}\p{Ll}+)\s*(?:,|–|—|-)\s+\S/u;
const NOT_A_NAME =
  /^(?:hei|hallo|ok|takk|ja|nei|forresten|så|men|og|altså|uansett|dear|hi|hello|yes|no)$/i;

/** The question put to a colleague by name, if any: «Sølvi, er dette noe for deg?». */
function askedColleague(text: string, questions: string[]): string | null {
  const greeted = GREETED.exec(text)?.[1] ?? null;
  for (const q of questions) {
    const name = VOCATIVE.exec(q)?.[1];
    if (name && !NOT_A_NAME.test(name) && name !== greeted) return q;
  }
  return null;
}

/** Whether the reply answers one of our mails about a gathering. */
function aboutGathering(mime: ParsedMime): boolean {
  const step = answeredStep(mime);
  // «Status etter første samling»: a report request names the gathering, it is not about one.
  if (answeredStepOf(step) === 'report') return false;
  if (/\bsamling|\bgathering/i.test(mime.subject)) return true;
  return /attendance|gathering|samling/i.test(step ?? '');
}

/** The step of ours this replies to (`invitation`, `attendance-request-1`, …), if known. */
function answeredStep(mime: ParsedMime): string | null {
  const ids = [mime.inReplyTo, ...[...mime.references].reverse()].filter(
    (id): id is string => !!id,
  );
  for (const id of ids) {
    const step = parseJourneyMessageId(id)?.step;
    if (step) return step;
  }
  return null;
}

/** Attachments a person attached (not inline images, not signatures' logos). */
function documents(mime: ParsedMime): number {
  return mime.attachments.filter(
    (a) => !a.contentType.startsWith('image/') && a.contentType !== 'text/x-vcard',
  ).length;
}

/** The notice part of a bounce, tidied and bounded. */
function noticeText(body: string): string {
  const text = body
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

/** A bounded piece of the raw message, where text bounces keep the returned headers (no NULs). */
function rawHead(raw: string): string {
  const head = raw.length > 200_000 ? raw.slice(0, 200_000) : raw;
  return head.includes('\0') ? head.replace(/\0/g, '') : head;
}

/** The terminal's summary of a reading lives beside it: `describe.ts`. */
export { describeReply } from './describe';
