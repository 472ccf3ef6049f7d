// When each persona answers, in campaign time, so that the simulator and its expectations
// agree: registrations well before the deadline (except the late ones), answers to requests a
// few days after them and before the gathering they are about.
import type { Campaign, Instant, LocalDate } from '../../domain/types';
import { DAY_MS, addDays, instantMs, osloDate, osloInstant, toInstant } from '../../domain/time';
import type { MunicipalityPlan } from './types';
import { MONTHS } from '../../mail/outgoing/dates';

export const plusDays = (at: Instant, days: number): Instant =>
  toInstant(instantMs(at) + days * DAY_MS);

/**
 * The latest an on-time registration is sent: five days before the deadline, so that a
 * system slowed by a burst of mail still has it before the proposal is made.
 */
export function lastOnTime(campaign: Campaign): Instant {
  return plusDays(campaign.schedule.registrationDeadline, -5);
}

export function clampOnTime(campaign: Campaign, at: Instant): Instant {
  const last = lastOnTime(campaign);
  return instantMs(at) > instantMs(last) ? last : at;
}

/** The Monday at least ten days after the invitation: when the out-of-office says «back». */
export function returnDate(invitationAt: Instant): LocalDate {
  let date = addDays(osloDate(invitationAt), 10);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== 1) date = addDays(date, 1);
  return date;
}

/** The first registration reminder (the earliest one). */
export function firstReminder(campaign: Campaign): Instant | null {
  const { registrationDeadline, registrationReminders } = campaign.schedule;
  if (!registrationReminders.length) return null;
  return toInstant(instantMs(registrationDeadline) - Math.max(...registrationReminders));
}

/**
 * When the registration that counts goes out (the one that makes the municipality
 * registered), measured from when the invitation was sent. Null: never registers on time.
 */
export function registrationAt(
  plan: MunicipalityPlan,
  campaign: Campaign,
  invitedAt: Instant,
): Instant | null {
  switch (plan.persona) {
    case 'decline':
    case 'silent':
    case 'bounce':
    case 'late':
      return null;
    case 'question-then-register':
      return clampOnTime(campaign, plusDays(invitedAt, plan.answerAfterDays + 6));
    case 'out-of-office-then-register':
      return clampOnTime(campaign, plusDays(`${returnDate(invitedAt)}T07:30:00.000Z`, 1));
    case 'reminder-then-register': {
      const reminder = firstReminder(campaign);
      return clampOnTime(
        campaign,
        reminder ? plusDays(reminder, reminderReplyDays(plan)) : reminderFallback(campaign),
      );
    }
    case 'incomplete-then-complete':
      return clampOnTime(
        campaign,
        plusDays(invitedAt, plan.answerAfterDays + plan.followUpAfterDays),
      );
    default:
      return clampOnTime(campaign, plusDays(invitedAt, plan.answerAfterDays));
  }
}

/** A reminder is answered within a day. */
export const reminderReplyDays = (plan: MunicipalityPlan): number =>
  Math.min(plan.followUpAfterDays, 1) / 2 + 0.25;

/** When a municipality waiting for a reminder that does not come registers all the same. */
export function reminderFallback(campaign: Campaign): Instant {
  return plusDays(lastOnTime(campaign), -0.5);
}

/** Days after the closing mail (sent at the deadline) a late registration goes out. */
export const LATE_AFTER_DAYS = 3;

/**
 * When to answer a request about a gathering that starts at `start`: after `days`, but at the
 * latest `latestBefore` days before it (at once when the request came later than that); null
 * when fewer than `skipWithin` days were left (too late to bother, or to be read in time).
 */
export function beforeGathering(
  received: Instant,
  days: number,
  start: Instant | null,
  { latestBefore, skipWithin }: { latestBefore: number; skipWithin: number },
): Instant | null {
  const planned = plusDays(received, days);
  if (!start) return planned;
  if (instantMs(received) > instantMs(start) - skipWithin * DAY_MS) return null;
  const latest = instantMs(start) - latestBefore * DAY_MS;
  return toInstant(Math.max(instantMs(received), Math.min(instantMs(planned), latest)));
}

/**
 * An attendance answer is recorded for the right gathering whenever it is read, so it may come
 * up to the day before; a status report read once the gathering has begun is not a report any
 * more, and a busy system reads mail days (in campaign time) after it arrives.
 */
export const ATTENDANCE_WINDOW = { latestBefore: 1, skipWithin: 0.25 };
export const STATUS_WINDOW = { latestBefore: 5, skipWithin: 5 };

/** The first date a mail names («17. oktober 2013»), as the start of that day in Oslo. */
export function firstDateIn(text: string): Instant | null {
  const m = new RegExp(`(\\d{1,2})\\.\\s+(${MONTHS.join('|')})\\s+(\\d{4})`, 'i').exec(text);
  if (!m) return null;
  const month = (MONTHS as readonly string[]).indexOf(m[2].toLowerCase()) + 1;
  return osloInstant(`${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`, '00:00');
}
