// What a registration says besides its participants: whether participation is anchored
// in the administrative leadership, which network the municipality wishes, the questions
// it asks; and the cues that tell a registration from a decline (bokmål and nynorsk).
import type { NetworkId, Participant } from '../../domain/types';
import { extractParticipants, mergeParticipants, parseListLine } from './participants';
import { flat, sentences, uni } from './text-utils';

// ---------------------------------------------------------------------------------------
// Anchoring: «forankret i administrativ ledelse», «rådmannen har godkjent», …

const LEADERSHIP =
  '(?:den\\s+)?(?:administrative?|øverste|kommunens|fylkeskommunens)?\\s*(?:ledelse|ledelsen|leiing|leiinga|toppledelse|toppledelsen|ledergruppa|ledergruppen|leiargruppa|rådmann|rådmannen|rådmannens ledergruppe|kommunedirektør|kommunedirektøren|kommunedirektørens ledergruppe|fylkesrådmann|fylkesrådmannen|fylkesdirektør|fylkesdirektøren|fylkeskommunedirektør|fylkeskommunedirektøren|administrasjonssjef|administrasjonssjefen|ledermøte|leiarmøte)';
const BOSS =
  '(?:(?:rådmannens|kommunedirektørens|rådmannens|kommunedirektøren sin|rådmannen sin)\\s+(?:ledergruppe|leiargruppe|ledergruppa|leiargruppa|ledergruppen)|ledergruppe(?:n)?|leiargruppe|rådmann(?:en)?|kommunaldirektør(?:en)?|byråd(?:en|et)?|kommunedirektør(?:en)?|fylkesrådmann(?:en)?|fylkesdirektør(?:en)?|fylkeskommunedirektør(?:en)?|administrasjonssjef(?:en)?|ledergrupp(?:a|en)|leiargrupp(?:a|en)|toppledelsen|ledelsen|leiinga|den administrative ledelsen|administrativ ledelse|administrativ leiing|kommunalsjef(?:en)?|assisterende rådmann|assisterande rådmann|(?:rådmannens\\s+)?(?:ledermøte(?:t)?|leiarmøte(?:t)?|ledarmøte(?:t)?))';
const APPROVED =
  '(?:godkjent|godkjend|vedtatt|vedteke|vedtok|bestemt|besluttet|beslutta|sagt ja|(?:gitt|gjeve|gjeve|gett|gjevi) (?:sin |si )?(?:tilslutning|tilslutnad|klarsignal|godkjenning|godkjenning|aksept|grønt lys)|slutta seg til|sluttet seg til|gått inn for|gjort vedtak|støtter|stør|ønsker at vi deltar|ønskjer at vi deltek|bedt oss|bede oss)';

const ANCHORED_NOT: RegExp[] = [
  /\b(?:ikke|ikkje|ennå ikke|enda ikke|enno ikkje|ikke ennå|ikkje enno|ikke enda|ikke helt|ikkje heilt)\s+(?:[\wæøå]+\s+){0,3}?(?:forankret|forankra|forankre|godkjent|godkjend|vedtatt|vedteke|behandlet|handsama|avklart|avklara|besluttet|beslutta|på plass)\b/i,
  /\b(?:forankring(?:en|a)?|godkjenning(?:en|a)?|vedtak(?:et)?|beslutning(?:en)?|avgjerd(?:a)?)\s+(?:kommer|kjem|vil komme|skal|må|gjenstår|står att|er under arbeid|er på gang|er ikke|er ikkje|mangler|manglar|følger|følgjer|ettersendes|ettersendast)/i,
  /\b(?:skal|vil|må|bør)\s+(?:bli\s+|verte\s+|vere\s+|være\s+)?(?:forankres|forankrast|forankret|forankra|forankre|godkjennes|godkjennast|godkjent|behandles|handsamast|opp i|opp til|leggjast fram|legges fram|tas opp|takast opp|drøftes|drøftast)\b/i,
  /\b(?:venter|ventar)\s+på\s+(?:godkjenning|forankring|vedtak|beslutning|avklaring|avgjerd|svar (?:fra|frå) (?:rådmann|kommunedirektør|ledelsen|leiinga|ledergrupp|leiargrupp))/i,
  /\bforbehold om\s+(?:godkjenning|forankring|vedtak|beslutning)/i,
  /\b(?:før|innan|innen)\s+(?:forankring|godkjenning)\b/i,
  /\b(?:tar|ta|tek|ta det)\s+(?:dette\s+)?opp\s+(?:med|i)\s+(?:rådmann|kommunedirektør|ledergrupp|leiargrupp|ledelsen|leiinga)/i,
  // «saken har ikke vært oppe i ledergruppa ennå»
  new RegExp(
    `\\b(?:ikke|ikkje)\\s+(?:vært|vore|blitt|vorte)\\s+(?:oppe|behandlet|handsama|drøftet|drøfta)\\s+(?:i|på|av)\\s+${LEADERSHIP}`,
    'i',
  ),
].map(uni);

const ANCHORED_YES: RegExp[] = [
  new RegExp(
    `\\bforankr(?:et|a|ing(?:en|a)?)\\s+(?:er\\s+)?(?:formelt\\s+)?(?:i|hos|på|gjennom|via)\\s+${LEADERSHIP}`,
    'i',
  ),
  /\b(?:er|ble|vart|blitt|vorte|vert)\s+(?:formelt\s+|godt\s+|no\s+|nå\s+)?(?:forankret|forankra)\b/i,
  new RegExp(
    `\\b${BOSS}\\s+(?:har|hev|har nå|har no|har allerede|har alt)\\s+(?:\\w+\\s+){0,4}?${APPROVED}`,
    'i',
  ),
  new RegExp(
    `\\b(?:godkjent|godkjend|vedtatt|vedteke|besluttet|beslutta|bestemt|forankret|forankra|behandlet|handsama)\\s+(?:av|i|hos)\\s+${BOSS}`,
    'i',
  ),
  new RegExp(`\\b(?:vedtak|beslutning|avgjerd|avgjørelse)\\s+(?:i|fra|frå|av|hos)\\s+${BOSS}`, 'i'),
  // «Kommunedirektøren godkjende deltakinga», «Rådmannen bestemte at vi skal delta»
  new RegExp(
    `\\b${BOSS}\\s+(?:\\w+\\s+){0,2}?(?:godkjente|godkjende|vedtok|bestemte|besluttet|beslutta|sa ja|gav klarsignal|ga klarsignal|gav grønt lys|ga grønt lys|har bedt meg|har bede meg|ba meg|bad meg)\\b`,
    'i',
  ),
  // «Leiargruppa handsama invitasjonen i møtet 13. mai og vedtok at kommunen skal delta»,
  // «Saken var oppe på rådmannens ledermøte, og deltakelse ble vedtatt»
  new RegExp(
    `\\b${BOSS}\\b[^!?]{0,80}?\\b(?:vedtok|vedtak|godkjente|godkjende|ble vedtatt|vart vedteke|ble godkjent|vart godkjend|ble besluttet|vart bestemt|ble bestemt)\\b`,
    'i',
  ),
  // «Det er klarert med rådmann», «avklart med kommunedirektøren»
  new RegExp(
    `\\b(?:klarert|klarera|avklart|avklara|cleared|agreed)\\s+(?:med|with)\\s+(?:the\\s+)?${BOSS}`,
    'i',
  ),
  new RegExp(
    `\\b(?:med|har)\\s+(?:full\\s+)?(?:støtte|tilslutning|godkjenning|aksept)\\s+(?:fra|frå|i|av|hos)\\s+${BOSS}`,
    'i',
  ),
  /\bforankring(?:en|a)?\s+(?:er|er nå|er no|er allerede|er alt)\s+(?:på plass|i orden|ok|gjort|sikret|sikra|avklart|avklara)/i,
  // «Rådmannens ledergruppe behandlet saken i går og stiller seg bak deltakelsen».
  new RegExp(
    `\\b${BOSS}\\s+(?:[^.!?]{0,60}?\\s)?(?:står bak|stiller seg bak|stiller seg positiv|stiller seg positive|er (?:positiv|enig|einig|samd))`,
    'i',
  ),
  new RegExp(
    `\\b${BOSS}\\s+(?:ble|vart|har blitt|har vorte|er)\\s+(?:\\w+\\s+){0,2}?(?:enige|einige|samde|enig|einig|samd)\\b`,
    'i',
  ),
  new RegExp(
    `\\b(?:fått|fekk|fikk|har)\\s+(?:\\w+\\s+){0,2}?(?:klarsignal|godkjenning|grønt lys|tilslutning|tilslutnad|aksept)\\s+(?:fra|frå|av|i)\\s+${BOSS}`,
    'i',
  ),
  // English: «The Chief Executive (rådmannen) has approved», «approved by the management group».
  /\b(?:chief executive|county chief executive|municipal director|chief municipal executive|ceo|management group|management team|senior management|top management|administrative leadership|leadership group|rådmann\w*)\b[^.!?]{0,30}?\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:approved|decided|agreed|endorsed|asked|given (?:the )?(?:go-ahead|approval|green light)|signed off)\b/i,
  /\b(?:approved|endorsed|decided|anchored)\s+(?:\w+\s+){0,2}?(?:by|in|with)\s+(?:the\s+)?(?:chief executive|chief municipal executive|county chief executive|municipal director|management|leadership|ceo|administrative leadership|rådmann\w*)\b/i,
].map(uni);

/** A sentence about taking part (not, say, a lesson about anchoring risk work). */
const ABOUT_PARTICIPATION = uni(
  /\b(?:deltak\w*|deltaking\w*|påmeld\w*|melder|meld|delta|deltar|deltek|nettverk\w*|saken|saka|dette|søknaden|meldinga|prosjektet)\b/i,
);

/** «skal/må … forankres»: about taking part only when the sentence says so. */
const FUTURE_ANCHORING = ANCHORED_NOT[2];

/** true: anchored in the administrative leadership; false: they say not yet; null: not stated. */
export function readAnchoring(text: string): boolean | null {
  const said = sentences(text).map(flat);
  const notYet = (s: string) =>
    ANCHORED_NOT.some((re) => re !== FUTURE_ANCHORING && re.test(s)) ||
    (FUTURE_ANCHORING.test(s) && ABOUT_PARTICIPATION.test(s));
  if (said.some(notYet)) return false;
  if (said.some((s) => ANCHORED_YES.some((re) => re.test(s)))) return true;
  return null;
}

// ---------------------------------------------------------------------------------------
// Network wish: «nettverk A», «ønsker nettverk B», «helst C», «gruppe A», «starte i juni».

const NEGATED_BEFORE = uni(
  /\b(?:ikke|ikkje|not|unntatt|utenom|bortsett frå|bortsett fra)\s+(?:i\s+|med\s+|på\s+)?(?:nettverk(?:et)?|gruppe|gruppa|alternativ)?\s*$/i,
);
const NEGATED_AFTER = uni(
  /^\s*(?:passer|passar|går|er|kan|er ikke aktuelt)\s+(?:\w+\s+)?(?:ikke|ikkje|dårlig|dårleg)/i,
);

export function readNetworkPreference(
  text: string,
  networks: NetworkId[] = ['A', 'B', 'C'],
): NetworkId | null {
  const letters = networks.map((n) => n.replace(/[^A-Za-z0-9]/g, '')).join('');
  if (!letters) return null;
  const L = `[${letters}]`;
  const t = text.replace(/\s+/g, ' ');
  const candidates: { at: number; id: string }[] = [];
  const patterns = [
    new RegExp(
      `\\b(?:nettverk(?:et|sgruppe)?|gruppe|gruppa|alternativ|pulje|network)\\s*:?\\s*[«"']?(${L})\\b(?![.'’]?\\w)`,
      'gi',
    ),
    new RegExp(`\\b(${L})-?nettverk(?:et)?\\b`, 'gi'),
    new RegExp(
      `\\b(?:helst|ønsker|ønskjer|ønske|foretrekker|føretrekk|prioriterer|primært|fortrinnsvis|gjerne|velger|vel)\\s+(?:(?:å\\s+)?(?:delta|være|vere|bli|kome|komme|starte|byrje|begynne)(?:\\s+med)?\\s+(?:i|med|på)\\s+)?(?:nettverk\\s+|gruppe\\s+)?(${L})\\b(?![.'’]?\\w)`,
      'gi',
    ),
    // «C passer oss best», «B suits us best»
    new RegExp(`\\b(${L})\\s+(?:passer|passar|suits)\\s+(?:\\w+\\s+)?best\\b`, 'g'),
  ].map(uni);
  let negated = false;
  for (const [n, re] of patterns.entries()) {
    for (const m of t.matchAll(re)) {
      // After «helst», «ønsker» only a capital letter names a network («helst a» does not).
      if ((n === 2 || n === 3) && m[1] !== m[1].toUpperCase()) continue;
      const id = m[1].toUpperCase();
      const before = t.slice(Math.max(0, m.index! - 40), m.index!);
      const after = t.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
      if (NEGATED_BEFORE.test(before) || NEGATED_AFTER.test(after)) {
        negated = true;
        continue;
      }
      candidates.push({ at: m.index!, id });
    }
  }
  if (!candidates.length && negated) {
    // «Nettverk A passer ikke, men B går fint»: the letter after «men» is the wish.
    for (const m of t.matchAll(
      new RegExp(`\\b(?:men|heller|alternativt|eventuelt|evt\\.?)\\s+(${L})\\b(?![.'’]?\\w)`, 'g'),
    )) {
      candidates.push({ at: m.index!, id: m[1] });
    }
  }
  if (candidates.length) {
    candidates.sort((a, b) => a.at - b.at);
    return networks.find((n) => n.toUpperCase() === candidates[0].id) ?? candidates[0].id;
  }
  // The month says it: network A starts in June, B and C in September.
  const f = flat(text);
  if (
    uni(
      /\b(?:starte|start|oppstart|begynne|byrje|delta|deltar|første samling|fyrste samling|kan|ønsker|ønskjer|passer|passar|helst)\b[^.?!]{0,40}\b(?:i\s+)?juni\b|\bjuni\b[^.?!]{0,30}\b(?:passer|passar)\s+(?:best|oss best|godt|oss godt|fint)/,
    ).test(f) &&
    !uni(/\b(?:ikke|ikkje)\b[^.?!]{0,25}\bjuni\b/).test(f) &&
    // «juni gjør det ikke», «hausten passar betre enn juni», «June is impossible»
    !uni(
      /\bjuni\b[^.?!]{0,25}\b(?:ikke|ikkje|umulig|umogleg|dårlig|dårleg)\b|\b(?:enn|than)\s+(?:i\s+)?juni\b/,
    ).test(f) &&
    networks.some((n) => n.toUpperCase() === 'A')
  ) {
    return networks.find((n) => n.toUpperCase() === 'A')!;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Questions: sentences ending in a question mark.

export function extractQuestions(text: string): string[] {
  const out: string[] = [];
  for (const s of sentences(text)) {
    // A sentence may hold several questions: «Hva koster det? Når er fristen?»
    for (const q of s.split(/(?<=\?)\s+/)) {
      const t = q.trim();
      if (t.endsWith('?') && t.replace(/[^\p{L}]/gu, '').length >= 4 && !out.includes(t))
        out.push(t);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Cues.

const REGISTER_CUES: RegExp[] = [
  // «Vi har bestemt oss for å delta», «Vi ska vær med», «Vi blir med»
  /\b(?:bestemt|bestemte|besluttet|vedtatt|vedtok|vedteke)\s+(?:oss\s+)?(?:for\s+)?(?:å|at vi skal)\s+(?:delta|være med|vere med|bli med)\b/i,
  /\bvi\s+(?:skal|ska|vil|blir|vert)\s+(?:gjerne\s+|også\s+|òg\s+)?(?:være\s+|vær\s+|vere\s+|bli\s+)?med\b(?!\s+(?:på\s+å|og\s+ser|i\s+(?:neste|en ny|ei ny)))/i,
  /\b(?:melder|meld|melde|meldar|meldast|meldes)\s+(?:\w+\s+){0,4}?på\b/i,
  /\bpåmelde[rt]?\b|\bpåmeldt\b/i,
  /\b(?:vi|kommunen|fylkeskommunen)\s+(?:ønsker|ønskjer|vil gjerne|vil|har lyst til å|ynskjer)\s+(?:å\s+|og\s+)?(?:delta|være med|vere med|bli med|melde)/i,
  /\b(?:ønsker|ønskjer|ynskjer)\s+å\s+delta\b/i,
  /\b(?:kommunen|fylkeskommunen|vi)\s+(?:deltar|deltek|blir med|stiller med|vil delta)\b/i,
  /\b(?:våre|vare|vår|kommunens)\s+deltak(?:ere|arar|er|ar)\b/i,
  /\bdeltak(?:ere|arar|arane|erne)\s+(?:fra|frå|blir|vert|er|vil være|vil vere)\b/i,
  /\b(?:følgende|følgjande)\s+(?:personer|personar|deltakere|deltakarar|skal|vil|blir|deltar|deltek)\b/i,
  /\b(?:disse|desse)\s+(?:deltar|deltek|skal delta|blir med|vert med)\b/i,
  /\bstiller med\b/i,
  /\b(?:vi|kommunen)\s+(?:er|blir)\s+(?:med|interessert|interesserte)\b/i,
].map(uni);

const DECLINE_CUES: RegExp[] = [
  /\b(?:kan|får|vil|har|ska|skal)\s+(?:\w+\s+){0,3}?(?:ikke|ikkje|ittj|itj)\s+(?:\w+\s+){0,3}?(?:delta|være med|vere med|vær med|vær me|stille|prioritere|melde (?:oss|på))\b/i,
  // «svaret blir nei», «svaret vårt er nei», «vi seier nei»
  /\bsvaret\s+(?:vårt\s+)?(?:blir|er|vert|må bli)\s+(?:dessverre\s+|diverre\s+)?nei\b|\bvi\s+(?:sier|seier|må si|må seie)\s+nei\b/i,
  /\btakk(?:er|ar)?\s+(?:dessverre\s+|diverre\s+)?nei\b/i,
  /\bmelder\s+(?:dessverre\s+)?(?:avbud|forfall)\b/i,
  /\b(?:har|hev|ha)\s+(?:\w+\s+){0,3}?(?:ikke|ikkje|ittj|itj)\s+(?:\w+\s+)?(?:anledning|høve|kapasitet|mulighet|moglegheit|ressurser|ressursar|tid|folk)\b/i,
  /\b(?:ønsker|ønskjer|ynskjer)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\s+å\s+delta\b/i,
  /\b(?:er\s+)?(?:ikke|ikkje)\s+aktuelt\b/i,
  /\bstår over\b|\bavstår\b|\bstår over denne\b/i,
  /\bmelder oss (?:ikke|ikkje)\b|\bmelde oss av\b|\bmelder oss av\b/i,
  /\btrekk(?:er|jer|e|je|a)\s+oss\b|\b(?:kommune|kommunen|fylkeskommunen)\s+trekk(?:er|jer)\s+seg\b/i,
  // «Vi prioriterer ikke dette i år», «vi prioriterar ikkje nettverket»
  /\b(?:prioriterer|prioriterar|prioritere)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\s+(?:dette|deltakelse\w*|deltaking\w*|nettverk\w*|det)\b/i,
  /\bmå\s+(?:dessverre\s+|diverre\s+)?(?:trekke|trekkje|melde av|avstå|takke nei|takka nei|si nei)\b/i,
  /\b(?:velger|vel)\s+(?:å\s+)?(?:ikke|ikkje)\b/i,
  /\b(?:ikke|ikkje)\s+(?:denne|den)\s+(?:gangen|gongen)\b/i,
  /\bser oss (?:dessverre\s+|diverre\s+)?(?:ikke|ikkje) i stand\b/i,
  // «må Sauda kommune melde avbud», «melder herved forfall»
  /\bmeld(?:e|er|ar)\s+(?:\w+\s+){0,3}?(?:avbud|forfall)\b/i,
  /\b(?:deltar|deltek|blir|vert|kommer|kjem)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\s+(?:med\s+)?(?:(?:i år|denne|i nettverk|på|til)\b|$)/i,
  /\b(?:deltar|deltek)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\b/i,
  /\b(?:rekker|rekk|rekkjer)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\b/i,
  /^\s*nei,?\s+takk\b/i,
  // «trekke påmeldingen vår», «trekkje deltakinga»
  /\btrekk(?:e|er|je|jer|a)\s+(?:\w+\s+){0,2}?(?:påmelding\w*|deltak\w*|søknad\w*)\b/i,
  /\b(?:will not|won't|cannot|can't|are unable to|is unable to|not be able to|unable to)\s+(?:\w+\s+){0,2}?(?:participate|join|take part|attend)\b/i,
  /\b(?:must|have to|regret(?:fully)? (?:to )?)\s*decline\b|\bdeclines?\b/i,
].map(uni);

/** Words that name a registration without making one: «påmeldinga», «påmeldingsskjema». */
const REGISTER_NOUN = uni(/\bpåmelding\w*/i);

/** The text registers (a verb: «melder på», «ønsker å delta», «stiller med», …). */
export function registrationCue(text: string): boolean {
  const t = flat(text);
  return REGISTER_CUES.some((re) => re.test(t));
}

/** The text only mentions a registration («vedlagt påmelding», «påmeldinga vår»). */
export function registrationMention(text: string): boolean {
  return REGISTER_NOUN.test(text);
}

export function declineCue(text: string): boolean {
  const t = flat(text);
  return DECLINE_CUES.some((re) => re.test(t));
}

/** The sender registers themself: «melder meg på», «undertegnede», «meg selv». */
/** The text without its questions. */
function statementsOf(text: string): string {
  return sentences(text)
    .filter((x) => !/\?\s*$/.test(x))
    .join('\n');
}

export function registersSelf(text: string): boolean {
  // «Kontaktperson er undertegnede. Jeg skal selv ikke delta.»
  if (
    uni(
      /\b(?:jeg|eg)\s+(?:skal|vil|kommer|kjem|kan)\s+(?:selv\s+|sjølv\s+|dessverre\s+|diverre\s+)?(?:ikke|ikkje)\s+(?:\w+\s+)?(?:delta|deltek|være med|vere med)|\bkontaktperson\w*\b[^.!?]{0,60}\b(?:undertegnede|underteikna|meg|jeg|eg)\b/i,
    ).test(text)
  )
    return false;
  return uni(
    /\b(?:melder\s+(?:meg|eg)|meld(?:ar|er)\s+meg|meg selv|meg sjølv|undertegnede|underteikna|eg sjølv|jeg selv|jeg (?:deltar|blir med|vil delta)|eg (?:deltek|blir med|vil delta)|og meg\b|meg og\b|(?:jeg|eg|æ) og\b|og (?:jeg|eg|æ)\b|jeg vil selv|eg vil sjølv|jeg blir selv|i tillegg til meg|i tillegg til meg sjølv|in addition to me|myself and|and myself)/i,
  ).test(text);
}

const NOT_A_PARTICIPANT_LABEL = uni(
  /\b(?:kontakt\w*|kopi|cc|fra|frå|til|sendt|emne|telefon|tlf|e-?post|mobil|adresse|ring|spørsmål|spørsmål\w*|saksbehandlar|saksbehandler|leder|leiar|rådmann|kommunedirektør)\b/i,
);

const TOP_LEADER = uni(
  /^(?:rådmann|kommunedirektør|fylkesrådmann|fylkesdirektør|fylkeskommunedirektør|administrasjonssjef|chief executive|ceo)$/i,
);

function notAParticipantLabel(label: string): boolean {
  const words = label.trim().split(/\s+/).length;
  return /kontakt/i.test(label) || (words <= 3 && NOT_A_PARTICIPANT_LABEL.test(label));
}

export interface RegistrationReading {
  participants: Participant[];
  anchored: boolean | null;
  networkPreference: NetworkId | null;
  questions: string[];
}

/** Everything a registration text says; `sender` is added when they register themself. */
export function readRegistration(
  text: string,
  sender: Participant | null = null,
): RegistrationReading {
  let participants = extractParticipants(text);
  if (!participants.length) {
    // «Vi har fått med oss en til: Jørn Aasland, kommunalsjef teknisk, jorn@…»: a list line
    // after a colon on the same line.
    const listed = text
      .split('\n')
      .map((l) => /^([^:]{1,80}):\s+(.+)$/.exec(l))
      // «Kontaktperson: …», «Kopi: …» name someone who is not signed up.
      .map((m) => (m && !notAParticipantLabel(m[1]) ? m[2] : undefined))
      .map((rest) => (rest ? parseListLine(rest) : null))
      .filter((p): p is Participant => p !== null && !!(p.email || p.title));
    participants = mergeParticipants(listed);
  }
  if (sender) {
    // The sender listed by name: their signature knows the rest.
    participants = participants.map((p) =>
      p.name.toLowerCase() === sender.name.toLowerCase() || (p.email && p.email === sender.email)
        ? {
            name: p.name,
            title: p.title ?? sender.title,
            email: p.email ?? sender.email,
            phone: p.phone ?? sender.phone,
          }
        : p,
    );
  }
  // «Eller kan rådmannen og eg dele på plassen?» asks; it signs nobody up.
  if (sender && registersSelf(statementsOf(text))) {
    const known = participants.some(
      (p) =>
        (p.email && sender.email && p.email === sender.email) ||
        p.name.toLowerCase() === sender.name.toLowerCase(),
    );
    if (!known) participants = mergeParticipants([...participants, sender]);
  }
  return {
    participants,
    // The rådmann signing up themself is the administrative leadership's decision.
    anchored:
      readAnchoring(text) ??
      (participants.some((p) => TOP_LEADER.test(p.title ?? '')) ? true : null),
    // «Hvor blir samlingene i nettverk C holdt?» asks about C; it does not wish for it.
    networkPreference: readNetworkPreference(
      sentences(text)
        .filter((x) => !/\?\s*$/.test(x))
        .join('\n'),
    ),
    questions: extractQuestions(text),
  };
}
