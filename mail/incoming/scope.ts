// Each sentence a person wrote, read with its scope: is it a question, a condition, does a
// registration cue in it stand negated («melder seg ikke på»), does it decline, does it only
// thank. A cue counts as a statement only outside those scopes; `judgement.ts` weighs them.
import { declineCue, registrationCue } from './registration';
import { flat, sentences, uni } from './text-utils';

export interface SentenceReading {
  /** The sentence as written, shortened for evidence. */
  text: string;
  question: boolean;
  /** «hvis», «dersom», «før vi melder på», «kommer tilbake til», «etter møtet»: not decided. */
  conditional: boolean;
  /** A registration cue stated plainly (not negated, not asked, not conditional). */
  registers: boolean;
  /** A registration cue under a negation: «melder seg ikke på», «kan ikke melde oss på». */
  negatedRegistration: boolean;
  /** About another round («send oss invitasjon neste år»): neither registers nor conditions. */
  later: boolean;
  /** A decline stated plainly. */
  declines: boolean;
  /** Only thanks, greetings or acknowledgement. */
  thanks: boolean;
}

const NEGATION = uni(
  /\b(?:ikke|ikkje|not|never|aldri|ingen|inga|verken|korkje|no longer)\b|n't\b/i,
);

/** Words that open a question even without its «?». */
const ASKING = uni(
  /^(?:hva|hvem|hvor|hvordan|hvorfor|hvilke|hvilken|når|kva|kven|kor|korleis|kvifor|kva for|kan (?:vi|de|dere|du|eg|jeg|man|ein|en|det)|er det|gjeld(?:er)? det|må (?:vi|alle|deltakerne|deltakarane)|skal (?:vi|deltakerne)|trenger (?:vi|man)|treng (?:vi|ein)|blir det|vert det|finnes|fins|what|when|where|who|how|is there|are there|can we|could you|do we|does)\b/i,
);
/** «Lurer på om …», «vi undrer oss på»: a question put as a statement. */
const WONDERS = uni(
  /\b(?:lurer|lurar|undrer|undrar|spør(?:je)?|lurt på|vil gjerne vite|ønsker å vite|ynskjer å vite|would like to know|wonder(?:ing)?)\b/i,
);

const CONDITION = uni(
  /\b(?:hvis|dersom|viss|om vi får|om vi kan|forutsatt|føresett|under forutsetning|på vilkår|avhenger|avhengig|avhengi|før vi (?:melder|kan|bestemmer|tar|bestemmer|gir|svarer)|før me|kommer tilbake til|kjem tilbake til|vender tilbake|komme tilbake|tar stilling|ta stilling|vurderer|vurderar|ikke bestemt|ikkje bestemt|ikke avklart|ikkje avklart|usikre?|uavklart|foreløpig|førebels|tentativ\w*|if we|provided that|unless|not yet decided|will get back|come back to)\b|\bfør\s+(?:til\s+)?(?:høsten|hausten|våren|neste år|nyttår|jul|sommaren|sommeren|august|september|oktober|november)\b/i,
);

/** «send oss gjerne invitasjon neste år»: a wish for another round says nothing of this one. */
const LATER_ROUND = uni(
  /\b(?:neste år|neste gang|neste runde|ny runde|nytt nettverk|seinare år|neste år|til neste år|ein annan gong|en annen gang|senere anledning|seinare høve|next year|another time|a later round)\b/i,
);

/** «…, men melder likevel på»: the clause after «men» is what is decided. */
const BUT = uni(/\s(?:men|but)\s/i);

const ROOM_CONDITION = uni(
  /\b(?:hvis|dersom|viss|om|if)\s+(?:det\s+)?(?:er|blir|vert|finnes|fins|is|there is)\s+(?:ledig\s+)?(?:plass|rom|room|space)\b/i,
);

const THANKS = uni(
  /^(?:(?:tusen|mange|hjertelig)\s+)?(?:takk|tack|thanks?|thank you)\b|\b(?:vi|eg|jeg)\s+(?:gleder|gler|glær)\s+(?:oss|meg)\b|\bser (?:fram|frem) til\b|^(?:ok|flott|supert?|fint|mottatt|motteke|notert|skal bli|bra)\b|^(?:hei|hallo|god morgen|god dag|hello|hi|dear)(?:\s+[\p{L}.-]+){0,3}[\s,!.]*$/iu,
);

/** The part of a sentence the negation may reach: four words before the cue and the cue. */
function negatedCue(s: string): boolean {
  const cue = uni(
    /\b(?:melder|meld|melde|meldar|meldast|meldes)\s+(?:\w+\s+){0,4}?på\b|\b(?:delta|deltar|deltek|være med|vere med|bli med|blir med|påmeldt|participate|join|take part)\b/i,
  );
  const m = cue.exec(s);
  if (!m) return false;
  const before = s.slice(0, m.index).split(/\s+/).slice(-4).join(' ');
  return NEGATION.test(`${before} ${m[0]}`);
}

function shorten(s: string, max = 120): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/** Every sentence of a reply's fresh text, with its scope and cues. */
export function readSentences(text: string): SentenceReading[] {
  return sentences(text).map((raw) => {
    const s = flat(raw);
    const question = /\?\s*$/.test(s) || ASKING.test(s) || WONDERS.test(s);
    // «… dersom det er plass»: a condition on the room we have, not on their decision.
    const conditional = CONDITION.test(s) && !ROOM_CONDITION.test(s);
    const later = LATER_ROUND.test(s);
    // «Vi rekker ikke …, men melder likevel på med forbehold»: the last clause decides.
    const parts = s.split(BUT);
    const last = parts[parts.length - 1];
    const turned =
      parts.length > 1 && registrationCue(last) && !negatedCue(last) && !declineCue(last);
    const cue = registrationCue(s) && !later;
    const negated = cue && !turned && negatedCue(s);
    const declines = !question && !conditional && !turned && declineCue(s);
    return {
      text: shorten(raw.replace(/\s+/g, ' ').trim()),
      question,
      conditional: conditional && !later,
      registers: cue && !negated && !question && !conditional && !declines,
      later,
      negatedRegistration: negated,
      declines,
      thanks: THANKS.test(s) && s.length < 160 && !cue && !declineCue(s) && !/\?/.test(s),
    };
  });
}

/** The reply only thanks or acknowledges («Takk, vi gleder oss!»). */
export function onlyThanks(readings: SentenceReading[]): boolean {
  return readings.length > 0 && readings.every((r) => r.thanks);
}
