// Instants the journey waits for, computed from the campaign: pure arithmetic on
// ISO instants (deterministic inside workflows).
import type { Campaign, Gathering, Instant } from '../types';

export const plus = (t: Instant, ms: number): Instant => new Date(Date.parse(t) + ms).toISOString();
export const minus = (t: Instant, ms: number): Instant => plus(t, -ms);
export const isBefore = (a: Instant, b: Instant) => Date.parse(a) < Date.parse(b);
export const latest = (times: Instant[]): Instant =>
  times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));

/** The last day of a gathering's month, when only the month is known. */
function endOfMonth(month: string): Instant {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1) - 1).toISOString();
}

export const gatheringEnd = (g: Gathering): Instant => g.endsAt ?? endOfMonth(g.month);

/**
 * When the whole campaign is over: the last network's third gathering plus the lessons
 * collection. Journeys that declined or never answered stay open until then, so a late
 * reply still finds them.
 */
export function campaignHorizon(campaign: Campaign): Instant {
  const ends = campaign.networks.map((n) => gatheringEnd(n.gatherings[n.gatherings.length - 1]));
  return plus(
    latest(ends.length ? ends : [campaign.schedule.registrationDeadline]),
    campaign.schedule.lessonsCloseAfter,
  );
}

/** Registration reminders in the order they go out (the earliest first). */
export function reminderTimes(campaign: Campaign): Instant[] {
  const { registrationDeadline, registrationReminders } = campaign.schedule;
  return [...registrationReminders]
    .sort((a, b) => b - a)
    .map((offset) => minus(registrationDeadline, offset));
}

/**
 * When the networks are final: every network has held its first gathering (its month's
 * end when only the month is known). Whoever is still on the waiting list then hears that
 * there was no place this time.
 */
export function networksFinal(campaign: Campaign): Instant {
  const firsts = campaign.networks.map((n) => gatheringEnd(n.gatherings[0]));
  return latest(firsts.length ? firsts : [campaign.schedule.registrationDeadline]);
}
