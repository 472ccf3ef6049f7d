// Small text helpers shared by the reply readers: white space, e-mail addresses, phone
// numbers, person names and job titles as Norwegian municipalities write them.

const WORD_CHARS = '\\p{L}\\p{N}_';
const BOUNDARY = `(?:(?<=[${WORD_CHARS}])(?![${WORD_CHARS}])|(?<![${WORD_CHARS}])(?=[${WORD_CHARS}]))`;

/**
 * The same pattern with `\b` and `\w` that know æ, ø, å and every other letter: in plain
 * JavaScript `\bpå\b` never matches «på», and `\bønsker` never matches «ønsker».
 */
export function uni(re: RegExp): RegExp {
  const s = re.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const n = s[i + 1];
      if (n === 'b' && !inClass) out += BOUNDARY;
      else if (n === 'w') out += inClass ? WORD_CHARS : `[${WORD_CHARS}]`;
      else if (n === '-' && !inClass) out += '-';
      else out += c + (n ?? '');
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, re.flags.includes('u') ? re.flags : `${re.flags}u`);
}

/** Line endings to `\n`, invisible marks removed, no-break spaces made plain. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ');
}

export const EMAIL_SOURCE =
  "[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}";
// Searching, an address starts where a run of address characters starts: without the
// look-behind, a long run with no @ in it («aaaa…», «____…») is scanned again from each of its
// characters (quadratic). An address glued to what precedes it was never one to read.
const EMAIL_START = "(?<![A-Za-z0-9._%+'-])";
export const EMAIL_RE = new RegExp(EMAIL_START + EMAIL_SOURCE);
export const EMAIL_RE_G = new RegExp(EMAIL_START + EMAIL_SOURCE, 'g');

/** The e-mail addresses in a text, lower-cased, in order, without duplicates. */
export function findEmails(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(EMAIL_RE_G)) {
    const e = m[0].replace(/^[.'-]+|[.'-]+$/g, '').toLowerCase();
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

// Norwegian numbers: 8 digits written 99887766, 99 88 77 66, 998 87 766, 22 33 44 55, with
// an optional +47 / 0047; foreign numbers with a + and 7–15 digits.
const PHONE_SOURCE =
  '(?<![\\w@.])(?:(?:\\+|00)\\s?47[\\s.-]?)?(?:\\d{8}|\\d{2}(?:[\\s.-]?\\d{2}){3}|\\d{3}[\\s.-]?\\d{2}[\\s.-]?\\d{3}|\\d{4}[\\s.-]?\\d{4})(?![\\w@])|(?<![\\w@])\\+\\d{1,3}[\\s.-]?\\d{2,4}(?:[\\s.-]?\\d{2,4}){1,4}(?![\\w@])';
export const PHONE_RE = new RegExp(PHONE_SOURCE);
export const PHONE_RE_G = new RegExp(PHONE_SOURCE, 'g');

/** The first phone number in a text, as written (spaces normalised), or null. */
export function findPhone(text: string): string | null {
  for (const m of text.matchAll(PHONE_RE_G)) {
    const digits = m[0].replace(/\D/g, '');
    // Not a year range, date or postcode pair.
    if (digits.length < 8) continue;
    if (/^(19|20)\d{2}(19|20)\d{2}$/.test(digits)) continue;
    return m[0].replace(/\s+/g, ' ').trim();
  }
  return null;
}

const NAME_WORD = "[A-ZÆØÅÄÖÜÉÈÁ][a-zæøåäöüéèáóúíñç'’]+(?:-[A-ZÆØÅÄÖÜÉ]?[a-zæøåäöüéèáóúíñç'’]+)?";
const PARTICLE = '(?:van|von|de|da|der|den|la|le|af|av|du|di|el|bin|ibn)';
/** Two to five capitalised words, particles allowed inside: «Kari Nordmann», «Anne-Lise van der Berg». */
export const NAME_SOURCE = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*(?:${NAME_WORD}|[A-ZÆØÅ]\\.)){1,4}`;
export const NAME_RE = new RegExp(`^${NAME_SOURCE}$`);

/** Capitalised words that open sentences or name places, never people. */
const NOT_NAME_WORDS = new Set(
  [
    'hei',
    'hallo',
    'god',
    'med',
    'mvh',
    'hilsen',
    'helsing',
    'vennlig',
    'venleg',
    'beste',
    'takk',
    'vi',
    'eg',
    'jeg',
    'dei',
    'de',
    'det',
    'den',
    'dette',
    'her',
    'og',
    'i',
    'på',
    'til',
    'fra',
    'frå',
    'for',
    'om',
    'som',
    'kommune',
    'kommunen',
    'fylkeskommune',
    'fylkeskommunen',
    'deltaker',
    'deltakere',
    'deltakar',
    'deltakarar',
    'navn',
    'namn',
    'stilling',
    'tittel',
    'telefon',
    'mobil',
    'e-post',
    'epost',
    'nettverk',
    'gruppe',
    'rådmann',
    'rådmannen',
    'kommunedirektør',
    'kommunedirektøren',
    'påmelding',
    'samling',
    'samlingen',
    'juni',
    'september',
    'oktober',
    'november',
    'mars',
    'mai',
    'transparency',
    'international',
    'norge',
    'ks',
    'sendt',
    'fra:',
    'emne',
    'dato',
    'kopi',
    'from',
    'sent',
    'to',
    'subject',
    'date',
    'the',
    'best',
    'kind',
    'regards',
    'thanks',
    'dear',
    // «Tor» is a common given name; our coordinator Tor Dølvik is excluded by his surname.
    'dølvik',
    'begge',
    'alle',
    'ja',
    'nei',
    'ok',
    'se',
    'ref',
    'sv',
    're',
    'vedlagt',
    'vedlegg',
    'også',
    'ellers',
    'men',
    'når',
    'kan',
    'skal',
    'vil',
    'blir',
    'er',
    'har',
    'kommunalsjef',
    'rådgiver',
    'rådgjevar',
  ].map((w) => w.toLowerCase()),
);

/** Whether a string reads as a person's name (2–5 capitalised words, no place or sentence words). */
export function isPersonName(text: string): boolean {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!NAME_RE.test(t)) return false;
  const words = t.split(' ');
  if (words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase()))) return false;
  // The last word, whole: «Aas», «Haugaas» and «Midtaas» are people, «Bygg AS» is not.
  const last = words[words.length - 1];
  if (
    /^(?:kommune|kommunen|fylkeskommune|fylkeskommunen|fylke|kontor|kontoret|senter|senteret|etat|etaten|avdeling|avdelingen|seksjon|seksjonen|stab|staben)$/i.test(
      last,
    ) ||
    /^(?:AS|ASA|SA|BA|DA|KF|IKS)$/.test(last)
  )
    return false;
  return true;
}

/** The first person's name in a text, or null. */
export function findPersonName(text: string): string | null {
  const re = new RegExp(`(?<![\\wæøåÆØÅ])${NAME_SOURCE}(?![\\wæøåÆØÅ])`, 'g');
  for (const m of text.matchAll(re)) {
    const words = m[0].split(/\s+/);
    // Drop sentence-opening words at the front («Hei Kari Nordmann» → «Kari Nordmann»).
    while (words.length > 2 && NOT_NAME_WORDS.has(words[0].toLowerCase())) words.shift();
    while (words.length > 2 && NOT_NAME_WORDS.has(words[words.length - 1].toLowerCase()))
      words.pop();
    const candidate = words.join(' ');
    if (isPersonName(candidate)) return candidate;
  }
  return null;
}

// Job titles in Norwegian municipalities (bokmål and nynorsk), and the suffixes that make them.
const TITLE_WORDS = [
  'rådmann',
  'assisterende rådmann',
  'ass\\. rådmann',
  'kommunedirektør',
  'assisterende kommunedirektør',
  'ass\\. kommunedirektør',
  'fylkesrådmann',
  'fylkesdirektør',
  'fylkeskommunedirektør',
  'kommunalsjef',
  'kommunalsjefen',
  'kommunaldirektør',
  'økonomisjef',
  'økonomidirektør',
  'personalsjef',
  'personal- og organisasjonssjef',
  'organisasjonssjef',
  'organisasjonsdirektør',
  'hr-sjef',
  'hr-direktør',
  'hr-leder',
  'hr-leiar',
  'hr-rådgiver',
  'hr-rådgjevar',
  'innkjøpssjef',
  'innkjøpsleder',
  'innkjøpsleiar',
  'innkjøpsrådgiver',
  'innkjøpsrådgjevar',
  'innkjøpskoordinator',
  'controller',
  'revisor',
  'kommunerevisor',
  'internrevisor',
  'jurist',
  'advokat',
  'kommuneadvokat',
  'rådgiver',
  'rådgjevar',
  'rådgivar',
  'seniorrådgiver',
  'seniorrådgjevar',
  'spesialrådgiver',
  'spesialrådgjevar',
  'fagrådgiver',
  'spesialkonsulent',
  'førstekonsulent',
  'konsulent',
  'saksbehandler',
  'sakshandsamar',
  'prosjektleder',
  'prosjektleiar',
  'koordinator',
  'virksomhetsleder',
  'verksemdleiar',
  'enhetsleder',
  'einingsleiar',
  'avdelingsleder',
  'avdelingsleiar',
  'seksjonsleder',
  'seksjonsleiar',
  'fagleder',
  'fagleiar',
  'stabsleder',
  'stabsleiar',
  'stabssjef',
  'kvalitetsleder',
  'kvalitetsrådgiver',
  'kommuneoverlege',
  'helse- og omsorgssjef',
  'oppvekstsjef',
  'kultursjef',
  'teknisk sjef',
  'plansjef',
  'arkivleder',
  'arkivleiar',
  'dokumentsenterleder',
  'ikt-sjef',
  'it-sjef',
  'daglig leder',
  'dagleg leiar',
  'styreleder',
  'styreleiar',
  'ordfører',
  'varaordfører',
  'politisk sekretær',
  'formannskapssekretær',
  'utvalgssekretær',
  'direktør',
  'sjef',
  'leder',
  'leiar',
  'internkontrollrådgiver',
  'compliance officer',
  'personvernombud',
  'økonom',
  'regnskapssjef',
  'skattefogd',
  'kemner',
  'eiendomssjef',
  'byggesakssjef',
  'tjenesteleder',
];
const TITLE_SUFFIX =
  '[a-zæøå-]*(?:sjef|leder|leiar|direktør|rådgiver|rådgjevar|rådgivar|konsulent|koordinator|revisor|controller|ansvarlig|ansvarleg)';
export const TITLE_SOURCE = `(?:(?:${TITLE_WORDS.join('|')})|${TITLE_SUFFIX})`;
const TITLE_ANYWHERE = new RegExp(`(?<![\\wæøå])${TITLE_SOURCE}(?![\\wæøå])`, 'i');

/** Whether a short text reads as a job title. */
export function isJobTitle(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 80) return false;
  if (EMAIL_RE.test(t) || /\d{4}/.test(t)) return false;
  return TITLE_ANYWHERE.test(t);
}

/** Lines that list a participant: an address with a name and a separator, or a form label. */
export function looksLikeParticipantLine(line: string): boolean {
  const t = line.trim();
  if (/^(navn|namn|name|deltaker|deltakar)\s*\d*\s*:/i.test(t)) return true;
  if (!EMAIL_RE.test(t)) return false;
  return /[,;|\t]|\s[-–]\s|\(/.test(t) && findPersonName(t) !== null;
}

/**
 * Text split into sentences. A sentence runs over wrapped lines; a blank line, or a short
 * line such as a greeting («Hei Tor») before a capital, ends one; so does a colon before a
 * capital («Et spørsmål: Er det mulig …?»).
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    const lines = para
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l);
    const chunks: string[] = [];
    for (const line of lines) {
      const prev = chunks[chunks.length - 1];
      const breakHere =
        prev !== undefined &&
        prev.length < 40 &&
        /^[A-ZÆØÅ«"“]/.test(line) &&
        !/[,;–-]$/.test(prev);
      if (prev === undefined || breakHere) chunks.push(line);
      else chunks[chunks.length - 1] = `${prev} ${line}`;
    }
    for (const chunk of chunks) {
      // After . ! ? (or a colon) followed by a space and a capital, digit or quote.
      const parts = chunk.split(/(?<=[.!?])\s+(?=[A-ZÆØÅ0-9«"“(])|(?<=:)\s+(?=[A-ZÆØÅ«"“])/);
      for (const p of parts) if (p.trim()) out.push(p.trim());
    }
  }
  return out;
}

/** Lower-case and squash white space, for phrase matching. */
export function flat(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
