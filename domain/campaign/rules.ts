// Rules that span several fields of the campaign file. Each section is parsed on its own, so a
// mistake in one network's venue does not hide an ordering mistake in another: the coordinator
// sees every problem in one run.

import { checkInNorway } from '../roster/fields';
import { controlCharacterIn } from '../text-file';
import { instantMs, osloWallClock, parseDuration } from '../time';
import type { FieldPath } from './errors';
import {
  GatheringSchema,
  NetworkSchema,
  ScheduleSchema,
  VENUE_ID,
  type GatheringFile,
  type ScheduleFile,
} from './file-format';
import { gatheringMonth, gatheringTimes, resolveSchedule } from './resolve';

export interface RuleViolation {
  path: FieldPath;
  message: string;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function local(instant: string): string {
  const { date, time } = osloWallClock(instant);
  return `${date} ${time}`;
}

export function checkCampaignRules(raw: unknown): RuleViolation[] {
  const root = isFields(raw) ? raw : {};
  const parsedSchedule = ScheduleSchema.safeParse(root.schedule);
  const schedule = parsedSchedule.success ? parsedSchedule.data : null;
  return [
    ...(schedule ? scheduleRules(schedule) : []),
    ...uniqueIds(listAt(root.networks), 'networks', 'network'),
    ...uniqueIds(listAt(root.venues), 'venues', 'venue'),
    ...listAt(root.venues).flatMap(venueLocation),
    ...controlCharacters(raw, []),
    ...listAt(root.networks).flatMap((network, index) =>
      gatheringRules(network, index, schedule, venueIds(root.venues)),
    ),
  ];
}

function scheduleRules(schedule: ScheduleFile): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const { invitationAt, registrationDeadline } = resolveSchedule(schedule);
  const open = instantMs(registrationDeadline) - instantMs(invitationAt);
  if (open <= 0) {
    violations.push({
      path: ['schedule', 'registrationDeadline'],
      message: `${schedule.registrationDeadline} is not after the invitation (${schedule.invitation})`,
    });
    return violations;
  }
  const seen = new Set<number>();
  schedule.registrationReminders.forEach((reminder, index) => {
    const path = ['schedule', 'registrationReminders', index];
    const ms = parseDuration(reminder);
    if (seen.has(ms)) violations.push({ path, message: `${reminder} is listed twice` });
    seen.add(ms);
    if (ms === 0 || ms >= open) {
      violations.push({
        path,
        message:
          ms === 0
            ? 'a reminder 0 minutes before the deadline comes too late to act on'
            : `${reminder} before the deadline is not after the invitation goes out (${schedule.invitation})`,
      });
    }
  });
  return violations;
}

function uniqueIds(items: unknown[], section: string, what: string): RuleViolation[] {
  const firstIndex = new Map<string, number>();
  const violations: RuleViolation[] = [];
  items.forEach((item, index) => {
    const id = isFields(item) && typeof item.id === 'string' ? item.id.trim() : null;
    if (id === null || id === '') return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else {
      violations.push({
        path: [section, index, 'id'],
        message: `${what} "${id}" is already defined at ${section}[${first}]`,
      });
    }
  });
  return violations;
}

// Ids as written, even for venues that fail their own checks: a bad latitude should not also
// make every gathering that names the venue an «unknown venue».
function venueIds(venues: unknown): string[] {
  return listAt(venues)
    .map((v) => (isFields(v) && typeof v.id === 'string' ? v.id.trim() : null))
    .filter((id): id is string => id !== null && id !== '');
}

function gatheringRules(
  network: unknown,
  networkIndex: number,
  schedule: ScheduleFile | null,
  venues: string[],
): RuleViolation[] {
  if (!isFields(network)) return [];
  const id = NetworkSchema.shape.id.safeParse(network.id);
  const name = id.success ? `network ${id.data}` : `networks[${networkIndex}]`;
  const gatherings = listAt(network.gatherings).map((g) => {
    const parsed = GatheringSchema.safeParse(g);
    return parsed.success ? parsed.data : null;
  });
  const violations: RuleViolation[] = [];
  const at = (index: number, field: string): FieldPath => [
    'networks',
    networkIndex,
    'gatherings',
    index,
    field,
  ];

  // Read as written, so the reference is checked even when another field of the gathering is wrong.
  listAt(network.gatherings).forEach((gathering, index) => {
    const venue = isFields(gathering) ? gathering.venue : null;
    if (
      typeof venue === 'string' &&
      VENUE_ID.test(venue.trim()) &&
      !venues.includes(venue.trim())
    ) {
      violations.push({
        path: at(index, 'venue'),
        message: `"${venue.trim()}" is not one of the candidate venues (${venues.join(', ') || 'none listed'})`,
      });
    }
  });

  for (let index = 1; index < gatherings.length; index++) {
    const [previous, current] = [gatherings[index - 1], gatherings[index]];
    if (!previous || !current) continue;
    const problem = orderProblem(previous, current, index);
    if (problem) violations.push({ path: at(index, 'date'), message: problem });
  }

  const first = gatherings[0];
  if (first && schedule) {
    const problem = afterDeadlineProblem(first, schedule, name);
    if (problem) violations.push({ path: at(0, 'date'), message: problem });
  }
  return violations;
}

/** Gatherings are listed in the order they happen; the second cannot start before the first ends. */
function orderProblem(previous: GatheringFile, current: GatheringFile, index: number) {
  const [before, after] = [gatheringMonth(previous.date), gatheringMonth(current.date)];
  if (after < before) {
    return `${current.date} is before gathering ${index} (${previous.date}): list gatherings in the order they take place`;
  }
  const [previousTimes, currentTimes] = [gatheringTimes(previous), gatheringTimes(current)];
  if (
    previousTimes &&
    currentTimes &&
    instantMs(currentTimes.startsAt) < instantMs(previousTimes.endsAt)
  ) {
    return `gathering ${index + 1} starts (${local(currentTimes.startsAt)}) before gathering ${index} ends (${local(previousTimes.endsAt)})`;
  }
  return null;
}

/** Networks are put together after the deadline, so no gathering can come before it. */
function afterDeadlineProblem(first: GatheringFile, schedule: ScheduleFile, network: string) {
  const deadlineMonth = schedule.registrationDeadline.slice(0, 7);
  const times = gatheringTimes(first);
  const tooEarly = times
    ? instantMs(times.startsAt) <= instantMs(resolveSchedule(schedule).registrationDeadline)
    : gatheringMonth(first.date) < deadlineMonth;
  if (!tooEarly) return null;
  return `the first gathering of ${network} (${first.date}) is not after the registration deadline (${schedule.registrationDeadline})`;
}

// Mainland Norway or Svalbard: a gathering in Longyearbyen is conceivable, one at 48.85, 2.35
// is a Paris address pasted in, or latitude and longitude swapped. Only checked when both are
// numbers in range; the format reports anything else.
function venueLocation(venue: unknown, index: number): RuleViolation[] {
  if (!isFields(venue)) return [];
  const { lat, lon } = venue;
  if (typeof lat !== 'number' || typeof lon !== 'number') return [];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return [];
  const outside = checkInNorway(lat, lon, { svalbard: true });
  return outside ? [{ path: ['venues', index, 'lat'], message: outside }] : [];
}

/** Every text value in the file, wherever it is: a control character in it is refused. */
function controlCharacters(value: unknown, path: (string | number)[]): RuleViolation[] {
  if (typeof value === 'string') {
    const found = controlCharacterIn(value);
    return found ? [{ path, message: found }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacters(v, [...path, i]));
  if (isFields(value)) {
    return Object.entries(value).flatMap(([k, v]) => controlCharacters(v, [...path, k]));
  }
  return [];
}
