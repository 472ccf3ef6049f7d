// The words an attendance answer is read by (attendance.ts): coming or not, overnight stay,
// dinner, dietary needs, substitutes, and who a clause is about. Bokmål, nynorsk, English.
import { uni } from './text-utils';

export const NOT_COMING = uni(
  /\b(?:kommer|kjem)\s+(?:dessverre\s+|diverre\s+|likevel\s+)?(?:ikke|ikkje)\b|\bkan\s+(?:dessverre\s+|diverre\s+|likevel\s+)?(?:ikke|ikkje)\s+(?:\w+\s+)?(?:komme|kome|delta|stille|møte|være med|vere med)\b|\b(?:deltar|deltek|møter|stiller)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\b|\bblir\s+(?:dessverre\s+)?(?:ikke|ikkje)\s+med\b|\b(?:er\s+)?forhindr(?:et|a)\b|\bfår\s+(?:dessverre\s+)?(?:ikke|ikkje)\s+(?:komme|kome|delta)\b|\b(?:melder|meldar|har|hev|må melde|må melda)\s+(?:dessverre\s+|diverre\s+)?(?:fått\s+|fenge\s+)?(?:forfall|avbud|avbod)\b|\b(?:er\s+)?(?:syk|sjuk|sykmeldt|sjukmeld|bortreist|på ferie|opptatt|oppteken)\b|\b(?:cannot|can't|can not|will not|won't|unable to|not able to)\s+(?:attend|come|join|make it)\b|\b(?:har sluttet|har slutta|er ikke lenger ansatt|er ikkje lenger tilsett|har fått ny jobb|har fått ny jobb)\b|\bkan\s+(?:dessverre\s+|diverre\s+|likevel\s+)?(?:ikke|ikkje)(?=\s*(?:[.,;!]|$|(?:i år|denne gangen|denne gongen|dessverre|diverre|likevel)\b))|\b(?:har|hev)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\s+(?:anledning|høve|mulighet|moglegheit)\b/i,
);
/** «Verken Geir eller jeg», «ingen av oss»: nobody named in the clause comes. */
export const NOBODY_COMES = uni(
  /\b(?:verken|korkje|neither|ingen av (?:oss|dei|de|våre|deltakerne|deltakarane)|ingen (?:fra|frå) oss|none of us|nobody)\b[^.!?]{0,60}?\b(?:kan|kommer|kjem|deltar|deltek|komme|kome|delta|har anledning|har høve|can|will)\b/i,
);
/** «Vi kjem på neste (samling)»: about a later gathering, not this one. */
export const LATER_GATHERING = uni(
  /\b(?:på|til|i)\s+(?:den\s+)?(?:neste|seinare|senere)(?:\s+(?:samling\w*|gang|gong))?\b|\bnext (?:gathering|time|one)\b/i,
);
export const COMING = uni(
  /\b(?:kommer|kjem|deltar|deltek|blir med|vert med|stiller|møter (?:opp|på)|er med|kan komme|kan kome|kan delta|kan stille|bekrefter|stadfestar|har meldt seg)\b(?!\s+(?:tilbake|attende|til å|med fleire|med flere|med en|med ein|med navn|med namn))|\b(?:will|shall|can|'ll)\s+(?:both\s+)?(?:attend|come|join(?! the dinner))\b|\b(?:are|am|is) (?:both )?coming\b/i,
);
export const OVERNIGHT = uni(
  /\b(?:overnatting|overnatte|overnattar|overnatter|hotellrom|hotell|rom for natta|over natta|over natten|enkeltrom|dobbeltrom|overnight|hotel room|a room)\b|\b(?:rom|overnatting)\s*[:=-]?\s*ja\b|(?:^|[,:;]\s*)rom\s*(?:[,.;]|$)|\b(?:treng(?:er)?|behov for|bestill\w*|book\w*|ønsker|ønskjer|ha|trenger også|treng òg|need|needs)\s+(?:\w+\s+){0,2}?rom\b|\brom\s+(?:til|for|åt)\s+(?:begge|alle|oss|meg|deg|dei|de)\b|\b(?:room|rooms) for\b|\bstay(?:ing)? (?:at the|the night|overnight)\b|\bovernatt\w*\s+likevel\b|\brom\s*(?:og|\+|&)\s*(?:middag|frukost|frokost)\b|\b(?:middag|frukost|frokost)\s*(?:og|\+|&)\s*rom\b|\brom og middag\b/i,
);
export const OVERNIGHT_NO = uni(
  /\b(?:uten|utan|ikke|ikkje|ingen|nei|verken|korkje|treng(?:er)? (?:ikke|ikkje)|behøver ikke|behøv ikkje)\s+(?:\w+\s+){0,3}?(?:overnatting|overnatte|hotellrom|hotell|rom)\b|\bovernatt\w*\s+(?:hos|privat|hjemme|heime|på egen|på eiga|på eigen)\b|\b(?:rom|overnatting)\s*[:=-]?\s*nei\b|\b(?:kjører|køyrer|reiser|drar)\s+(?:hjem|heim)\b(?!\s+(?:etter|etter at|når|på)\s+(?:samlingen|samlinga|lunsj|lunsjen|andre|siste|dag 2|dagen etter|onsdag|torsdag))|\b(?:no|not need(?:ing)? a|without)\s+(?:hotel\s+)?(?:room|overnight)|\b(?:reiser|reiser hjem|reiser heim|drar|drar hjem|kjører hjem|køyrer heim)\s+(?:\w+\s+){0,2}?(?:samme dag|same dag|om kvelden|hjem|heim)|\bovernatting\s*:\s*(?:nei|ingen|-)|\binga\s+(?:\w+\s+){0,2}?(?:overnatting|rom)\b|\b(?:stay|stays|staying|sleep)\s+(?:with|at)\s+(?:friends|family|relatives|home|my)\b|\brom(?:met|a)?\b[^.!?;]{0,40}\b(?:avbestill\w*|kanseller\w*|cancel\w*)|\b(?:avbestill\w*|kanseller\w*|cancel\w*)\s+(?:\w+\s+){0,2}?(?:rom(?:met|a)?|room)\b|\bovernatt\w*\s+(?:hjå|hjaa|with)\b|\b(?:sleeps?|staying|stays?)\s+(?:at|with)\s+(?:his|her|their)\b|\b(?:drive|drives|driving|go|goes|travel|travels)\s+home\b(?!\s+(?:the next day|on the (?:second|last) day))/i,
);
export const DINNER = uni(/\bmiddag(?:en)?\b|\bdinner\b/i);
export const DINNER_NO = uni(
  /\b(?:uten|utan|ikke|ikkje|ingen|nei|verken|korkje|dropper|droppar|står over)\s+(?:\w+\s+){0,3}?middag(?:en)?\b|\bmiddag(?:en)?\s*[:=-]?\s*(?:nei|ingen)\b|\bmiddag(?:en)?\s*:\s*-|\bmiddag(?:en)?\s+(?:\w+\s+)?(?:ikke|ikkje)\b|\b(?:stå|står|hoppe|hopper|hoppar|sløyfe|sløyfer)\s+over\s+(?:\w+\s+){0,2}?middag(?:en)?\b|\b(?:skip|miss|not (?:join|attend|come to)|no)\s+(?:the\s+)?dinner\b|\bdinner\s*[:=-]?\s*no\b|\b(?:fram|frem)\s+til\s+middag(?:en)?\b|\b(?:until|before)\s+(?:the\s+)?dinner\b|\bfør\s+middag(?:en)?\b/i,
);
export const DIETARY = uni(
  /\b(?:[a-zæøå]*allergi(?:sk)?(?:\s+(?:mot|for|overfor)\s+[a-zæøå]+(?:\s+og\s+[a-zæøå]+)?)?|allergisk\s+(?:mot|for)\s+[a-zæøå]+|vegetar(?:ianer|isk|mat)?|veganer|vegansk|glutenfri(?:tt|e)?|glutenintoleran[a-zæøå]*|cøliaki|cøliakar|laktoseintoleran[a-zæøå]*|laktosefri(?:tt|e)?|melkefri(?:tt)?|halal|kosher|pescetar[a-zæøå]*|diabetiker|diabetikar|spiser ikke\s+(?!middag|lunsj|frokost|med\b|sammen)[a-zæøå]+|et ikkje\s+(?!middag|lunsj|frukost|med\b|saman)[a-zæøå]+|tåler ikke\s+[a-zæøå]+|tåler ikkje\s+[a-zæøå]+)|\ballergic to\s+[a-z]+|\b(?:vegetarian|vegan|gluten[- ]free|lactose[- ](?:free|intolerant)|coeliac|celiac|diabetic)\b|\b(?:nut|peanut|shellfish|gluten|lactose|egg|fish|dairy)\s+allergy\b|\ballergy\b/gi,
);
export const SUBSTITUTE = uni(
  /\b(?:i stedet|istedet|i staden|isteden|istadenfor|istedenfor|i stedet for|i staden for|i hans sted|i hennes sted|i hans stad|i hennar stad|erstatt(?:es|et|ast|a) av|vert erstatta av|blir erstattet av|stedfortreder|stadfortredar|vikarierer|vikar for|tar (?:over )?(?:hans|hennes|hennar) plass|instead|in (?:his|her) place|replaced by)\b/i,
);
export const REPLACED_AFTER = uni(
  /\b(?:i stedet for|istedenfor|i staden for|istadenfor|vikar for|erstatter|erstattar)\s+/i,
);
export const GROUP = uni(
  /\b(?:vi|begge|alle|vi begge|begge to|alle tre|alle to|dei|de|alle deltakerne|alle deltakarane)\b|\b(?:both of us|all of us|we|both|all three|all)\b/i,
);
/** Coming, perhaps: «kommer nok», «trolig», «ikke avklart», «avhenger av». */
export const HEDGED = uni(
  /\b(?:kommer|kjem|deltar|deltek)\s+nok\b|\b(?:trolig|truleg|sannsynligvis|sannsynlegvis|kanskje|antakelig|antakeleg|usikker\w*|uavklart|ikke (?:helt )?avklart|ikkje (?:heilt )?avklara|avhenger|avheng|avhengig|probably|maybe|not sure)\b/i,
);
/** «…, Arne køyrer heim»: a new person, by name, with a verb of their own. */
export const NEW_PERSON =
  /,\s*(?=\p{Lu}\p{Ll}+\s+(?:\p{Ll}+\s+)?(?:kommer|kjem|trenger|treng|må|kan|blir|vert|er|har|skal|vil|køyrer|kjører|reiser|drar|spiser|et|ønsker|ønskjer|doesn't|does|will|won't|needs|is|has|can|cannot)(?![\p{L}]))/u;
/** «Kristin: kommer, trenger ikke rom»: a line that answers for one person. */
export const PERSON_LINE = /^\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2}\s*:\s+\S/u;
/** Capitalised words at the start: the name right after «i stedet for». */
export const LEAD_NAME = /^\s*([A-ZÆØÅ][\p{L}'-]+(?:\s+(?:[A-ZÆØÅ][\p{L}'-]+|[A-ZÆØÅ]\.)){0,3})/u;
/** «jeg», «eg», «meg» as who comes or needs; not «med meg» (someone else comes, with me). */
export const SELF = uni(/\b(?:jeg|eg)\b|(?<!\b(?:med|enn|hos|frå|fra|av|om)\s)\bmeg\b/i);
/** «I will», «Elin and I»: the sender, in English (case matters: «I» is not «i»). */
export const SELF_EN =
  /\b(?:and I|I (?:will|am|need|have|can|cannot|can't|would|won't|do|don't|shall|must|'ll|'m|also|too))\b/;
/** «Ole Martin vet ikke ennå om han kan», «ikke avklart»: no answer yet, for that person. */
export const UNDECIDED = uni(
  /\b(?:vet|veit)\s+(?:ikke|ikkje)\s+(?:\w+\s+){0,2}?om\b|\bikke (?:helt )?avklart|\bikkje (?:heilt )?avklar\w*|\buavklart|\busikker\w*|\bgir beskjed (?:senere|seinare|når|så fort|sjølv|selv)|\bgjev beskjed\b|\bdoesn't know yet|\bnot sure\b/i,
);
/** «… stå over den», «dropper det»: no to what the clause before named (dinner, room). */
export const DECLINES_IT = uni(
  /\b(?:stå|står|hoppe|hopper|hoppar|droppe|dropper|droppar|sløyfe|sløyfer|skip|skips)\s+(?:over\s+)?(?:den|det|dette|it)\b|\b(?:trenger|treng|ønsker|vil)\s+(?:ikke|ikkje)\s+(?:ha\s+)?(?:den|det)\b|\b(?:rekker|rekk|rekke|rekkjer|klarer|klarar|får|tar)\s+(?:\w+\s+)?(?:den|det|han|ho)\s+(?:ikke|ikkje)\b|\b(?:rekker|rekk|klarer|klarar)\s+(?:ikke|ikkje)\s+(?:den|det)\b|^\s*[A-ZÆØÅ][A-Za-zÆØÅæøå-]+(?:\s+[A-ZÆØÅ][A-Za-zÆØÅæøå-]+)?\s+(?:doesn't|does not|don't|ikke|ikkje|not)\s*(?:\(|[.,;:–—-]|$)|\b(?:det|som)\s+(?:gjør|gjer|gjorde)\s+(?:ikke|ikkje)\s+(?:jeg|eg|hun|han|ho|vi)\b/i,
);
/** Words that open a clause but are not a name: «Både Ola og jeg», «Også Kari». */
export const NOT_A_NAME_START =
  /^(?:Både|Begge|Også|Og|Men|Verken|Hverken|Korkje|Både|Kun|Bare|Berre|Dessverre|Diverre|Hei|Hallo|Takk)\s+/u;
/** «Kommer.», «Trenger rom.», «Kjem, og treng rom»: a clause that opens with its verb. */
export const VERB_FIRST = uni(
  /^(?:kommer|kjem|deltar|deltek|trenger|treng|blir med|vert med|kan ikke|kan ikkje|kan dessverre|will attend|attending|coming)\b/i,
);
/** «Arild et middag saman med meg»: the sender does it too, though Arild is the subject. */
export const WITH_ME = uni(/\b(?:sammen|saman)\s+med\s+meg\b|\bwith me\b/i);
/** «Jeg skriver på vegne av rådmannen»: the sender answers for someone, and is not one of them. */
export const ON_BEHALF = uni(/\b(?:på vegne av|på vegner av|on behalf of|for rådmannen)\b/i);
/** «Middag for alle unntatt Berit»: the rule for the group, the other way for the named. */
export const EXCEPT = uni(
  /\b(?:unntatt|unnateke|utenom|utanom|bortsett fra|bortsett frå|except|but not)\s+/i,
);
