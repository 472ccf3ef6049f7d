// Attendance answers before a gathering: who comes and who does not, overnight stay
// («overnatting»), dinner («middag»), dietary needs («allergi», «vegetar», «glutenfri»,
// «laktoseintolerant»), and substitutes («i stedet kommer rådgiver Per Olsen (…)»).
import type { AttendanceAnswer, Participant } from '../../domain/types';
import { attendanceFromTable } from './attendance-table';
import { participantsFromProse, parseListLine } from './participants';
import { EMAIL_RE_G, findEmails, findPhone } from './contact-details';
import { NAME_SOURCE, TITLE_SOURCE, isPersonName } from './names';
import { sentences, uni } from './text-utils';

const NOT_COMING = uni(
  /\b(?:kommer|kjem)\s+(?:dessverre\s+|diverre\s+|likevel\s+)?(?:ikke|ikkje)\b|\bkan\s+(?:dessverre\s+|diverre\s+|likevel\s+)?(?:ikke|ikkje)\s+(?:\w+\s+)?(?:komme|kome|delta|stille|møte|være med|vere med)\b|\b(?:deltar|deltek|møter|stiller)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\b|\bblir\s+(?:dessverre\s+)?(?:ikke|ikkje)\s+med\b|\b(?:er\s+)?forhindr(?:et|a)\b|\bfår\s+(?:dessverre\s+)?(?:ikke|ikkje)\s+(?:komme|kome|delta)\b|\b(?:melder|har|må melde)\s+(?:dessverre\s+)?(?:forfall|avbud)\b|\b(?:er\s+)?(?:syk|sjuk|sykmeldt|sjukmeld|bortreist|på ferie|opptatt|oppteken)\b|\b(?:cannot|can't|can not|will not|won't|unable to|not able to)\s+(?:attend|come|join|make it)\b|\b(?:har sluttet|har slutta|er ikke lenger ansatt|er ikkje lenger tilsett|har fått ny jobb|har fått ny jobb)\b|\bkan\s+(?:dessverre\s+|diverre\s+|likevel\s+)?(?:ikke|ikkje)(?=\s*(?:[.,;!]|$|(?:i år|denne gangen|denne gongen|dessverre|diverre|likevel)\b))|\b(?:har|hev)\s+(?:dessverre\s+|diverre\s+)?(?:ikke|ikkje)\s+(?:anledning|høve|mulighet|moglegheit)\b/i,
);
/** «Verken Geir eller jeg», «ingen av oss»: nobody named in the clause comes. */
const NOBODY_COMES = uni(
  /\b(?:verken|korkje|neither|ingen av (?:oss|dei|de|våre|deltakerne|deltakarane)|ingen (?:fra|frå) oss|none of us|nobody)\b[^.!?]{0,60}?\b(?:kan|kommer|kjem|deltar|deltek|komme|kome|delta|har anledning|har høve|can|will)\b/i,
);
/** «Vi kjem på neste (samling)»: about a later gathering, not this one. */
const LATER_GATHERING = uni(
  /\b(?:på|til|i)\s+(?:den\s+)?(?:neste|seinare|senere)(?:\s+(?:samling\w*|gang|gong))?\b|\bnext (?:gathering|time|one)\b/i,
);
const COMING = uni(
  /\b(?:kommer|kjem|deltar|deltek|blir med|vert med|stiller|møter (?:opp|på)|er med|kan komme|kan kome|kan delta|kan stille|bekrefter|stadfestar|har meldt seg)\b(?!\s+(?:tilbake|attende|til å|med fleire|med flere|med en|med ein|med navn|med namn))/i,
);
const OVERNIGHT = uni(
  /\b(?:overnatting|overnatte|overnattar|overnatter|hotellrom|hotell|rom for natta|over natta|over natten|enkeltrom|dobbeltrom|overnight|hotel room|a room)\b|\b(?:rom|overnatting)\s*[:=-]?\s*ja\b|(?:^|[,:;]\s*)rom\s*(?:[,.;]|$)|\b(?:treng(?:er)?|behov for|bestill\w*|book\w*|ønsker|ønskjer|ha|trenger også|treng òg|need|needs)\s+(?:\w+\s+){0,2}?rom\b/i,
);
const OVERNIGHT_NO = uni(
  /\b(?:uten|utan|ikke|ikkje|ingen|nei|verken|korkje|treng(?:er)? (?:ikke|ikkje)|behøver ikke|behøv ikkje)\s+(?:\w+\s+){0,3}?(?:overnatting|overnatte|hotellrom|hotell|rom)\b|\bovernatt\w*\s+(?:hos|privat|hjemme|heime|på egen|på eiga|på eigen)\b|\b(?:rom|overnatting)\s*[:=-]?\s*nei\b|\b(?:kjører|køyrer|reiser|drar)\s+(?:hjem|heim)\b(?!\s+(?:etter|etter at|når|på)\s+(?:samlingen|samlinga|lunsj|lunsjen|andre|siste|dag 2|dagen etter|onsdag|torsdag))|\b(?:no|not need(?:ing)? a|without)\s+(?:hotel\s+)?(?:room|overnight)|\b(?:reiser|reiser hjem|reiser heim|drar|drar hjem|kjører hjem|køyrer heim)\s+(?:\w+\s+){0,2}?(?:samme dag|same dag|om kvelden|hjem|heim)|\bovernatting\s*:\s*(?:nei|ingen|-)/i,
);
const DINNER = uni(/\bmiddag(?:en)?\b/i);
const DINNER_NO = uni(
  /\b(?:uten|utan|ikke|ikkje|ingen|nei|verken|korkje|dropper|droppar|står over)\s+(?:\w+\s+){0,3}?middag(?:en)?\b|\bmiddag(?:en)?\s*[:=-]?\s*(?:nei|ingen)\b|\bmiddag(?:en)?\s*:\s*-|\bmiddag(?:en)?\s+(?:\w+\s+)?(?:ikke|ikkje)\b/i,
);
const DIETARY = uni(
  /\b(?:[a-zæøå]*allergi(?:sk)?(?:\s+(?:mot|for|overfor)\s+[a-zæøå]+(?:\s+og\s+[a-zæøå]+)?)?|allergisk\s+(?:mot|for)\s+[a-zæøå]+|vegetar(?:ianer|isk|mat)?|veganer|vegansk|glutenfri(?:tt|e)?|glutenintoleran[a-zæøå]*|cøliaki|cøliakar|laktoseintoleran[a-zæøå]*|laktosefri(?:tt|e)?|melkefri(?:tt)?|halal|kosher|pescetar[a-zæøå]*|diabetiker|diabetikar|spiser ikke\s+(?!middag|lunsj|frokost|med\b|sammen)[a-zæøå]+|et ikkje\s+(?!middag|lunsj|frukost|med\b|saman)[a-zæøå]+|tåler ikke\s+[a-zæøå]+|tåler ikkje\s+[a-zæøå]+)/gi,
);
const SUBSTITUTE = uni(
  /\b(?:i stedet|istedet|i staden|isteden|istadenfor|istedenfor|i stedet for|i staden for|i hans sted|i hennes sted|i hans stad|i hennar stad|erstatt(?:es|et|ast|a) av|vert erstatta av|blir erstattet av|stedfortreder|stadfortredar|vikarierer|vikar for|tar (?:over )?(?:hans|hennes|hennar) plass|instead|in (?:his|her) place|replaced by)\b/i,
);
const REPLACED_AFTER = uni(
  /\b(?:i stedet for|istedenfor|i staden for|istadenfor|vikar for|erstatter|erstattar)\s+/i,
);
const GROUP = uni(
  /\b(?:vi|begge|alle|vi begge|begge to|alle tre|alle to|dei|de|alle deltakerne|alle deltakarane)\b/i,
);
/** Coming, perhaps: «kommer nok», «trolig», «ikke avklart», «avhenger av». */
const HEDGED = uni(
  /\b(?:kommer|kjem|deltar|deltek)\s+nok\b|\b(?:trolig|truleg|sannsynligvis|sannsynlegvis|kanskje|antakelig|antakeleg|usikker\w*|uavklart|ikke (?:helt )?avklart|ikkje (?:heilt )?avklara|avhenger|avheng|avhengig|probably|maybe|not sure)\b/i,
);
/** «…, Arne køyrer heim»: a new person, by name, with a verb of their own. */
const NEW_PERSON =
  /,\s*(?=\p{Lu}\p{Ll}+\s+(?:\p{Ll}+\s+)?(?:kommer|kjem|trenger|treng|må|kan|blir|vert|er|har|skal|vil|køyrer|kjører|reiser|drar|spiser|et|ønsker|ønskjer)\b)/u;
/** «Kristin: kommer, trenger ikke rom»: a line that answers for one person. */
const PERSON_LINE = /^\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2}\s*:\s+\S/u;
/** Capitalised words at the start: the name right after «i stedet for». */
const LEAD_NAME = /^\s*([A-ZÆØÅ][\p{L}'-]+(?:\s+(?:[A-ZÆØÅ][\p{L}'-]+|[A-ZÆØÅ]\.)){0,3})/u;
const SELF = uni(/\b(?:jeg|eg|meg)\b/i);

interface Answer extends AttendanceAnswer {
  key: string | null;
}

function blank(participant: string | null): Answer {
  return {
    key: participant?.toLowerCase() ?? null,
    participant,
    attending: null,
    overnight: null,
    dinner: null,
    dietary: null,
    substitute: null,
  };
}

/** Full names written out, and known participants named by their first name alone. */
function namesWithKnown(text: string, known: string[]): string[] {
  const found = namesIn(text);
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = (x: string, flags: string) =>
    new RegExp(`(?<![\\p{L}])${esc(x)}(?![\\p{L}])`, flags);
  for (const full of known) {
    if (found.some((n) => n.toLowerCase() === full.toLowerCase())) continue;
    const first = full.split(/\s+/)[0];
    if (first.length < 2 || known.filter((k) => k.split(/\s+/)[0] === first).length !== 1) continue;
    if (!word(first, 'u').test(text) && !word(full, 'iu').test(text)) continue;
    // A written-out form of the same person («Kristin A.») gives way to the known name.
    const i = found.findIndex((n) => n.split(/\s+/).includes(first));
    if (i >= 0) found.splice(i, 1);
    found.push(full);
  }
  return found;
}

function namesIn(text: string): string[] {
  const re = new RegExp(`(?<![\\wæøåÆØÅ])${NAME_SOURCE}(?![\\wæøåÆØÅ])`, 'gu');
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    const words = m[0].split(/\s+/);
    while (words.length > 2 && !isPersonName(words.join(' '))) words.shift();
    const n = words.join(' ');
    if (isPersonName(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

function substitutePerson(clause: string, exclude: string | null): Participant | null {
  // Prose reading needs a verb of coming; a substitute clause always has one in spirit.
  const prose = participantsFromProse(`kommer ${clause}`).filter((p) => p.name !== exclude);
  if (prose.length) return prose[0];
  const listed = parseListLine(clause);
  if (listed && listed.name !== exclude) return listed;
  const name = namesIn(clause).find((n) => n !== exclude);
  if (!name) return null;
  const after = clause.slice(clause.indexOf(name) + name.length);
  const before = clause.slice(0, clause.indexOf(name));
  const title = new RegExp(`(${TITLE_SOURCE})\\s*$`, 'iu').exec(before)?.[1] ?? null;
  return {
    name,
    title,
    email: findEmails(after)[0] ?? null,
    phone: findPhone(after.replace(EMAIL_RE_G, ' ')),
  };
}

function dietaryOf(clause: string): string | null {
  const found = [...clause.matchAll(DIETARY)].map((m) => m[0].trim().toLowerCase());
  if (!found.length) return null;
  if (
    uni(
      /\b(?:ingen|ikke noen|ikkje nokon)\s+(?:\w+\s+)?(?:allergier|allergi|spesielle behov)/i,
    ).test(clause)
  )
    return null;
  return [...new Set(found)].join(', ');
}

/** Attendance answers in a reply, or null when it says nothing about attendance. */
export function readAttendance(
  text: string,
  senderName: string | null = null,
  known: string[] = [],
): AttendanceAnswer[] | null {
  return readAttendanceReading(text, senderName, known).answers;
}

export interface AttendanceReading {
  answers: AttendanceAnswer[] | null;
  /** A sentence said someone comes or not without saying who («Kristin» unknown, no «vi»). */
  unattributed: boolean;
}

export function readAttendanceReading(
  text: string,
  senderName: string | null = null,
  known: string[] = [],
): AttendanceReading {
  let unattributed = false;
  // The journey's participants by first name too: «Kristin kan ikke», «Per og jeg».
  const namesIn = (clause: string) => namesWithKnown(clause, known);
  const answers: Answer[] = [];
  const get = (participant: string | null): Answer => {
    const key = participant?.toLowerCase() ?? null;
    let a = answers.find((x) => x.key === key);
    if (!a) {
      a = blank(participant);
      answers.push(a);
    }
    return a;
  };
  let lastSubjects: (string | null)[] = [];
  let lastAbsent: string | null = null;

  // A table, one row per person: read by its columns, and not again as prose.
  const allLines = text.split('\n');
  const table = attendanceFromTable(allLines);
  for (const row of table?.answers ?? []) Object.assign(get(row.participant), row);

  // Form lines: «Overnatting: ja», «Middag: nei», «Allergier: gluten».
  const body: string[] = [];
  for (const [index, line] of allLines.entries()) {
    if (table?.rows.has(index)) continue;
    const m =
      /^\s*(overnatting|middag|allergi(?:er)?|matallergi(?:er)?|kosthold|diett|spesielle behov|deltar|deltek|kommer)\s*:\s*(.*)$/i.exec(
        line,
      );
    if (!m) {
      body.push(line);
      continue;
    }
    const value = m[2].trim();
    const yes = /^(?:ja|yes|j|x|ok)\b/i.test(value);
    const no = /^(?:nei|no|n|ingen|-)\b/i.test(value);
    const a = get(lastSubjects[0] ?? null);
    const field = m[1].toLowerCase();
    if (field === 'overnatting') a.overnight = yes ? true : no ? false : a.overnight;
    else if (field === 'middag') a.dinner = yes ? true : no ? false : a.dinner;
    else if (field === 'deltar' || field === 'deltek' || field === 'kommer')
      a.attending = yes ? true : no ? false : a.attending;
    else if (!no && value) a.dietary = value.replace(/\.$/, '');
  }

  // «Kristin: kommer, …» on its own line is one person's answer: never joined to the next.
  const lines = body.map((l) => (PERSON_LINE.test(l) ? `\n${l}\n` : l));
  for (const sentence of sentences(lines.join('\n'))) {
    // «Kan vi sende en annen i stedet?» asks; it does not answer.
    if (/\?\s*$/.test(sentence)) continue;
    // `(?<!\s)`: white space before «men» is matched from where it starts, not again from
    // each space of a long run (quadratic).
    // Also before a new subject: «Ivar treng rom, eg bur i Bergen og treng ikkje rom».
    const clauses = sentence
      .split(/,\s*(?=(?:men|mens|og|samt|jeg|eg|han|hun|ho)\s)|;\s*|\s[–—]\s|(?<!\s)\s+(?=men\s)/i)
      .flatMap((c) => c.split(NEW_PERSON));
    for (const rawClause of clauses) {
      const clause = rawClause.trim();
      if (!clause) continue;
      const isSub = SUBSTITUTE.test(clause);
      let names = namesIn(clause);
      if (isSub) {
        // «I stedet kommer rådgiver Per Olsen (…)», «Per Olsen kommer i stedet for Ola Hansen».
        const replacedMatch = REPLACED_AFTER.exec(clause);
        let replaced = lastAbsent;
        let subSource = clause;
        if (replacedMatch) {
          // «I stedet for Torill kommer Liv Hagen»: the one replaced is the name right after
          // «i stedet for»; the one who comes is before it, or after that name.
          const after = clause.slice(replacedMatch.index + replacedMatch[0].length);
          const lead = LEAD_NAME.exec(after);
          replaced = lead ? lead[1] : (namesIn(after)[0] ?? null);
          const before = clause.slice(0, replacedMatch.index);
          subSource =
            namesIn(before).length || findEmails(before).length
              ? before
              : after.slice(lead ? lead[0].length : 0);
        }
        const sub = substitutePerson(subSource, replaced);
        const target = get(replaced);
        if (target.attending === null) target.attending = false;
        if (sub) target.substitute = sub;
        lastSubjects = sub ? [sub.name] : lastSubjects;
        continue;
      }
      let subjects: (string | null)[];
      // «Per og jeg», «verken Geir eller jeg»: the sender is one of them.
      if (names.length && senderName && SELF.test(clause) && !names.includes(senderName))
        names = [...names, senderName];
      if (names.length) subjects = names;
      else if (GROUP.test(clause)) subjects = [null];
      else if (SELF.test(clause)) subjects = [senderName];
      else subjects = lastSubjects.length ? lastSubjects : [null];
      const guessed =
        !names.length && !lastSubjects.length && subjects[0] === null && !GROUP.test(clause);
      names = [];

      const notComing = NOT_COMING.test(clause) || NOBODY_COMES.test(clause);
      // «Vi kommer nok, men det er ikke avklart»: not an answer yet.
      const coming =
        !notComing &&
        COMING.test(clause) &&
        !LATER_GATHERING.test(clause) &&
        !HEDGED.test(sentence);
      if (guessed && (notComing || coming) && !NOBODY_COMES.test(clause)) unattributed = true;
      const overnight = OVERNIGHT_NO.test(clause) ? false : OVERNIGHT.test(clause) ? true : null;
      const dinner = DINNER_NO.test(clause) ? false : DINNER.test(clause) ? true : null;
      const dietary = dietaryOf(clause);
      if (!notComing && !coming && overnight === null && dinner === null && !dietary) continue;
      for (const s of subjects) {
        const a = get(s);
        const said = notComing ? false : coming ? true : null;
        // Said both ways in one answer: keep both, so the reading is seen to contradict itself.
        if (said !== null && a.attending !== null && a.attending !== said)
          answers.push({ ...blank(s), attending: said });
        else if (said !== null) a.attending = said;
        if (overnight !== null) a.overnight = overnight;
        if (dinner !== null) a.dinner = dinner;
        if (dietary) a.dietary = a.dietary ? `${a.dietary}, ${dietary}` : dietary;
        if (notComing && s) lastAbsent = s;
      }
      lastSubjects = subjects;
    }
  }
  const meaningful = answers.filter(
    (a) =>
      a.attending !== null ||
      a.overnight !== null ||
      a.dinner !== null ||
      a.dietary !== null ||
      a.substitute !== null,
  );
  if (!meaningful.length) return { answers: null, unattributed: false };
  // «Vi kommer begge, med overnatting» says it for everyone: let the named inherit it.
  const group = meaningful.find((a) => a.key === null);
  if (group) {
    for (const a of meaningful) {
      if (a === group) continue;
      if (a.attending === null && group.attending !== null && !a.substitute)
        a.attending = group.attending;
      if (a.overnight === null && group.overnight !== null && a.attending !== false)
        a.overnight = group.overnight;
      if (a.dinner === null && group.dinner !== null && a.attending !== false)
        a.dinner = group.dinner;
    }
  }
  return {
    answers: meaningful.map((a) => ({
      participant: a.participant,
      attending: a.attending,
      overnight: a.overnight,
      dinner: a.dinner,
      dietary: a.dietary,
      substitute: a.substitute,
    })),
    unattributed,
  };
}

/** Whether a text talks about coming to a gathering (overnight, dinner, diet, substitutes). */
export function attendanceCue(text: string): boolean {
  return (
    OVERNIGHT.test(text) ||
    DINNER.test(text) ||
    SUBSTITUTE.test(text) ||
    /\b(?:samling(?:a|en)?|samlinga)\b/i.test(text) ||
    [...text.matchAll(DIETARY)].length > 0
  );
}
