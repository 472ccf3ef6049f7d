// Whether a reading is sure enough to move a journey. The first reading (classify.ts) picks a
// kind from cues; here each sentence's scope is weighed (scope.ts) and the reading states its
// evidence. Conflicting or weak evidence sends the mail to a person with the proposed reading:
// a wrong state change with nobody asked is the worst thing this system can do, a question to
// the coordinator the cheapest.
import type { AttendanceAnswer, Participant } from '../../domain/types';
import type { HumanKind } from './classify';
import { registrationCue } from './registration';
import { onlyThanks, type SentenceReading } from './scope';

/** Which of our mails the reply answers, as far as its thread says. */
export type AnsweredStep = 'registration' | 'gathering' | 'report' | null;

export interface JudgementInput {
  kind: HumanKind;
  reason: string;
  sentences: SentenceReading[];
  participants: Participant[];
  sender: Participant | null;
  attendance: AttendanceAnswer[] | null;
  /** A sentence about coming or not whose person the reader could not tell. */
  attendanceUnattributed?: boolean;
  questions: string[];
  answered: AnsweredStep;
  /** What the reply says of anchoring in the administrative leadership. */
  anchored?: boolean | null;
  /** It answers our «we need a few more details» mail: the municipality is registered already. */
  completing?: boolean;
}

export interface Judgement {
  kind: HumanKind;
  /** true: a person confirms the reading before any journey is told. */
  needsReview: boolean;
  /** Short strings: which sentence or line made the reading, and what speaks against it. */
  evidence: string[];
  /** The reply only thanks or acknowledges: recorded, nothing to do. */
  thanksOnly: boolean;
}

const quote = (s: string) => `«${s}»`;

/** «Jeg kan ikke», «Eg kan likevel ikkje vere med», «I cannot»: one person, not the kommune. */
const STEPS_DOWN =
  /^(?:[^.!?]*\s)?(?:jeg|eg|I|han|hun|ho|he|she)\s+(?:\S+\s+){0,2}?(?:kan|kjem|kommer|har|rekker|rekk|skal|ska|vil|cannot|can't|won't)\b/i;
/** «Vi har ikke kapasitet til å skrive noe oppsummering»: no report, not no participation. */
const REFUSES_REPORT =
  /(?<!\p{L})(?:å|til å)\s+(?:skrive|skriva|svare|svara|sende|senda|bidra|levere|lage)(?!\p{L})|(?<!\p{L})(?:svare|svara)\s+på\s+(?:dette|det)(?!\p{L})|\bto (?:write|answer|respond|send)\b/iu;
/** «Det blir bare meg», «Det blir berre eg», «Vi blir bare én»: one participant, as registered. */
const ONLY_ONE =
  /\b(?:det|vi)\s+(?:blir|vert|blir nok)\s+(?:bare|berre|kun|berre berre)\s+(?:meg|eg|én|ein|en|ei|éin)\b|\b(?:only|just)\s+(?:me|myself|one of us)\b/i;
/** A question about joining: «kan vi komme inn senere?», «er det plass i B?». */
const TAKING_PART =
  /delta|deltak|meld|påmeld|være med|vere med|bli med|komme inn|kome inn|plass|nettverk|join|particip|sign up/i;

/**
 * Sentences only our own mails say (templates/nb, templates/nn). Found in what the reader took
 * for the fresh reply, they mean a quote was not cut: whatever was read may be our words.
 */
const OUR_WORDS = [
  'svar på denne e-posten',
  'disse deltakerne er registrert fra',
  'desse deltakarane er registrerte frå',
  'ber vi om at den sendes videre til den administrative ledelsen',
  'ber vi om at han blir sendt vidare',
  'det er ønskelig at deltakerne kommer fra den administrative ledelsen',
  'det er ønskjeleg at deltakarane kjem frå den administrative leiinga',
  'dette har vi registrert så langt',
  'for å fullføre påmeldingen trenger vi',
  'kan noen av dem ikke komme, er det fint om',
  'kan nokon av dei ikkje kome, er det fint om',
  'korte svar og stikkord',
  'bør være forankret i en beslutning i administrativ ledelse',
  'bør vere forankra i ei avgjerd i den administrative leiinga',
  'ønsker dere ikke å delta denne gangen',
];

function quotesUs(sentences: SentenceReading[]): string | null {
  for (const s of sentences) {
    const t = s.text.toLowerCase().replace(/\s+/g, ' ');
    if (OUR_WORDS.some((w) => t.includes(w))) return s.text;
  }
  return null;
}

/** Which of our steps a Message-ID step name belongs to. */
export function answeredStepOf(step: string | null): AnsweredStep {
  if (!step) return null;
  if (/^(?:invitation|registration)/.test(step)) return 'registration';
  if (/attendance|gathering/.test(step)) return 'gathering';
  if (/status|lessons|followup/.test(step)) return 'report';
  return null;
}

export function judge(input: JudgementInput): Judgement {
  const { sentences: said, participants } = input;
  const evidence: string[] = [];
  const doubts: string[] = [];
  const statements = said.filter((s) => s.registers);
  const declines = said.filter((s) => s.declines);
  const negated = said.filter((s) => s.negatedRegistration);
  // A condition on which network («helst B hvis det blir på Østlandet», «ikke bestemt oss for
  // nettverk») is not a condition on taking part.
  // A question that holds an «if» («kan vi bytte, hvis noen slutter?») asks; it sets no condition.
  const conditions = said.filter(
    (s) => s.conditional && !s.question && /delta|deltak|påmeld|meld|particip|join/i.test(s.text),
  );
  // «Jeg kan likevel ikke være med. I stedet melder vi på …»: one person steps down.
  const personal = declines.filter((s) => STEPS_DOWN.test(s.text));
  // A question about anything but taking part does not unsettle a decline.
  const asksAboutTakingPart = input.questions.some((q) => TAKING_PART.test(q));
  let kind = input.kind;

  for (const s of statements) evidence.push(`registers: ${quote(s.text)}`);
  for (const s of declines) evidence.push(`declines: ${quote(s.text)}`);
  for (const s of negated) evidence.push(`negated registration: ${quote(s.text)}`);
  for (const s of conditions) evidence.push(`condition: ${quote(s.text)}`);
  for (const q of input.questions.slice(0, 3)) evidence.push(`asks: ${quote(q)}`);
  if (participants.length)
    evidence.push(`names ${participants.length}: ${participants.map((p) => p.name).join(', ')}`);

  // A reply to a gathering or report mail does not register or decline: what it says about
  // taking part (a substitute, «vi trekker oss») is for a person or the attendance reader.
  if (kind === 'registration' && input.answered && input.answered !== 'registration') {
    evidence.push(`answers a ${input.answered} mail: not read as a registration`);
    kind = input.attendance?.length ? 'other' : input.questions.length ? 'question' : 'other';
  }

  // «Rådmannen har godkjent»: in answer to our invitation or reminder, that completes a
  // registration (the journey asks for what is still missing).
  if (
    kind === 'other' &&
    input.answered === 'registration' &&
    input.anchored === true &&
    !declines.length &&
    !negated.length
  ) {
    evidence.push('confirms anchoring in answer to our registration mail');
    kind = 'registration';
  }

  // In answer to «we need a few more details»: anchoring confirmed, or «det blir bare meg»,
  // completes the registration they already sent (a question beside it is flagged).
  const onlyOne = said.find((s) => !s.question && ONLY_ONE.test(s.text));
  if (
    input.completing &&
    (kind === 'other' || kind === 'question') &&
    !declines.length &&
    !negated.length &&
    // «Ikke forankret ennå, vi kommer tilbake» changes nothing: only a yes completes.
    (input.anchored === true || (onlyOne && input.anchored !== false))
  ) {
    evidence.push(
      onlyOne
        ? `completes the registration: ${quote(onlyOne.text)}`
        : 'completes the registration: anchoring confirmed',
    );
    kind = 'registration';
  }

  // A status or lessons report that also asks: recorded as a report, and the question flagged.
  if (kind === 'question' && input.answered === 'report') {
    const reported = said.filter(
      (s) => !s.question && !s.thanks && s.text.replace(/[^\p{L}]/gu, '').length >= 30,
    );
    if (reported.length) {
      evidence.push(`reports: ${quote(reported[0].text)}`);
      kind = 'other';
    }
  }

  // «Vi melder oss ikke på i år», «Vi meld oss ikkje på»: every registration word negated,
  // nobody named, no condition or question: that is a decline, plainly.
  if (
    kind === 'registration' &&
    negated.length &&
    !statements.length &&
    !participants.length &&
    !conditions.length &&
    !input.questions.length &&
    (input.answered === 'registration' || input.answered === null)
  ) {
    evidence.push('every registration word is negated: a decline');
    kind = 'decline';
  }

  // «Vi rekker dessverre ikke å delta i år» signed by its sender: the sender is no participant.
  const onlySenderNamed =
    participants.length === 0 ||
    (participants.length === 1 && !!input.sender && sameName(participants[0], input.sender));
  if (
    kind === 'registration' &&
    declines.length &&
    !statements.length &&
    onlySenderNamed &&
    !conditions.length &&
    input.anchored !== true
  ) {
    evidence.push('declines, and only the sender is named: a decline');
    kind = 'decline';
  }

  // A registration naming nobody that asks: the answer to the question comes first.
  if (
    kind === 'registration' &&
    !participants.length &&
    input.anchored !== true &&
    input.questions.length &&
    !declines.length
  ) {
    evidence.push('names nobody and asks: a question');
    kind = 'question';
  }
  // «Vi kommer tilbake til dere om påmelding»: a registration to come, nobody named.
  if (
    kind === 'registration' &&
    !participants.length &&
    input.anchored !== true &&
    !statements.length &&
    conditions.length &&
    // «Hvis vi får med økonomisjefen, melder vi oss på» registers on a condition: a person
    // decides; «vi kommer tilbake til dere om påmelding» only defers.
    conditions.every((c) => !registrationCue(c.text)) &&
    !declines.length
  ) {
    evidence.push('a registration to come, nobody named yet');
    kind = 'other';
  }

  // In answer to a report mail, declining to write it is a report not written, not a withdrawal.
  if (
    kind === 'decline' &&
    input.answered === 'report' &&
    declines.length &&
    declines.every((s) => REFUSES_REPORT.test(s.text) && !/\btrekk/i.test(s.text))
  ) {
    evidence.push('declines to write the report, not to take part');
    kind = 'other';
  }

  if (kind === 'registration') {
    const municipal = declines.filter((s) => !personal.includes(s) || !statements.length);
    if (municipal.length) doubts.push('it also declines');
    for (const s of declines.filter((d) => !municipal.includes(d)))
      evidence.push(`a person steps down: ${quote(s.text)}`);
    if (negated.length) doubts.push('a registration word stands negated');
    if (conditions.length) doubts.push('it states a condition');
    if (!participants.length && input.anchored !== true && !input.completing)
      doubts.push('it names nobody');
    if (!statements.length && participants.length) {
      const complete = participants.some((p) => p.email || p.title);
      const onlySender =
        participants.length === 1 && input.sender && sameName(participants[0], input.sender);
      if (!complete) doubts.push('names without title or email, and no words that register');
      else if (onlySender) doubts.push('only the sender is named, and no words that register');
    }
    if (
      !statements.length &&
      !participants.length &&
      input.anchored !== true &&
      !(input.completing && onlyOne)
    )
      doubts.push(`only ${input.reason}`);
  } else if (kind === 'decline') {
    if (statements.length) doubts.push('it also registers');
    if (!onlySenderNamed) doubts.push('it names participants');
    if (conditions.length) doubts.push('it states a condition');
    if (!declines.length && !negated.length && !/withdraw/.test(input.reason))
      doubts.push('no sentence declines');
    // «Vi har ikke kapasitet nå. Kan vi komme inn senere?»: a decline that asks is not final.
    if (asksAboutTakingPart) doubts.push('it declines and asks about taking part');
    if (input.answered && input.answered !== 'registration')
      doubts.push(`a withdrawal in answer to a ${input.answered} mail`);
  } else if (kind === 'other' && input.attendance?.length) {
    if (input.attendanceUnattributed) doubts.push('says someone comes or not without saying who');
    const byPerson = new Map<string, boolean>();
    for (const a of input.attendance) {
      if (a.participant === null || a.attending === null) continue;
      const key = a.participant.toLowerCase();
      if (byPerson.has(key) && byPerson.get(key) !== a.attending)
        doubts.push(`contradicts itself about ${a.participant}`);
      byPerson.set(key, a.attending);
    }
  } else if (kind === 'other' && input.answered === 'registration' && negated.length) {
    doubts.push('a registration word stands negated, and nothing else decides it');
  }

  // Our own words in the fresh text: a registration or decline may have been read in them.
  const ours = quotesUs(said);
  if (ours && (kind === 'registration' || kind === 'decline'))
    doubts.push(`our own mail's words are in the reply (${quote(ours)}): a quote was not cut`);

  for (const d of doubts) evidence.push(`doubt: ${d}`);
  const thanksOnly = kind === 'other' && !input.attendance?.length && onlyThanks(said);
  if (thanksOnly) evidence.push('only thanks');
  return { kind, needsReview: doubts.length > 0, evidence: evidence.slice(0, 12), thanksOnly };
}

function sameName(a: Participant, b: Participant): boolean {
  return (
    a.name.toLowerCase() === b.name.toLowerCase() || (!!a.email && a.email === (b.email ?? null))
  );
}
