// Automatic replies: RFC 3834 headers, Exchange's out-of-office (often with no
// Auto-Submitted at all, only «Automatisk svar:» and X-Auto-Response-Suppress /
// X-MS-Exchange-Inbox-Rules-Loop), vacation notices, read receipts, and the return date
// an out-of-office states.
import type { LocalDate } from '../../domain/types';
import { headerValue, type ParsedMime } from './mime';
import { uni } from './text-utils';

/** Subjects only an automatic reply begins with. */
export const AUTO_SUBJECT_STRONG = uni(
  /^(?:automatisk svar|automatic reply|auto(?:matic)?[- ]?reply|auto[- ]?svar|autoreply|auto[- ]?respons[e]?|autorespons|automatisches? antwort|automatische antwort|abwesenheitsnotiz|abwesend|i'?m out of (?:the )?office|i am out of (?:the )?office|i am away|ute av kontoret|borte fra kontoret|out of (?:the )?office|ooo\b|fraværende|fråverande|fraværsmelding|fråværsmelding|réponse automatique|risposta automatica|respuesta automática|resposta automática|automatisch antwoord|afwezigheidsbericht|automatiskt svar|frånvaro|poissaolo|autoantwort|auto:|lest:|read:|gelesen:|not read:|ikke lest:|kvittering:)/i,
);

/** Subjects that suggest one, but need another signal. */
const AUTO_SUBJECT_WEAK = uni(
  /\b(?:away until|away from|on vacation|on holiday|on leave|vacation|ferie|sommerferie|permisjon|borte|fravær|fråvær|ikke på kontoret|out of office|abwesen|mottatt|motteke|kvittering|journalført|receipt|received your (?:message|e-?mail)|henvendelsen er mottatt)\b/i,
);

/** Out-of-office wording in a body. */
export const OUT_OF_OFFICE_BODY: RegExp[] = [
  /\b(?:jeg|eg) er (?:for tiden |dessverre |nå |no )?(?:fraværende|fråverande|på ferie|ute av kontoret|borte|i permisjon|på reise|på kurs|sykmeldt|sjukmeld|ikke på kontoret|ikkje på kontoret|ikke til stede|ikkje til stades|utilgjengelig)/i,
  /\ber (?:fraværende|fråverande|på ferie|i permisjon) (?:fra|frå|til|fram|t\.o\.m|og med|i perioden|denne uka|denne veka|resten)/i,
  /\b(?:din|di) e-post (?:vil ikke|blir ikke|vert ikkje|vil ikkje) (?:bli )?(?:lest|lese|videresendt|vidaresendt)/i,
  /\be-posten (?:din|di) (?:vil ikke|blir ikke|vert ikkje|vil ikkje)/i,
  /\b(?:denne|dette) (?:e-postadressen|e-postkassen|postkassen|adressa|adressen) er ikke lenger i bruk/i,
  /\b(?:i'?m|i am|i will be) (?:currently )?(?:out of (?:the )?office|away|on (?:vacation|holiday|leave)|travell?ing|not in the office)/i,
  /\bis no longer in use\b/i,
  /\bich bin (?:bis|vom|derzeit|zurzeit|ab)\b.{0,80}\b(?:abwesend|nicht im büro|im urlaub)/i,
  /\bthank you for your (?:e-?mail|message)\.? (?:i am|i'm) (?:currently )?(?:out|away)/i,
  /\b(?:takk for (?:din )?(?:e-post|henvendelse|meldinga?|melding)|takk for e-posten)\.?\s+(?:jeg|eg) er\b/i,
  /\bvi har mottatt (?:din |di )?(?:henvendelse|e-post|melding)\b.{0,120}\b(?:journalført|behandlet|saksbehandler|svar innen)/i,
  /\bthis is an automatic(?:ally generated)? (?:reply|response|message)\b/i,
  /\bdette er et automatisk (?:svar|generert)|dette er eit automatisk/i,
  // Archive receipts and left-the-job notices, with no header to show a machine sent them.
  /\bdette er (?:en|ei|eit|et) automatisk(?:\s+generert|\s+generera)?\s+(?:svar|kvittering|melding|e-post|epost)/i,
  /\b(?:har|hev) (?:mottatt|motteke|motteki) (?:din|di|deres) (?:henvendelse|førespurnad|e-post|melding)\b.{0,160}\b(?:journalført|journalført|saksnummer|saksnr|arkivert)/i,
  /\b(?:har sluttet|har slutta|er ikke lenger ansatt|er ikkje lenger tilsett)\b.{0,120}\b(?:ikke lenger|ikkje lenger)\s+(?:lest|lese|i bruk)/i,
].map(uni);

/** Why this message is an automatic reply, or null. `text` is the fresh body text. */
export function autoReplyReason(mime: ParsedMime, text: string): string | null {
  const h = (name: string) => headerValue(mime.headers, name);
  const auto = h('auto-submitted');
  if (auto && !/^\s*no\b/i.test(auto)) return `Auto-Submitted: ${auto}`;
  for (const name of [
    'x-autoreply',
    'x-autorespond',
    'x-auto-reply',
    'x-autoresponder',
    'x-autoreply-from',
    'x-mail-autoreply',
    'x-vacation',
  ]) {
    const v = h(name);
    if (v !== null && !/^\s*(no|false|0)\s*$/i.test(v)) return `${name}: ${v || '(present)'}`;
  }
  const precedence = h('precedence');
  if (precedence && /auto[_-]?reply|bulk|junk/i.test(precedence))
    return `Precedence: ${precedence}`;
  const apple = h('x-apple-action');
  if (apple && /vacation|auto/i.test(apple)) return `X-Apple-Action: ${apple}`;
  if (h('x-ms-exchange-inbox-rules-loop'))
    return 'X-MS-Exchange-Inbox-Rules-Loop (sent by an inbox rule)';
  const generated = h('x-ms-exchange-generated-message-source');
  if (generated && /rules|oof|auto/i.test(generated))
    return `X-MS-Exchange-Generated-Message-Source: ${generated}`;
  if (mime.report?.reportType === 'disposition-notification')
    return 'read receipt (disposition notification)';
  if (mime.report?.reportType === 'delivery-status') return 'delivery notice without failure';

  const subject = mime.subject.trim();
  const bare = subject.replace(
    /^(?:(?:re|sv|aw|vs|fw|fwd|vb|wg|tr|antw|odp|ynt)\s*(?:\[\d+\])?\s*:\s*)+/i,
    '',
  );
  if (AUTO_SUBJECT_STRONG.test(subject) || AUTO_SUBJECT_STRONG.test(bare))
    return `subject «${subject}»`;

  const suppress = h('x-auto-response-suppress');
  const returnPath = h('return-path');
  const nullSender = returnPath !== null && /^<?\s*>?$/.test(returnPath.trim());
  const local = (mime.from?.address.split('@')[0] ?? '').toLowerCase();
  const noReply =
    /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|ikke[-_.]?svar|ikkje[-_.]?svar|autoreply|auto[-_.]?svar|autosvar|noreply[-_.].*)$/.test(
      local,
    );
  const body = text.slice(0, 1500);
  const oofBody = OUT_OF_OFFICE_BODY.some((re) => re.test(body));
  const weakSubject = AUTO_SUBJECT_WEAK.test(subject);
  if (nullSender) return 'null return path (a machine sent it)';
  if (noReply) return `sender ${mime.from!.address}`;
  if (suppress && (oofBody || weakSubject))
    return `X-Auto-Response-Suppress: ${suppress} with out-of-office wording`;
  if (weakSubject && oofBody) return `subject «${subject}» with out-of-office wording`;
  return null;
}

/** Whether the body alone reads as an out-of-office notice (used with no other evidence). */
export function readsAsOutOfOffice(text: string): boolean {
  const t = text.trim();
  return (
    t.length > 0 && t.length < 900 && OUT_OF_OFFICE_BODY.some((re) => re.test(t.slice(0, 600)))
  );
}

const MONTHS: Record<string, number> = {
  jan: 1,
  januar: 1,
  january: 1,
  janv: 1,
  januari: 1,
  feb: 2,
  februar: 2,
  february: 2,
  févr: 2,
  februari: 2,
  mar: 3,
  mars: 3,
  march: 3,
  märz: 3,
  maart: 3,
  mrz: 3,
  apr: 4,
  april: 4,
  avr: 4,
  avril: 4,
  mai: 5,
  may: 5,
  mei: 5,
  jun: 6,
  juni: 6,
  june: 6,
  juin: 6,
  jul: 7,
  juli: 7,
  july: 7,
  juil: 7,
  juillet: 7,
  aug: 8,
  august: 8,
  août: 8,
  augustus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  octobre: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
  déc: 12,
  décembre: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WEEKDAY =
  '(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tysdag|laurdag|sundag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)';
const DATE_SOURCE =
  `(?:${WEEKDAY}\\s+(?:den\\s+)?)?` +
  `(?:(\\d{1,2})\\.?\\s*(${MONTH_NAMES})\\.?(?:\\s+(\\d{4}))?` + // 12. august 2013
  `|(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{2,4}))?` + // 12.08.2013, 12.8
  `|(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?)`; // May 5th, 2013

interface DateHit {
  day: number;
  month: number;
  year: number | null;
}

function readDate(m: RegExpExecArray, offset: number): DateHit | null {
  const g = (i: number) => m[offset + i];
  let day: number;
  let month: number;
  let year: number | null = null;
  if (g(1) && g(2)) {
    day = Number(g(1));
    month = MONTHS[g(2).toLowerCase()];
    year = g(3) ? Number(g(3)) : null;
  } else if (g(4) && g(5)) {
    day = Number(g(4));
    month = Number(g(5));
    if (g(6)) year = Number(g(6).length === 2 ? `20${g(6)}` : g(6));
  } else if (g(7) && g(8)) {
    month = MONTHS[g(7).toLowerCase()];
    day = Number(g(8));
    year = g(9) ? Number(g(9)) : null;
  } else return null;
  if (!month || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { day, month, year };
}

function toLocalDate(hit: DateHit, reference: Date, plusDays = 0): LocalDate {
  let year = hit.year ?? reference.getUTCFullYear();
  let d = new Date(Date.UTC(year, hit.month - 1, hit.day + plusDays));
  if (hit.year === null && d.getTime() < reference.getTime() - 14 * 86_400_000) {
    year += 1;
    d = new Date(Date.UTC(year, hit.month - 1, hit.day + plusDays));
  }
  return d.toISOString().slice(0, 10);
}

/**
 * The date an out-of-office says its writer is back, as `YYYY-MM-DD`. «tilbake 12. august»
 * and «back on May 5th» give that day; «til og med 9. august» / «t.o.m.» / «through» the
 * day after; «fraværende til 5. august» / «until» that day. A year left out is the one
 * that puts the date after `sent`.
 */
export function extractReturnDate(text: string, sent: string | null = null): LocalDate | null {
  const reference = sent ? new Date(sent) : new Date(Date.UTC(2013, 0, 1));
  const t = text.replace(/\s+/g, ' ');
  const rules: { re: RegExp; plus: number }[] = [
    {
      re: new RegExp(
        `(?:tilbake|attende|tilbake på (?:jobb|kontoret|kontor)|på jobb igjen|på kontoret igjen|treffes (?:igjen|fra|frå)|tilgjengelig (?:igjen|fra|frå)|back(?: in the office)?|return(?:ing)?(?: to the office)?|zurück|wieder im büro|wieder erreichbar|de retour)\\s+(?:på |den |on |am |ab |from |fra |frå |f\\.o\\.m\\.? |fom\\.? |le |igjen |igjen den |igjen på )?${DATE_SOURCE}`,
        'i',
      ),
      plus: 0,
    },
    {
      re: new RegExp(
        `(?:til og med|t\\.o\\.m\\.?|tom\\.|through|bis einschließlich|inclusive of|jusqu'au)\\s+(?:den\\s+)?${DATE_SOURCE}`,
        'i',
      ),
      plus: 1,
    },
    {
      re: new RegExp(
        `(?:fra|frå|from|vom|du)\\s+(?:den\\s+)?${DATE_SOURCE}\\s*(?:til|–|-|to|until|bis|au)\\s*(?:og med\\s+)?(?:den\\s+)?${DATE_SOURCE}`,
        'i',
      ),
      plus: -1,
    },
    {
      re: new RegExp(`(?:til|until|till|bis|jusqu'au)\\s+(?:den\\s+)?${DATE_SOURCE}`, 'i'),
      plus: 0,
    },
  ];
  for (const { re, plus } of rules) {
    const m = re.exec(t);
    if (!m) continue;
    if (plus === -1) {
      // fra X til (og med) Y: the second date; «til og med» means back the day after.
      const hit = readDate(m, 9);
      if (!hit) continue;
      return toLocalDate(hit, reference, /til og med|t\.o\.m/i.test(m[0]) ? 1 : 0);
    }
    const hit = readDate(m, 0);
    if (hit) return toLocalDate(hit, reference, plus);
  }
  return null;
}
