// Reply trimming: the fresh text of a reply, with the quoted history, the quote headers
// («Fra: … Sendt: … Til: … Emne:», «Den … skrev …:», «On … wrote:»), forwarded-message
// markers, mobile footers («Sendt fra min iPhone») and `-- ` signatures removed.
//
// Each line is typed (text, quote, attribution, header, separator, rule, mobile footer,
// signature dash), then the lines are walked top-down: the first marker that follows fresh
// text ends the reply; a marker before any fresh text (bottom-posting, a bare forward) is
// dropped with what it introduces. A closing («Med vennlig hilsen», «Mvh») and the
// signature block under it are split off separately, never at the cost of a list of
// participants.
import {
  EMAIL_SOURCE,
  isPersonName,
  looksLikeParticipantLine,
  normaliseText,
  uni,
} from './text-utils';

export interface TrimResult {
  /**
   * The visible fresh reply: what a careful reader sees as new. A closing and the
   * sender's name under it are kept here («Thanks,\nKari»).
   */
  visible: string;
  /** `visible` without the closing and the signature block: the message itself. */
  text: string;
  /** The closing and signature block split off `visible`, if any. */
  signature: string | null;
  /** What was cut away below the fresh reply (quoted history, forwarded message). */
  quoted: string;
  /** What ended the fresh text: a quote header, a forwarded message, a footer, … */
  cutBy: 'attribution' | 'header' | 'separator' | 'forward' | 'footer' | 'signature' | null;
}

export interface TrimOptions {
  /** The sender's display name, to recognise a signature that starts with it. */
  senderName?: string | null;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Kind =
  | 'empty'
  | 'text'
  | 'quote'
  | 'supercite'
  | 'quote-attribution'
  | 'attribution'
  | 'separator'
  | 'header'
  | 'rule'
  | 'mobile'
  | 'sigdash';

interface Line {
  raw: string;
  kind: Kind;
  /** For attributions and header blocks: the last line they span. */
  end: number;
}

// ---------------------------------------------------------------------------------------
// Attribution lines: «On … wrote:», «Den … skrev Navn <adresse>:», «Le … a écrit :», …

const WROTE =
  '(?:wrote|writes|said|says|skrev|skreiv|schrieb|schreef|a\\s+écrit|a\\s+ecrit|nous\\s+a\\s+dit|ha\\s+scritto|escribió|escreveu|napisał\\(a\\)|napisała|napisał|napsal|kirjoitti|írta|написал\\(а\\)|написала|написал|пише|写道|寫道|het\\s+volgende\\s+geschreven|geschreven)';
const EMAIL = EMAIL_SOURCE;
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
function mayStartAttribution(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 320) return false;
  if (/[.!?]$/.test(t) && !ABBREVIATION_END.test(t)) return false;
  return OPENER_START.test(t) || /\d/.test(t) || t.includes('@') || /\svia\s/.test(t);
}

/** A line that opens like an attribution: «On …», «Den …», a date, a weekday. */
function isStrongStart(line: string): boolean {
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

function headerKey(line: string): keyof typeof HEADER_KEYS | null {
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

const FORWARD_RE =
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

const RULE_RE = /^\s*(?:ᐧ|[-_=+~#*—–•]{2,}|[*]{1,}-{2,}.*-{2,}[*]{1,})\s*$/;

function quoteDepth(line: string): number {
  const m = /^\s*((?:>\s?)+)/.exec(line);
  return m ? (m[1].match(/>/g) ?? []).length : 0;
}

function dequote(line: string): string {
  return line.replace(/^\s*(?:>\s?)+/, '');
}

const SUPERCITE_RE = /^\s*[A-Za-z]{1,12}>(?:\s|$)/;
const BAR_QUOTE_RE = /^\s*\|(?:\s|$)/;

// ---------------------------------------------------------------------------------------

function classify(lines: string[]): Line[] {
  const out: Line[] = lines.map((raw, i) => ({ raw, kind: 'text' as Kind, end: i }));
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const t = raw.trim();
    const L = out[i];
    if (!t) L.kind = 'empty';
    else if (GROUPWISE_RE.test(raw)) L.kind = 'attribution';
    else if (quoteDepth(raw) > 0) {
      const inner = dequote(raw).trim();
      L.kind =
        inner && (isAttribution(inner) || isSeparator(inner)) ? 'quote-attribution' : 'quote';
    } else if (/^\s*--$/.test(raw)) L.kind = 'sigdash';
    else if (isSeparator(raw)) L.kind = 'separator';
    else if (RULE_RE.test(raw)) L.kind = 'rule';
    else if (isMobileFooter(raw)) L.kind = 'mobile';
    else if (SUPERCITE_RE.test(raw) || BAR_QUOTE_RE.test(raw)) L.kind = 'supercite';
    else if (headerKey(raw)) L.kind = 'header';
  }
  // Attributions, joined over up to four wrapped lines.
  for (let i = 0; i < out.length; i++) {
    if (out[i].kind !== 'text' && out[i].kind !== 'header') continue;
    if (isAttribution(lines[i])) {
      out[i].kind = 'attribution';
      out[i].end = i;
      continue;
    }
    if (!mayStartAttribution(lines[i])) continue;
    let joined = lines[i].trim();
    let blanks = 0;
    let used = 0;
    for (let j = i + 1; j < out.length && used < 4; j++) {
      const next = lines[j].trim();
      if (!next) {
        if (++blanks > 1) break;
        continue;
      }
      if (out[j].kind === 'attribution' || out[j].kind === 'separator') break;
      used++;
      joined += ' ' + next;
      if (joined.length > 420) break;
      if (isAttribution(joined)) {
        // The attribution starts on the latest line that still makes it one: prose above
        // it («… I will let you know then…») is not part of it.
        let start = i;
        for (let k = j; k > i && !isStrongStart(lines[i]); k--) {
          if (!lines[k].trim() || !isStrongStart(lines[k])) continue;
          const tail = lines
            .slice(k, j + 1)
            .map((l) => l.trim())
            .filter((l) => l)
            .join(' ');
          if (isAttribution(tail)) {
            start = k;
            break;
          }
        }
        out[start].kind = 'attribution';
        out[start].end = j;
        for (let k = start + 1; k <= j; k++) out[k].kind = 'empty';
        i = j;
        break;
      }
    }
  }
  markNotesHeaders(lines, out);
  // Header blocks: a «From»-like line with at least one more header close under it.
  for (let i = 0; i < out.length; i++) {
    if (out[i].kind !== 'header') continue;
    const keys = new Set<string>();
    let last = i;
    let continuation = 0;
    for (let j = i; j < out.length && j < i + 12; j++) {
      const key = out[j].kind === 'header' ? headerKey(lines[j]) : null;
      if (key) {
        keys.add(key);
        last = j;
        continuation = 0;
        continue;
      }
      if (out[j].kind === 'text' && continuation < 2 && j > i) {
        continuation++;
        continue;
      }
      break;
    }
    const valid = keys.has('from') ? keys.size >= 2 : keys.size >= 3 && keys.has('date');
    if (valid) {
      out[i].end = last;
      for (let k = i + 1; k <= last; k++) out[k].kind = 'empty';
      out[i].kind = 'header';
      i = last;
    } else {
      out[i].kind = 'text';
    }
  }
  // A line that a client wrapped out of a quote («> … pharetra d\nignissim odio?\n>»).
  for (let i = 1; i + 1 < out.length; i++) {
    if (out[i].kind !== 'text') continue;
    const prev = out[i - 1];
    const next = out[i + 1];
    if (
      prev.kind === 'quote' &&
      dequote(prev.raw).trim() &&
      (next.kind === 'quote' || next.kind === 'quote-attribution')
    ) {
      out[i].kind = 'quote';
    }
  }
  return out;
}

/** GroupWise: `>>> Kari Nordmann <kari@x.no> 12.06.2013 13:45 >>>`. */
const GROUPWISE_RE = /^\s*>>>\s?[^\n]{1,200}?>>>\s*$/;
/** Lotus Notes: «Name <address>» or «Name/ORG», a date line, then «Til», «Kopi», «Emne» alone. */
const NOTES_FROM = new RegExp(
  `^\\s*(?:[^<>\\n]{1,80}<${EMAIL}>|[\\p{L} .'-]{2,60}/[\\p{L}/ -]{1,60})\\s*$`,
  'iu',
);
const NOTES_DATE = /^\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s+\d{1,2}[:.]\d{2}(?:\s*[AP]M)?)?\s*$/i;
const NOTES_KEY = /^\s*(?:til|to|kopi|cc|emne|subject|blindkopi|bcc)\s*$/i;

function markNotesHeaders(lines: string[], out: Line[]): void {
  for (let i = 0; i < out.length; i++) {
    if (out[i].kind !== 'text' || !NOTES_FROM.test(lines[i])) continue;
    const date = [i + 1, i + 2].find((j) => j < lines.length && NOTES_DATE.test(lines[j]));
    if (date === undefined) continue;
    let keys = 0;
    for (let j = date + 1; j < Math.min(lines.length, date + 12); j++)
      if (NOTES_KEY.test(lines[j])) keys++;
    if (keys < 2) continue;
    out[i].kind = 'attribution';
    out[i].end = date;
    for (let k = i + 1; k <= date; k++) out[k].kind = 'empty';
    i = date;
  }
}

function nextNonEmpty(lines: Line[], from: number, maxBlank = Infinity): number | null {
  let blanks = 0;
  for (let i = from; i < lines.length; i++) {
    if (lines[i].kind !== 'empty') return i;
    if (++blanks > maxBlank) return null;
  }
  return null;
}

const isQuoteKind = (k: Kind) => k === 'quote' || k === 'quote-attribution';

/** The last line of the quote block starting at `from` (quotes and blank lines). */
function endOfQuote(lines: Line[], from: number): number {
  let end = from;
  for (let i = from; i < lines.length; i++) {
    const k = lines[i].kind;
    if (isQuoteKind(k) || k === 'supercite') end = i;
    else if (k !== 'empty') break;
  }
  return end;
}

/** A rule or dash line with only a short signature-like tail under it. */
function isSignatureTail(lines: Line[], at: number): boolean {
  let content = 0;
  let participants = 0;
  for (let i = at + 1; i < lines.length; i++) {
    const k = lines[i].kind;
    if (k === 'empty' || k === 'rule') continue;
    if (isQuoteKind(k) || k === 'supercite') continue;
    content++;
    if (looksLikeParticipantLine(lines[i].raw)) participants++;
  }
  return content <= 4 && participants < 2;
}

function isMarker(k: Kind): boolean {
  return k === 'attribution' || k === 'separator' || k === 'header';
}

/** Trim a reply to its fresh text. */
export function trimReply(input: string, options: TrimOptions = {}): TrimResult {
  const lines = normaliseText(input ?? '')
    .split('\n')
    // trimEnd, not /\s+$/: the pattern retries from every space of a long run (quadratic).
    .map((l) => l.trimEnd());
  const typed = classify(lines);
  const keep: boolean[] = typed.map(() => false);
  let hasText = false;
  let cutAt = typed.length;

  let i = 0;
  walk: while (i < typed.length) {
    const L = typed[i];
    switch (L.kind) {
      case 'empty':
      case 'quote':
      case 'supercite':
        keep[i] = true;
        i++;
        break;
      case 'text':
        keep[i] = true;
        hasText = true;
        i++;
        break;
      case 'quote-attribution':
        i++;
        break;
      case 'mobile':
      case 'sigdash':
        if (hasText) {
          cutAt = i;
          break walk;
        }
        i++;
        break;
      case 'rule': {
        const next = nextNonEmpty(typed, i + 1, 3);
        if (next !== null && isMarker(typed[next].kind)) {
          if (hasText) {
            cutAt = i;
            break walk;
          }
          i = next;
          break;
        }
        const prevBlank = i === 0 || typed[i - 1].kind === 'empty';
        if (hasText && prevBlank && isSignatureTail(typed, i)) {
          cutAt = i;
          break walk;
        }
        keep[i] = true;
        i++;
        break;
      }
      case 'attribution': {
        const next = nextNonEmpty(typed, L.end + 1);
        if (next !== null && isQuoteKind(typed[next].kind)) {
          const qEnd = endOfQuote(typed, next);
          const after = nextNonEmpty(typed, qEnd + 1);
          if (after !== null && typed[after].kind === 'text') {
            // An inline reply: keep the quote it answers, drop only the attribution.
            // With nothing written above, the quote is the history being answered below.
            i = hasText ? L.end + 1 : qEnd + 1;
            break;
          }
          if (hasText) {
            cutAt = i;
            break walk;
          }
          i = qEnd + 1;
          break;
        }
        if (hasText) {
          cutAt = i;
          break walk;
        }
        i = L.end + 1;
        break;
      }
      case 'separator':
      case 'header': {
        if (hasText) {
          cutAt = i;
          break walk;
        }
        // A forward with nothing written above it: drop the marker and its headers.
        let j = L.end + 1;
        if (L.kind === 'separator') {
          const next = nextNonEmpty(typed, j, 2);
          if (next !== null && typed[next].kind === 'header') j = typed[next].end + 1;
        }
        i = j;
        break;
      }
    }
  }

  let kept: number[] = [];
  for (let k = 0; k < cutAt; k++) if (keep[k]) kept.push(k);
  const isTextLine = (k: number) => typed[k].kind === 'text';
  const anyText = kept.some(isTextLine);
  if (anyText) {
    // Trailing quotes, blank lines and rules go; the fresh text stays.
    while (kept.length && !isTextLine(kept[kept.length - 1])) kept.pop();
  } else if (
    kept.every(
      (k) => !isQuoteKind(typed[k].kind) || !dequote(typed[k].raw).replace(/>/g, '').trim(),
    )
  ) {
    kept = [];
  }
  const visibleLines = kept.map((k) => lines[k]);
  while (visibleLines.length && !visibleLines[0].trim()) visibleLines.shift();
  while (visibleLines.length && !visibleLines[visibleLines.length - 1].trim()) visibleLines.pop();

  const quotedLines = lines.slice(cutAt);
  let cutBy: TrimResult['cutBy'] = null;
  if (cutAt < typed.length) {
    const k = typed[cutAt].kind;
    const marker = k === 'rule' ? typed[nextNonEmpty(typed, cutAt + 1, 3) ?? cutAt] : typed[cutAt];
    if (marker.kind === 'separator') cutBy = FORWARD_RE.test(marker.raw) ? 'forward' : 'separator';
    else if (marker.kind === 'attribution') cutBy = 'attribution';
    else if (marker.kind === 'header') cutBy = 'header';
    else if (marker.kind === 'mobile') cutBy = 'footer';
    else cutBy = 'signature';
  }
  const { body, signature } = splitSignature(visibleLines, options.senderName ?? null);
  return {
    visible: visibleLines.join('\n'),
    text: body.join('\n'),
    signature: signature.length ? signature.join('\n') : null,
    quoted: quotedLines.join('\n').trim(),
    cutBy,
  };
}

/** Only the visible fresh reply (the corpus measure). */
export function visibleReply(input: string): string {
  return trimReply(input).visible;
}

// ---------------------------------------------------------------------------------------
// Closings and signatures.

const CLOSING_RES: RegExp[] = [
  /^(?:med\s+)?(?:vennlig|venleg|vennleg|venlig|vänlig|vänliga|beste|hjertelig|varm|varme|gode|god|kjærlig)\s+(?:hilsen|hilsener|helsing|helsingar|helsinger|hilsning|hälsning|hälsningar|hilsner)\b/i,
  /^(?:mvh|m\.v\.h\.?|mvh\.|vh|hilsen|hilsener|helsing|hilsning|med hilsen|med helsing|beste hilsener|ha en fin dag|ha ein fin dag|ha det bra)\b/i,
  /^(?:best|kind|warm|warmest|many)?\s*regards\b/i,
  /^(?:best|cheers|thanks|thank you|many thanks|sincerely|yours sincerely|yours truly|all the best|br|brgds)\s*[,.!]?$/i,
  /^(?:takk|tusen takk|takk og hilsen|takk for meg)\s*[,.!]?$/i,
  /^(?:mit freundlichen grüßen|viele grüße|beste grüße|liebe grüße|gruß|grüße|lg|mfg|cordialement|bien à vous|bien cordialement|saludos|un saludo|cordiali saluti|distinti saluti|met vriendelijke groet|vriendelijke groeten|med venlig hilsen|med vänlig hälsning|ystävällisin terveisin)\b/i,
].map(uni);

const DISCLAIMER =
  /konfidensiell|fortrolig|taushetsplikt|confidential|disclaimer|intended recipient|virus|skriv ut|print this|miljøet|offentleglova|offentlighetsloven|journalfør|arkivverdig|innsyn/i;

export function isClosing(line: string): boolean {
  const t = line.trim().replace(/^[-–—\s]+/, '');
  if (!t || t.length > 70) return false;
  return CLOSING_RES.some((re) => re.test(t));
}

function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Split the closing and signature block off the end of a reply. A list of participants
 * under a closing is never taken for a signature.
 */
export function splitSignature(
  lines: string[],
  senderName: string | null = null,
): { body: string[]; signature: string[] } {
  const nonEmpty = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  if (nonEmpty.length < 2) return { body: lines, signature: [] };
  const window = nonEmpty.slice(-14);
  const guard = (from: number, strict: boolean) => {
    const tail = lines.slice(from + 1);
    const participants = tail.filter((l) => looksLikeParticipantLine(l)).length;
    const labels = tail.filter((l) =>
      /^\s*(navn|namn|deltaker\s*\d|deltakar\s*\d)\s*:/i.test(l),
    ).length;
    if (participants >= 2 || labels > 0 || tail.filter((l) => l.trim()).length > 12) return false;
    // A postscript or a question under the closing is still the message; a name line is a
    // signature only when nothing but short lines follows it.
    for (const l of tail) {
      const t = l.trim();
      if (/^p\.?\s?s\.?\b/i.test(t) || (t.endsWith('?') && t.split(/\s+/).length >= 4))
        return false;
      if (strict && t.split(/\s+/).length >= 8 && !DISCLAIMER.test(t)) return false;
    }
    return true;
  };
  for (let w = window.length - 1; w >= 0; w--) {
    const idx = window[w];
    if (idx === nonEmpty[0]) break;
    if (isClosing(lines[idx]) && guard(idx, false)) {
      return { body: trimBlank(lines.slice(0, idx)), signature: trimBlank(lines.slice(idx)) };
    }
  }
  if (senderName) {
    const wanted = normaliseName(senderName);
    if (wanted.split(' ').length >= 2) {
      for (let w = window.length - 1; w >= 0; w--) {
        const idx = window[w];
        if (idx === nonEmpty[0]) break;
        const line = normaliseName(lines[idx]);
        const prevBlank = idx > 0 && !lines[idx - 1].trim();
        if (line === wanted && prevBlank && guard(idx, true) && !/[,;|\t]/.test(lines[idx])) {
          return { body: trimBlank(lines.slice(0, idx)), signature: trimBlank(lines.slice(idx)) };
        }
      }
    }
  }
  const block = trailingSignatureBlock(lines);
  if (block !== null && guard(block, true)) {
    return { body: trimBlank(lines.slice(0, block)), signature: trimBlank(lines.slice(block)) };
  }
  return { body: lines, signature: [] };
}

const ORGANISATION_LINE = uni(
  /\b(?:kommune|fylkeskommune|fylkeskommunen|kommunen|IKS|KF|AS|etat|etaten|avdeling|seksjon|sektor|stab|rådhus|rådhuset|direktorat)\b/i,
);

/**
 * A last paragraph that reads as a signature though no closing precedes it: a name alone
 * on its line, then short lines, one naming the organisation («Voss kommune»). Not when
 * it is introduced («Vi melder på:») or one of several such blocks (a list of people).
 */
function trailingSignatureBlock(lines: string[]): number | null {
  let end = lines.length - 1;
  while (end >= 0 && !lines[end].trim()) end--;
  let start = end;
  while (start > 0 && lines[start - 1].trim()) start--;
  const block = lines.slice(start, end + 1).map((l) => l.trim());
  if (start === 0 || block.length < 2 || block.length > 7) return null;
  if (!isPersonName(block[0])) return null;
  if (!block.some((l) => ORGANISATION_LINE.test(l))) return null;
  if (block.some((l) => l.length > 70 || /[.!?]$/.test(l) || l.includes('\t') || l.includes('|')))
    return null;
  let prev = start - 1;
  while (prev >= 0 && !lines[prev].trim()) prev--;
  if (prev < 0 || /:\s*$/.test(lines[prev])) return null;
  // Another paragraph that opens with a name alone: a list of people, not a signature.
  for (let i = 0; i < start; i++) {
    const opensParagraph = i === 0 || !lines[i - 1].trim();
    if (opensParagraph && isPersonName(lines[i].trim()) && lines[i + 1]?.trim()) return null;
  }
  return start;
}

function trimBlank(lines: string[]): string[] {
  const out = [...lines];
  while (out.length && !out[0].trim()) out.shift();
  while (out.length && !out[out.length - 1].trim()) out.pop();
  return out;
}
