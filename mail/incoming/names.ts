// Person names and job titles as Norwegian municipalities write them, and the lines that list a
// participant (a name with an address, or a form label).
import { EMAIL_RE } from './contact-details';

// «MacLeod», «McKay», «O'Brien»: a capital inside after Mac, Mc or O'.
const NAME_WORD =
  "(?:Mac|Mc|O'|O’)?[A-ZÆØÅÄÖÜÉÈÁ][a-zæøåäöüéèáóúíñç'’]+(?:-[A-ZÆØÅÄÖÜÉ]?[a-zæøåäöüéèáóúíñç'’]+)?";
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
    // English titles are capitalised: «Tom Ness, Finance Director».
    'director',
    'manager',
    'officer',
    'head',
    'chief',
    'adviser',
    'advisor',
    'coordinator',
    'executive',
    'councillor',
    'consultant',
    'department',
    'internal',
    'audit',
    'finance',
    'procurement',
    'controller',
  ].map((w) => w.toLowerCase()),
);

/** One word that is a job title by itself («Innkjøpssjef», «Kommunaldirektør», «Rådgjevar»). */
const TITLE_WORD_ALONE =
  /^(?:\p{L}+sjef|\p{L}*direktør|\p{L}*rådgiver|\p{L}*rådgjevar|rådmann|controller|konsulent|\p{L}*leder|\p{L}*leiar|ordfører|ordførar|kemner|økonom|jurist|revisor|saksbehandler|sakshandsamar|sekretær|koordinator|spesialrådgiver)$/iu;

/** Whether a string reads as a person's name (2–5 capitalised words, no place or sentence words). */
export function isPersonName(text: string): boolean {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!NAME_RE.test(t)) return false;
  const words = t.split(' ');
  if (words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase()))) return false;
  // «Innkjøpssjef Marianne Kleppe» at the start of a line: the title is not the name.
  if (TITLE_WORD_ALONE.test(words[0])) return false;
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
