// How the registered municipalities answer between gatherings: attendance (for everyone or
// each for themself, with a substitute where planned), status reports before the next
// gathering, and lessons learned, each in time for when it matters or not at all.
import { osloInstant } from '../../domain/time';
import type { Instant } from '../../domain/types';
import type { MimePart, ParsedMime } from '../../mail/incoming/mime';
import type { Original } from './clients';
import { ignorer, once, responderFor, type Municipal, type Reactor } from './municipal';
import { ATTENDANCE_WINDOW, STATUS_WINDOW, beforeGathering, firstDateIn, plusDays } from './timing';
import type { Person } from './types';

export function answerAttendance(
  r: Reactor,
  m: Municipal,
  person: Person | null,
  gathering: 1 | 2 | 3,
  mime: ParsedMime,
  original: Original,
  received: Instant,
): void {
  const p = m.plan;
  if (!person || !m.current.some((q) => q.email === person.email)) return;
  const responder = p.attendanceMode === 'each' ? person : responderFor(m, original);
  if (!responder || responder.email !== person.email) return;
  if (p.attendanceMode === 'contact' && !once(m, original, 'attendance')) return;
  // Answer in time for the gathering, even when the request came late.
  const at = beforeGathering(
    received,
    p.replyDelayDays.attendance +
      (p.attendanceMode === 'each' ? m.current.indexOf(person) * 0.7 : 0),
    gatheringStart(mime),
    ATTENDANCE_WINDOW,
  );
  if (!at) {
    return ignorer(
      r,
      m,
      original,
    )(`attendance request for gathering ${gathering} came after it began`, true);
  }
  const situation = {
    gathering,
    lunchToLunch: /overnatting/i.test(original.text),
    current: m.current.map((q) => ({ ...q })),
  };
  r.schedule(
    m,
    at,
    'attendance',
    r.compose(m, { kind: 'attendance', responder, situation }, original),
    (reply) => {
      const sub = p.substitute;
      if (reply.substituted && sub) {
        const out = m.current.find((q) => q.email === sub.out);
        m.current = m.current.map((q) => (q.email === sub.out ? reply.substituted! : q));
        if (out && out.email !== m.current[0]?.email) r.unwatch(out.email);
        r.watchParticipants(m);
        r.log(m, `attendance for gathering ${gathering}, with a substitute`);
      } else
        r.log(
          m,
          `attendance for gathering ${gathering}${p.attendanceMode === 'each' ? ' (one participant)' : ''}`,
        );
    },
  );
}

export function answerStatus(
  r: Reactor,
  m: Municipal,
  person: Person | null,
  gathering: 1 | 2 | 3 | null,
  original: Original,
  received: Instant,
): void {
  const p = m.plan;
  const ignore = ignorer(r, m, original);
  const n = gathering === 2 ? 2 : 1;
  const responder = responderFor(m, original);
  if (!person || !responder || person.email !== responder.email) return;
  if (!p.status[n - 1]) return ignore(`status request ${n} left unanswered`, true);
  if (!once(m, original, 'status')) return;
  // The status is for the next gathering (its date is in the request): before it starts.
  const at = beforeGathering(
    received,
    p.replyDelayDays.status,
    firstDateIn(original.text),
    STATUS_WINDOW,
  );
  if (!at) return ignore(`status request ${n} came too close to the gathering to answer`, true);
  r.schedule(m, at, 'status', r.compose(m, { kind: 'status', n, responder }, original), () =>
    r.log(m, `status before gathering ${n + 1}`),
  );
}

export function answerLessons(
  r: Reactor,
  m: Municipal,
  person: Person | null,
  template: 'lessons-request' | 'lessons-reminder',
  original: Original,
  received: Instant,
): void {
  const p = m.plan;
  const ignore = ignorer(r, m, original);
  const responder = responderFor(m, original);
  if (!person || !responder || person.email !== responder.email) return;
  const wanted = template === 'lessons-request' ? 'answer' : 'after-reminder';
  if (p.lessons !== wanted) {
    return ignore(
      p.lessons === 'never' && template === 'lessons-reminder'
        ? 'lessons learned left unanswered'
        : 'lessons request put aside',
      p.lessons === 'never' && template === 'lessons-reminder',
    );
  }
  if (!once(m, original, 'lessons')) return;
  const days = template === 'lessons-request' ? p.replyDelayDays.lessons : 2;
  r.schedule(
    m,
    plusDays(received, days),
    'lessons',
    r.compose(m, { kind: 'lessons', responder }, original),
    () => r.log(m, 'lessons learned'),
  );
}

/** When the gathering starts, from the calendar invitation the request carries. */
export function gatheringStart(mime: ParsedMime): Instant | null {
  const parts: MimePart[] = [];
  const walk = (part: MimePart) => {
    parts.push(part);
    part.children.forEach(walk);
  };
  walk(mime.root);
  for (const part of parts) {
    if (part.contentType !== 'text/calendar' && !/\.ics$/i.test(part.filename ?? '')) continue;
    const ics = part.body.toString('utf8').replace(/\r?\n[ \t]/g, '');
    const event = ics.slice(Math.max(0, ics.indexOf('BEGIN:VEVENT')));
    const m =
      /^DTSTART(?:;TZID=[^:]*)?(?:;VALUE=DATE)?:(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2}))?/m.exec(
        event,
      );
    if (!m) continue;
    try {
      return osloInstant(`${m[1]}-${m[2]}-${m[3]}`, m[4] ? `${m[4]}:${m[5]}` : '00:00');
    } catch {
      return null;
    }
  }
  return null;
}
