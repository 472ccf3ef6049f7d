// An attendance answer read against the journey's own participants: «alle tre», «begge»,
// «jeg», «Kari» become the people they are. The journey does the same when it applies the
// answer (domain/journey/attendance.ts); here it lets the reader state the people it read,
// and lets a substitute be on the list as someone who comes.
import type { Address, AttendanceAnswer, Participant } from '../../domain/types';
import { findParticipant } from '../../domain/journey/attendance';

const same = (a: string | null, b: string | null) =>
  (a ?? '').toLowerCase().trim() === (b ?? '').toLowerCase().trim();

/** The answers with each person resolved to a known participant where one fits. */
export function resolveAttendance(
  answers: AttendanceAnswer[] | null,
  known: Participant[],
  sender: { name: string | null; from: Address },
): AttendanceAnswer[] | null {
  if (!answers || !known.length) return answers;
  const me = known.find((p) => p.email && same(p.email, sender.from.address)) ?? null;
  const whoIs = (name: string): string => {
    if (sender.name && same(name, sender.name) && me) return me.name;
    return findParticipant(known, name)?.name ?? name;
  };
  const named = answers.filter((a) => a.participant !== null);
  const explicit = new Set(named.map((a) => whoIs(a.participant!).toLowerCase()));
  // Who comes instead of someone is one of «vi» too: «I stedet kommer Liv. Vi kommer begge».
  const substitutes = answers
    .map((a) => a.substitute?.name)
    .filter((n): n is string => !!n && !explicit.has(n.toLowerCase()));
  const out: AttendanceAnswer[] = [];
  for (const a of answers) {
    if (a.participant !== null) {
      out.push({ ...a, participant: whoIs(a.participant) });
      continue;
    }
    // «Vi kommer alle tre»: everyone not answered for by name.
    const replaced = new Set(
      answers.filter((b) => b.substitute && b.participant).map((b) => whoIs(b.participant!)),
    );
    for (const name of [...known.map((p) => p.name), ...substitutes]) {
      if (explicit.has(name.toLowerCase()) || replaced.has(name)) continue;
      out.push({ ...a, participant: name, substitute: null });
    }
  }
  for (const a of [...out]) {
    const sub = a.substitute;
    if (!sub || out.some((b) => same(b.participant, sub.name))) continue;
    out.push({
      participant: sub.name,
      attending: true,
      overnight: null,
      dinner: null,
      dietary: null,
      substitute: null,
    });
  }
  // A room, a dinner or a diet asked for someone named says they come («Tor Inge trenger
  // rom»); not for «vi»/«begge», whose people the reader inferred.
  const byName = new Set(named.map((a) => whoIs(a.participant!)));
  const answered = merged(out).map((a) =>
    a.attending === null &&
    a.participant !== null &&
    byName.has(a.participant) &&
    (a.overnight === true || a.dinner === true || a.dietary)
      ? { ...a, attending: true }
      : a,
  );
  // «Marit vil ikke ha middag»: one who comes says no to dinner, so the others who come eat.
  const coming = answered.filter((a) => a.attending === true);
  if (coming.some((a) => a.dinner === false) && !coming.some((a) => a.dinner === true))
    for (const a of coming) if (a.dinner === null) a.dinner = true;
  return answered;
}

/** One answer per person: «Bjørn kan ikkje» and «i staden for Bjørn» are the same Bjørn. */
function merged(answers: AttendanceAnswer[]): AttendanceAnswer[] {
  const out: AttendanceAnswer[] = [];
  for (const a of answers) {
    const twin =
      a.participant !== null ? out.find((b) => same(b.participant, a.participant)) : null;
    if (
      !twin ||
      (twin.attending !== null && a.attending !== null && twin.attending !== a.attending)
    ) {
      out.push({ ...a });
      continue;
    }
    twin.attending ??= a.attending;
    twin.overnight ??= a.overnight;
    twin.dinner ??= a.dinner;
    twin.dietary ??= a.dietary;
    twin.substitute ??= a.substitute;
  }
  return out;
}
