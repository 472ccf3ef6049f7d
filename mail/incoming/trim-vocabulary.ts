// The vocabulary of reply trimming: the lines that mark where a reply's fresh text ends, in
// the languages municipalities and their mail clients write. Attributions («On … wrote:»,
// «Den … skrev …:»), quote headers («Fra:», «Sendt:», «From:»), separators («-----Opprinnelig
// melding-----»), mobile footers («Sendt fra min iPhone»), quotes and rules. trim.ts types each
// line with these and walks them.
import { EMAIL_SOURCE } from './contact-details';
import { uni } from './text-utils';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------
// Attribution lines: «On … wrote:», «Den … skrev Navn <adresse>:», «Le … a écrit :», …

const WROTE =
  '(?:wrote|writes|said|says|skrev|skreiv|schrieb|schreef|a\\s+écrit|a\\s+ecrit|nous\\s+a\\s+dit|ha\\s+scritto|escribió|escreveu|napisał\\(a\\)|napisała|napisał|napsal|kirjoitti|írta|написал\\(а\\)|написала|написал|пише|写道|寫道|het\\s+volgende\\s+geschreven|geschreven)';
export const EMAIL = EMAIL_SOURCE;
const OPENER =
  '(?:on|at|le|am|den|op|el|em|il|in\\s+data|w\\s+dniu|dnia|dňa|dne|på|in\\s+message|posted\\s+by|在)';
const MONTHS =
  'jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec|januar|februar|mars|april|juni|juli|august|september|oktober|november|desember|january|february|march|june|july|october|december|janv|févr|avr|juil|sept|déc|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre|enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|lokakuuta|grudnia|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada';
const WEEKDAYS =
  'man|tir|ons|tor|fre|lør|søn|tys|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tysdag|laurdag|sundag|lun|mar|mer|jeu|ven|sam|dim|mo|di|mi|do|fr|sa|so|pe|ma|ti|ke|to|la|su|пн|вт|ср|чт|пт|сб|вс';
const DATE_START = uni(
  new RegExp(
    `^(?:\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{1,2}:\\d{2}|\\d{1,2}\\.?\\s*(?:${MONTHS})\\b|(?:${WEEKDAYS})\\.?,?\\s+\\d|(?:${MONTHS})\\.?\\s+\\d|(?:${WEEKDAYS})\\w*,\\s)`,
    'iu',
  ),
);
const HAS_DATE = uni(
  new RegExp(
    `\\d{1,4}[./-]\\d{1,2}|\\d{1,2}:\\d{2}|\\b(?:19|20)\\d{2}\\b|\\d{1,2}\\.?\\s*(?:${MONTHS})`,
    'iu',
  ),
);

const ATTRIBUTION_RES: RegExp[] = [
  // Opener … wrote:  (English, French, German, Dutch, Italian, Spanish, Portuguese, Polish…)
  new RegExp(`^${OPENER}\\b.{1,320}?\\s${WROTE}\\s*(?:\\(a\\))?[:：]?$`, 'iu'),
  // A date, then someone, then wrote: «2016-10-24 … Foo <a@b> wrote:», «20 окт. 2016 г. … написал:»
  new RegExp(`^.{0,200}?(?:\\d|${EMAIL}).{0,200}?\\s${WROTE}\\s*(?:\\(a\\))?[:：]?$`, 'iu'),
  // Someone via something wrote: / Someone <a@b> wrote:
  new RegExp(`^.{1,200}\\svia\\s.{1,120}\\s${WROTE}[:：]?$`, 'iu'),
  // Date … skrev/schrieb/schreef Name <address>:  (the name after the verb)
  new RegExp(
    `^.{0,160}?\\d.{0,120}?\\s(?:skrev|skreiv|schrieb|schreef|skriver|escribió|a écrit)\\s+(?!.*[.!?]\\s).{1,180}[:：]$`,
    'iu',
  ),
  // Name <address> schrieb am Fr., 28. Apr. 2017 um 11:53 Uhr: / wrote on … :
  new RegExp(
    `^.{1,160}\\s(?:wrote|schrieb|skrev|skreiv)\\s+(?:on|am|den|på)\\s.{1,120}[:：]$`,
    'iu',
  ),
  // Lotus Notes and others: Name <address> skrev 14.05.2013 09:12: / wrote on …
  new RegExp(
    `^.{1,160}${EMAIL}\\s*>?\\s+(?:wrote|skrev|skreiv|schrieb|a écrit)\\s+.{0,60}\\d.{0,60}[:：]$`,
    'iu',
  ),
  // Chinese: 在 … 写道：
  /^在.{1,200}(写道|寫道)[:：]?$/u,
  // 2016-03-03 17:21 GMT+01:00 Some One
  /^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2} GMT[+-]\d{1,2}:\d{2} [\p{L}\s.'-]+$/u,
  // Posted by someone on 01/21/2016
  /^posted by .{1,80} on \d{1,2}\/\d{1,2}\/\d{2,4}$/i,
].map(uni);

// A date first, an address last: «30.09.2017, 18.30, "John" <a@b>:», «2013/7/20 sam <a@b>»
const DATE_THEN_ADDRESS = new RegExp(
  `^.{0,250}?[<(\\[]?\\s*(?:mailto:)?${EMAIL}\\s*[>)\\]]?\\s*>?\\s*[:：]$`,
  'iu',
);
const ISO_DATE_THEN_ADDRESS = new RegExp(
  `^\\d{4}[/-]\\d{1,2}[/-]\\d{1,2}\\s.{1,160}<${EMAIL}>$`,
  'iu',
);

/** Strip decorations, mailto links and quote marks from a candidate attribution. */
function cleanAttribution(text: string): string {
  const cleaned = text
    .replace(/<mailto:[^>]*>/gi, '')
    .replace(/\[mailto:[^\]]*\]/gi, '')
    .replace(/mailto:/gi, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/^[\s*_-]+/, '')
    .replace(/\s+/g, ' ');
  return withoutTrailing(cleaned, ' *_-').trim();
}

/**
 * `text` without the run of `chars` it ends in. A loop, not `/[…]+$/`: an end-anchored
 * pattern retries from every character of a long run that does not reach the end (quadratic).
 */
function withoutTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Whether a (joined) line is a quote attribution such as «On … wrote:». */
export function isAttribution(line: string): boolean {
  const t = cleanAttribution(line);
  if (t.length < 8 || t.length > 420) return false;
  if (ATTRIBUTION_RES.some((re) => re.test(t))) return true;
  if (DATE_START.test(t) && DATE_THEN_ADDRESS.test(t) && HAS_DATE.test(t.slice(0, 80))) return true;
  if (ISO_DATE_THEN_ADDRESS.test(t)) return true;
  return false;
}

const OPENER_START = uni(new RegExp(`^[\\s*-]*${OPENER}\\b`, 'iu'));
const ABBREVIATION_END = uni(/\d\.$|\b\w{2,4}\.$/);

/** Could this line begin an attribution that wraps onto the next lines? */
export function mayStartAttribution(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 320) return false;
  if (/[.!?]$/.test(t) && !ABBREVIATION_END.test(t)) return false;
  return OPENER_START.test(t) || /\d/.test(t) || t.includes('@') || /\svia\s/.test(t);
}

/** A line that opens like an attribution: «On …», «Den …», a date, a weekday. */
export function isStrongStart(line: string): boolean {
  const t = cleanAttribution(line);
  return OPENER_START.test(t) || DATE_START.test(t);
}

// ---------------------------------------------------------------------------------------
// Header lines of a quoted or forwarded message: «Fra:», «Sendt:», «From:», «De :», …

const HEADER_KEYS: Record<'from' | 'to' | 'cc' | 'date' | 'subject' | 'reply', string[]> = {
  from: [
    'from',
    'fra',
    'frå',
    'von',
    'de',
    'van',
    'da',
    'från',
    'fra',
    'od',
    'от',
    'lähettäjä',
    'feladó',
    'expéditeur',
    'afsender',
    'avsender',
    '发件人',
    '寄件者',
    'remitente',
  ],
  to: [
    'to',
    'til',
    'an',
    'à',
    'a',
    'aan',
    'till',
    'para',
    'do',
    'кому',
    'vastaanottaja',
    'destinataire',
    'mottaker',
    'mottakar',
    '收件人',
    'címzett',
  ],
  cc: [
    'cc',
    'kopi',
    'kopi til',
    'kopie',
    'copie à',
    'copie',
    'kopia',
    'копия',
    'cc:',
    'bcc',
    'blindkopi',
  ],
  date: [
    'sent',
    'sendt',
    'date',
    'dato',
    'gesendet',
    'datum',
    'envoyé',
    'envoyé le',
    'verzonden',
    'inviato',
    'data',
    'enviado',
    'enviada em',
    'enviado el',
    'fecha',
    'skickat',
    'lähetetty',
    'отправлено',
    'дата',
    '发送时间',
    'message du',
    'sent at',
    'päivämäärä',
    'dátum',
  ],
  subject: [
    'subject',
    'emne',
    'betreff',
    'objet',
    'onderwerp',
    'oggetto',
    'asunto',
    'assunto',
    'ämne',
    'aihe',
    'тема',
    '主题',
    'sujet',
    'temat',
    'tárgy',
    'predmet',
  ],
  reply: [
    'reply-to',
    'svar til',
    'antwort an',
    'répondre à',
    'risposta',
    'beantwoorden - aan',
    'responder a',
  ],
};
// `\s*(?:[*_]+\s*)?`, not `\s*[*_]*\s*`: two white-space runs side by side split a long run
// of spaces every possible way (quadratic).
const HEADER_RE = new RegExp(
  `^\\s*(?:[*_]+\\s*)?(${Object.values(HEADER_KEYS)
    .flat()
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|')})\\s*(?:[*_]+\\s*)?[:：]`,
  'iu',
);

export function headerKey(line: string): keyof typeof HEADER_KEYS | null {
  const m = HEADER_RE.exec(line);
  if (!m) return null;
  const key = m[1].toLowerCase();
  for (const [k, list] of Object.entries(HEADER_KEYS)) {
    if (list.includes(key)) return k as keyof typeof HEADER_KEYS;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Separators: «-----Opprinnelig melding-----», «---------- Forwarded message ---------», …

const SEPARATOR_PHRASES = [
  'original message',
  'opprinnelig melding',
  'opphavleg melding',
  'opprinneleg melding',
  'oprindelig meddelelse',
  'oprindelig besked',
  'ursprüngliche nachricht',
  'originalnachricht',
  'mensaje original',
  "message d'origine",
  'message original',
  'messaggio originale',
  'oorspronkelijk bericht',
  'originalmeddelande',
  'ursprungligt meddelande',
  'alkuperäinen viesti',
  'wiadomość oryginalna',
  'oryginalna wiadomość',
  'původní zpráva',
  'исходное сообщение',
  'пересылаемое сообщение',
  'forwarded message',
  'forwarded e-mail',
  'videresendt melding',
  'videresendt e-post',
  'vidaresend melding',
  'vidaresendt melding',
  'videresendt besked',
  'vidarebefordrat meddelande',
  'weitergeleitete nachricht',
  'doorgestuurd bericht',
  'message transféré',
  'mensaje reenviado',
  'messaggio inoltrato',
  'mensagem original',
  'mensagem encaminhada',
  'reply message',
  '原始邮件',
  '转发的邮件',
];
const SEPARATOR_ALONE = [
  'begin forwarded message',
  'start på videresendt melding',
  'start på vidaresend melding',
  'videresendt melding',
  'vidaresend melding',
  'début du message transféré',
  'anfang der weitergeleiteten nachricht',
  'inicio del mensaje reenviado',
  'início da mensagem reencaminhada',
  'vidarebefordrat brev',
  'videresendt brev',
  'original message',
  'opprinnelig melding',
];
const SEPARATOR_RE = new RegExp(
  `^[\\s>*_]*(?:-{2,}|={2,}|_{2,})\\s*(?:${SEPARATOR_PHRASES.map(esc).join('|')})\\s*:?\\s*(?:-{2,}|={2,}|_{2,})?[\\s*_]*$`,
  'iu',
);
const SEPARATOR_ALONE_RE = new RegExp(
  `^[\\s>*_]*(?:${SEPARATOR_ALONE.map(esc).join('|')})\\s*:[\\s*_]*$`,
  'iu',
);

export const FORWARD_RE =
  /forward|videresend|vidaresend|weitergeleitet|transféré|doorgestuurd|reenviado|inoltrato|encaminhada|vidarebefordrat|пересылаемое|转发/i;

/** Separator lines are short; the patterns' decoration runs backtrack on long lines. */
const SEPARATOR_MAX_CHARS = 200;

export function isSeparator(line: string): boolean {
  if (line.length > SEPARATOR_MAX_CHARS) return false;
  return SEPARATOR_RE.test(line) || SEPARATOR_ALONE_RE.test(line);
}

// ---------------------------------------------------------------------------------------
// Mobile footers: «Sendt fra min iPhone», «Hent Outlook for iOS», «Sent from my iPad», …

const MOBILE_RES: RegExp[] = [
  /^[\s(<]*sent (?:from|via|with|by|using) \S.{0,80}$/i,
  /^[\s(<]*sendt (?:fra|frå|med|via) (?:min|mi|mitt|my|outlook|e-post|mail|samsung|yahoo|gmail|android|iphone|ipad|huawei|telefon|mobil)\b.{0,60}$/i,
  /^\s*sendt fra min \S.{0,40}$/i,
  /^\s*(?:get|hent|få|skaff) outlook (?:for|til) (?:ios|android)\b.{0,60}$/i,
  /^\s*\w+ from mobile$/i,
  /^\s*from my (?:iphone|ipad|android|mobile|phone|samsung|galaxy|blackberry)\b.{0,20}$/i,
  /^\s*envoyé (?:depuis|de|à partir de|avec) .{1,60}$/i,
  /^\s*von meinem .{1,40} gesendet\.?$/i,
  /^\s*gesendet (?:von|mit|vom) .{1,60}$/i,
  /^\s*diese nachricht wurde von .{1,80} gesendet\.?$/i,
  /^\s*inviato da .{1,60}$/i,
  /^\s*enviado (?:do|desde|de) (?:meu|mi|my|o) .{1,60}$/i,
  /^\s*enviado desde .{1,60}$/i,
  /^\s*(?:verzonden|verstuurd) (?:met|vanaf|van|via) .{1,60}$/i,
  /^\s*skickat från .{1,60}$/i,
  /^\s*från min .{1,40}$/i,
  /^\s*lähetetty .{1,40}(?:iphone|android|puhelimesta|mobiilista).{0,20}$/i,
  /^\s*отправлено (?:с|из) .{1,60}$/i,
  /^\s*從我的 iPhone 傳送/,
  /^\s*发自我的/,
  /^\s*<<sent by .{1,40}>>$/i,
  /^\s*\(sent from .{1,60}\)$/i,
];

function stripMarkdownLinks(line: string): string {
  // `[^\][]`: a run of «[» is not scanned again from each bracket (quadratic).
  return line.replace(/\[([^\][]+)\]\([^)]*\)/g, '$1').replace(/<https?:[^>]*>/g, '');
}

export function isMobileFooter(line: string): boolean {
  const t = stripMarkdownLinks(line).trim();
  if (!t || t.length > 110) return false;
  return MOBILE_RES.some((re) => re.test(t));
}

// ---------------------------------------------------------------------------------------
// Quotes and rules.

export const RULE_RE = /^\s*(?:ᐧ|[-_=+~#*—–•]{2,}|[*]{1,}-{2,}.*-{2,}[*]{1,})\s*$/;

export function quoteDepth(line: string): number {
  const m = /^\s*((?:>\s?)+)/.exec(line);
  return m ? (m[1].match(/>/g) ?? []).length : 0;
}

export function dequote(line: string): string {
  return line.replace(/^\s*(?:>\s?)+/, '');
}

export const SUPERCITE_RE = /^\s*[A-Za-z]{1,12}>(?:\s|$)/;
export const BAR_QUOTE_RE = /^\s*\|(?:\s|$)/;
