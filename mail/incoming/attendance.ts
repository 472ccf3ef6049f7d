// Attendance answers before a gathering: who comes and who does not, overnight stay
// («overnatting»), dinner («middag»), dietary needs («allergi», «vegetar», «glutenfri»,
// «laktoseintolerant»), and substitutes («i stedet kommer rådgiver Per Olsen (…)»).
import type { AttendanceAnswer, Participant } from '../../domain/types';
import { attendanceFromTable } from './attendance-table';
import { participantsFromProse, parseListLine } from './participants';
import { EMAIL_RE_G, findEmails, findPhone } from './contact-details';
import { NAME_SOURCE, TITLE_SOURCE, isPersonName } from './names';
import { sentences, uni } from './text-utils';
import {
  NOT_COMING,
  NOBODY_COMES,
  LATER_GATHERING,
  COMING,
  OVERNIGHT,
  OVERNIGHT_NO,
  DINNER,
  DINNER_NO,
  DIETARY,
  SUBSTITUTE,
  REPLACED_AFTER,
  GROUP,
  HEDGED,
  NEW_PERSON,
  PERSON_LINE,
  LEAD_NAME,
  SELF,
  SELF_EN,
  UNDECIDED,
  DECLINES_IT,
  NOT_A_NAME_START,
  VERB_FIRST,
  WITH_ME,
  ON_BEHALF,
  EXCEPT,
} from './attendance-cues';

interface Answer extends AttendanceAnswer {
  key: string | null;
  /** «Vet ikke ennå om han kan»: answered for, but not yet decided. */
  undecided?: boolean;
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
    const words = m[0].replace(NOT_A_NAME_START, '').split(/\s+/);
    while (words.length > 2 && !isPersonName(words.join(' '))) words.shift();
    const n = words.join(' ');
    if (isPersonName(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

function substitutePeople(clause: string, exclude: string | null): Participant[] {
  // Prose reading needs a verb of coming; a substitute clause always has one in spirit.
  const prose = participantsFromProse(`kommer ${clause}`).filter((p) => p.name !== exclude);
  if (prose.length) return prose;
  const one = substitutePerson(clause, exclude);
  return one ? [one] : [];
}

function substitutePerson(clause: string, exclude: string | null): Participant | null {
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
  // Substitutes named in the answer join them: «Ola kommer i stedet for Kari. Ola trenger rom».
  const people = [...known];
  const namesIn = (clause: string) => namesWithKnown(clause, people);
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
  const absent: string[] = [];

  // A table, one row per person: read by its columns, and not again as prose.
  const allLines = text.split('\n');
  const table = attendanceFromTable(allLines);
  for (const row of table?.answers ?? []) Object.assign(get(row.participant), row);

  // Form lines: «Overnatting: ja», «Middag: nei», «Allergier: gluten».
  const body: string[] = [];
  for (const [index, line] of allLines.entries()) {
    if (table?.rows.has(index)) continue;
    const m =
      /^\s*(overnatting|middag|allergi(?:er|ar)?|matallergi(?:er|ar)?|kosthold|diett|spesielle behov|deltar|deltek|kommer|kjem)\s*:\s*(.*)$/i.exec(
        line,
      );
    // «Namn: Oddny Loen» opens one person's form lines.
    const named = /^\s*(?:navn|namn|name|deltaker|deltakar)\s*:\s*(.+?)\s*$/i.exec(line);
    if (named && namesIn(named[1]).length) {
      lastSubjects = [namesIn(named[1])[0]];
      continue;
    }
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
    else if (field === 'deltar' || field === 'deltek' || field === 'kommer' || field === 'kjem')
      a.attending = yes ? true : no ? false : a.attending;
    else if (!no && value) a.dietary = value.replace(/\.$/, '');
  }

  // «Kristin: kommer, …» on its own line is one person's answer: never joined to the next.
  const lines = body.map((l) => (PERSON_LINE.test(l) ? `\n${l}\n` : l));
  for (const sentence of sentences(lines.join('\n'))) {
    let topic: 'dinner' | 'overnight' | null = null;
    // «Kan vi sende en annen i stedet?» asks; it does not answer.
    if (/\?\s*$/.test(sentence)) continue;
    // `(?<!\s)`: white space before «men» is matched from where it starts, not again from
    // each space of a long run (quadratic).
    // Also before a new subject: «Ivar treng rom, eg bur i Bergen og treng ikkje rom».
    const clauses = sentence
      .split(
        /,\s*(?=(?:men|mens|og|samt|jeg|eg|han|hun|ho|but|and|I (?:will|am|need|have|can|cannot|would|won't|shall|must|also))\s)|;\s*|\s[–—-]\s|(?<!\s)\s+(?=men\s)/i,
      )
      .flatMap((c) => c.split(NEW_PERSON))
      // «Glutenfritt til Marta, laktosefritt til meg»: a diet each.
      .flatMap((c) => {
        const parts = c.split(/,\s*/);
        return parts.length > 1 && parts.every((x) => dietaryOf(x)) ? parts : [c];
      });
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
        // «Verken Geir eller jeg … Vi sender i stedet A og B»: one each, in the order named.
        const subs = substitutePeople(subSource, replaced);
        const stoodDown = replacedMatch
          ? [replaced]
          : [replaced, ...absent.filter((n) => n !== replaced)];
        subs.forEach((sub, i) => {
          const target = get(stoodDown[i] ?? null);
          if (target.attending === null) target.attending = false;
          if (!target.substitute) target.substitute = sub;
          if (!people.includes(sub.name)) people.push(sub.name);
        });
        if (!subs.length && replaced) {
          const target = get(replaced);
          if (target.attending === null) target.attending = false;
        }
        lastSubjects = subs.length ? subs.map((p) => p.name) : lastSubjects;
        continue;
      }
      let subjects: (string | null)[];
      // «Per og jeg», «verken Geir eller jeg»: the sender is one of them.
      // «Jeg skriver på vegne av Vidar»: the sender only writes; Vidar is who it is about.
      const self = (SELF.test(clause) || SELF_EN.test(clause)) && !ON_BEHALF.test(clause);
      if (names.length && senderName && self && !names.includes(senderName))
        names = [...names, senderName];
      const explicit = names.length > 0 || GROUP.test(clause) || self;
      if (names.length) subjects = names;
      else if (GROUP.test(clause)) subjects = [null];
      else if (self) subjects = [senderName];
      else if (lastSubjects.length) subjects = lastSubjects;
      // «Kommer. Trenger rom.» signed «Ola»: a reply without a subject speaks for its sender.
      else subjects = [senderName && VERB_FIRST.test(clause) ? senderName : null];
      const guessed = !explicit && !lastSubjects.length && subjects[0] === null;
      // What the next clause continues: the subject, not who does it «saman med meg».
      const continuing = subjects;
      if (WITH_ME.test(clause) && senderName && !subjects.includes(senderName))
        subjects = [...subjects, senderName];
      names = [];

      const notComing = NOT_COMING.test(clause) || NOBODY_COMES.test(clause);
      // «Vi kommer nok, men det er ikke avklart»: not an answer yet.
      const coming =
        !notComing &&
        COMING.test(clause) &&
        !LATER_GATHERING.test(clause) &&
        !HEDGED.test(sentence);
      if (guessed && (notComing || coming) && !NOBODY_COMES.test(clause)) unattributed = true;
      let overnight = OVERNIGHT_NO.test(clause) ? false : OVERNIGHT.test(clause) ? true : null;
      let dinner = DINNER_NO.test(clause) ? false : DINNER.test(clause) ? true : null;
      // «Jeg blir med på middagen, Siri må stå over den»: «den» is the dinner just named.
      if (DECLINES_IT.test(clause)) {
        if (topic === 'dinner' && dinner === null) dinner = false;
        else if (topic === 'overnight' && overnight === null) overnight = false;
      }
      if (dinner !== null) topic = 'dinner';
      else if (overnight !== null) topic = 'overnight';
      const dietary = dietaryOf(clause);
      const undecided =
        !notComing &&
        !coming &&
        explicit &&
        (UNDECIDED.test(clause) || (COMING.test(clause) && HEDGED.test(sentence)));
      if (
        !notComing &&
        !coming &&
        overnight === null &&
        dinner === null &&
        !dietary &&
        !undecided
      ) {
        // «Jeg bor i Oslo, men overnatter likevel»: who the next clause is about.
        if (explicit) lastSubjects = continuing;
        continue;
      }
      // «Middag for alle unntatt Berit»: the group gets it, the named the other way.
      const except = EXCEPT.exec(clause);
      const excluded = except ? namesIn(clause.slice(except.index)) : [];
      if (excluded.length) {
        subjects = [null];
        for (const x of excluded) {
          const a = get(x);
          if (overnight !== null) a.overnight = !overnight;
          if (dinner !== null) a.dinner = !dinner;
        }
      }
      for (const s of subjects) {
        const a = get(s);
        if (undecided) a.undecided = true;
        const said = notComing ? false : coming ? true : null;
        // Said both ways in one answer: keep both, so the reading is seen to contradict itself.
        if (said !== null && a.attending !== null && a.attending !== said)
          answers.push({ ...blank(s), attending: said });
        else if (said !== null) a.attending = said;
        if (overnight !== null) a.overnight = overnight;
        if (dinner !== null) a.dinner = dinner;
        if (dietary) a.dietary = a.dietary ? `${a.dietary}, ${dietary}` : dietary;
        if (notComing && s) {
          lastAbsent = s;
          if (!absent.includes(s)) absent.push(s);
        }
      }
      lastSubjects = continuing;
    }
  }
  const meaningful = answers.filter(
    (a) =>
      a.attending !== null ||
      a.overnight !== null ||
      a.dinner !== null ||
      a.dietary !== null ||
      a.substitute !== null ||
      a.undecided,
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
