// What a simulated municipality does with each mail the journey sends it, by the step in its
// X-Nettverk-Step header: the invitation and the gathering mail have files of their own; the
// reminders, the request for more and the closing mail are answered here.
import { toCampaignTime, toRealTime } from '../../domain/campaign/clock';
import { instantMs } from '../../domain/time';
import type { ParsedMime } from '../../mail/incoming/mime';
import type { Original } from './clients';
import { answerAttendance, answerLessons, answerStatus } from './gathering-answers';
import { answerInvitation, register } from './invitation-answers';
import type { Arrived } from './mailbox';
import { ignorer, type Municipal, type Reactor } from './municipal';
import { LATE_AFTER_DAYS, clampOnTime, plusDays, reminderReplyDays } from './timing';
import type { Person } from './types';

/** The steps some persona answers; everything else is skipped unread. */
export const ANSWERED =
  /^(?:invitation|registration-reminder-\d+|registration-incomplete-\d+|no-response-closing-\d+|g[123]-(?:attendance-request|status-request|lessons-request|lessons-reminder)-\d+)$/;

export function react(
  r: Reactor,
  m: Municipal,
  person: Person | null,
  step: string,
  mime: ParsedMime,
  original: Original,
  arrived: Arrived,
): void {
  const { campaign } = r;
  const clock = campaign.clock;
  const parsed = /^(?:g([123])-)?(.+?)(?:-(\d+))?$/.exec(step);
  const gathering = parsed?.[1] ? (Number(parsed[1]) as 1 | 2 | 3) : null;
  const template = step === 'invitation' ? 'invitation' : (parsed?.[2] ?? step);
  const p = m.plan;
  const received = r.now();
  const ignore = ignorer(r, m, original);

  switch (template) {
    case 'invitation':
      return answerInvitation(r, m, person, original, arrived);

    case 'registration-reminder':
      if (p.persona === 'reminder-then-register' && !m.registering && !person) {
        register(
          r,
          m,
          clampOnTime(campaign, plusDays(received, reminderReplyDays(p))),
          original,
          'after-reminder',
          `registered after the reminder (${p.participants.length} participants)`,
        );
        return;
      }
      return ignore('reminder');

    case 'registration-incomplete':
      if (
        p.persona === 'incomplete-then-complete' &&
        person?.email === p.contact.email &&
        !m.registering
      ) {
        register(
          r,
          m,
          clampOnTime(campaign, plusDays(received, p.followUpAfterDays)),
          original,
          'incomplete-rest',
          `completed the registration (${p.participants.length} participants, anchored)`,
        );
        return;
      }
      return ignore('request for more');

    case 'no-response-closing':
      if (p.persona === 'late' && !m.registering) {
        m.registering = true;
        const deadlineReal = toRealTime(clock, campaign.schedule.registrationDeadline);
        // The inbox dates a reply by the server's arrival time, to the second: keep clear of it.
        const earliest = toCampaignTime(clock, deadlineReal + 2000);
        const planned = plusDays(received, LATE_AFTER_DAYS);
        const at = instantMs(planned) > instantMs(earliest) ? planned : earliest;
        r.cancelFallback(m);
        r.schedule(
          m,
          at,
          'registration',
          r.compose(m, { kind: 'registration', variant: 'late' }, original),
          () => {
            r.log(m, `registered late (${p.participants.length} participants)`);
            r.watchParticipants(m);
            r.postmottakDone(m);
          },
        );
        return;
      }
      return ignore('closing mail');

    case 'attendance-request':
      return answerAttendance(r, m, person, gathering ?? 1, mime, original, received);

    case 'status-request':
      return answerStatus(r, m, person, gathering, original, received);

    case 'lessons-request':
    case 'lessons-reminder':
      return answerLessons(r, m, person, template, original, received);

    default:
      return ignore('nothing to answer');
  }
}
