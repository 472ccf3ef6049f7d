// What kind of reply this is. Machines first: a bounce (even one that says
// `Auto-Submitted: auto-replied`) is a bounce, then automatic replies; only what no
// machine sent is read as a person's answer: registration, decline, question or other.
import type { AttendanceAnswer, Participant, ReplyKind } from '../../domain/types';
import { autoReplyReason } from './auto-reply';
import { bounceReason } from './bounce';
import type { ParsedMime } from './mime';
import { declineCue, registrationCue, registrationMention } from './registration';
import { sentences, uni } from './text-utils';

export type MachineKind = Extract<ReplyKind, 'bounce' | 'auto-reply'>;
export type HumanKind = Exclude<ReplyKind, MachineKind>;

export interface Verdict<K extends ReplyKind = ReplyKind> {
  kind: K;
  /** Why, in a few words, for the coordinator and the logs. */
  reason: string;
}

/**
 * A bounce or an automatic reply, or null when a person wrote it. `bodyText` is the whole
 * readable body (a bounce's notice), `freshText` the trimmed reply.
 */
export function classifyMachine(
  mime: ParsedMime,
  bodyText: string,
  freshText: string,
): Verdict<MachineKind> | null {
  const bounce = bounceReason(mime, bodyText);
  if (bounce) return { kind: 'bounce', reason: bounce };
  const auto = autoReplyReason(mime, freshText || bodyText);
  if (auto) return { kind: 'auto-reply', reason: auto };
  return null;
}

export interface HumanInput {
  text: string;
  subject: string;
  participants: Participant[];
  questions: string[];
  attendance: AttendanceAnswer[] | null;
  /** Documents attached (not inline images): a registration form or a decision, maybe. */
  attachments: number;
  /** The reply answers our invitation or a registration reminder. */
  registrationStage?: boolean;
}

const WITHDRAWAL = uni(
  /\b(?:trekk(?:er|jer|e|je|a)\s+oss\s+(?:fra|frå|ut)|trekk(?:er|jer)\s+oss|(?:kommune|kommunen|fylkeskommunen)\s+trekk(?:er|jer)\s+seg|melder\s+oss\s+(?:av|ut)|melde\s+oss\s+(?:av|ut)|avslutte\s+(?:vår\s+)?deltak)/i,
);

/** «Se vedlegg», «vedlagt», «ligger ved», «i vedlegget»: the answer is in the attachment. */
const ATTACHMENT_MENTION = uni(
  /\b(?:vedlegg\w*|vedlagt\w*|vedlagd\w*|ligg(?:er)? ved|sjå vedlegg|se vedlegg|attached|attachment)\b/i,
);

/** «Kan vi sende en annen i stedet?», «Can we send someone else?» */
const ASKS_FOR_SUBSTITUTE = uni(
  /\b(?:i stedet|istedet|i staden|istaden|i hans sted|i hennes sted|instead|in (?:his|her) place)\b|\bsende?\s+(?:en|ein|ei|noen|nokon)\s+(?:annen|annan|anna|andre)\b|\bsend someone else\b|\b(?:ta|ha)\s+med\s+(?:oss\s+)?(?:en|ein|ei)\s+(?:til|ekstra|tredje|fjerde)\b|\bbring (?:an extra|another|a third)\b/i,
);

/** Text without its question sentences: a cue inside a question is not a statement. */
function statements(text: string): string {
  return sentences(text)
    .filter((s) => !s.trim().endsWith('?'))
    .join('\n');
}

/** Registration, decline, question or other, from what a person wrote. */
export function classifyHuman(input: HumanInput): Verdict<HumanKind> {
  const { text, participants, questions, attendance } = input;
  const said = statements(text);
  const registers = registrationCue(said);
  const declines = declineCue(said);
  // `attendance` is only read for replies about a gathering (see understand.ts).
  const aboutGathering = attendance !== null;

  if (participants.length && (registers || !aboutGathering)) {
    return { kind: 'registration', reason: `${participants.length} participant(s) named` };
  }
  if (WITHDRAWAL.test(said)) return { kind: 'decline', reason: 'withdraws' };
  // «Olav er sjukmeld. Kan vi sende ein annan i staden?»: nothing is settled until we answer.
  if (aboutGathering && questions.some((q) => ASKS_FOR_SUBSTITUTE.test(q)))
    return { kind: 'question', reason: 'asks whether someone else may come instead' };
  if (aboutGathering) return { kind: 'other', reason: 'attendance answer' };
  if (declines && !participants.length) return { kind: 'decline', reason: 'declines' };
  if (registers) return { kind: 'registration', reason: 'registers, no participant named yet' };
  if (registrationMention(said) && !questions.length) {
    return { kind: 'registration', reason: 'mentions a registration (attached or to follow)' };
  }
  if (
    input.attachments > 0 &&
    !questions.length &&
    ((input.registrationStage && (!text.trim() || ATTACHMENT_MENTION.test(said))) ||
      (!text.trim() && /p[åa]melding|registrering|deltak/i.test(input.subject)))
  ) {
    return { kind: 'registration', reason: 'registration in an attachment: read it by hand' };
  }
  if (questions.length) return { kind: 'question', reason: `${questions.length} question(s)` };
  return { kind: 'other', reason: 'no registration, decline or question' };
}
