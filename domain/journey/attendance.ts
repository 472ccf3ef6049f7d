// Who comes to a gathering, who stays the night, who eats what: applying the answers
// participants give (in any order, for themselves or for everyone, with substitutes).
import type { AttendanceAnswer, Instant, Participant } from '../types';
import { sameParticipant } from './registration';

export interface AttendanceRecord {
  /** Email when known, else the name: stable across answers. */
  key: string;
  name: string;
  attending: boolean | null;
  overnight: boolean | null;
  dinner: boolean | null;
  dietary: string | null;
  answeredAt: Instant | null;
}

export interface Substitution {
  out: Participant;
  in: Participant;
}

export const participantKey = (p: Participant) => (p.email ?? p.name).toLowerCase().trim();

export function emptyAttendance(participants: Participant[]): AttendanceRecord[] {
  return participants.map((p) => ({
    key: participantKey(p),
    name: p.name,
    attending: null,
    overnight: null,
    dinner: null,
    dietary: null,
    answeredAt: null,
  }));
}

const simplify = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The participant an answer speaks of: by email, by full name, or by a unique first name. */
export function findParticipant(participants: Participant[], who: string): Participant | null {
  const w = simplify(who);
  const exact = participants.find(
    (p) => (p.email && simplify(p.email) === w) || simplify(p.name) === w,
  );
  if (exact) return exact;
  const byFirst = participants.filter((p) => simplify(p.name).split(' ')[0] === w.split(' ')[0]);
  return byFirst.length === 1 ? byFirst[0] : null;
}

export interface AttendanceUpdate {
  participants: Participant[];
  records: AttendanceRecord[];
  substitutions: Substitution[];
  /** Answers naming nobody we know: for the coordinator. */
  unmatched: string[];
}

export function applyAttendance(
  participants: Participant[],
  records: AttendanceRecord[],
  answers: AttendanceAnswer[],
  at: Instant,
): AttendanceUpdate {
  let people = participants.map((p) => ({ ...p }));
  let rows = records.map((r) => ({ ...r }));
  const substitutions: Substitution[] = [];
  const unmatched: string[] = [];

  const ensureRow = (p: Participant) => {
    let row = rows.find((r) => r.key === participantKey(p));
    if (!row) {
      row = { ...emptyAttendance([p])[0] };
      rows.push(row);
    }
    return row;
  };

  for (const answer of answers) {
    const targets =
      answer.participant === null ? people : [findParticipant(people, answer.participant)];
    if (targets.length === 1 && targets[0] === null) {
      if (answer.substitute) {
        people.push({ ...answer.substitute });
        setAnswer(
          ensureRow(answer.substitute),
          { ...answer, attending: answer.attending ?? true },
          at,
        );
      } else {
        unmatched.push(answer.participant ?? '');
      }
      continue;
    }
    for (const target of targets as Participant[]) {
      if (answer.substitute && !sameParticipant(target, answer.substitute)) {
        substitutions.push({ out: target, in: answer.substitute });
        people = people.map((p) => (p === target ? { ...answer.substitute! } : p));
        rows = rows.filter((r) => r.key !== participantKey(target));
        setAnswer(ensureRow(answer.substitute), { ...answer, attending: true }, at);
      } else {
        setAnswer(ensureRow(target), answer, at);
      }
    }
  }
  return { participants: people, records: rows, substitutions, unmatched };
}

function setAnswer(row: AttendanceRecord, answer: AttendanceAnswer, at: Instant) {
  if (answer.attending !== null) row.attending = answer.attending;
  if (answer.overnight !== null) row.overnight = answer.overnight;
  if (answer.dinner !== null) row.dinner = answer.dinner;
  if (answer.dietary !== null) row.dietary = answer.dietary;
  if (row.attending === false) {
    row.overnight = false;
    row.dinner = false;
  }
  row.answeredAt = at;
}

/** Everyone has said whether they come. */
export const allAnswered = (records: AttendanceRecord[]) =>
  records.length > 0 && records.every((r) => r.attending !== null);
