// Turns the validated file into the Campaign the workflows run on: wall-clock Oslo times become
// instants, durations become milliseconds, venue ids become venues. Assumes file-format and rules
// have passed; anything still wrong here is a bug, and the time helpers will throw.

import type { Campaign, Gathering, Network, Venue } from '../types';
import { addDays, endOfOsloDay, isLocalDate, monthOf, osloInstant, parseDuration } from '../time';
// Values from defaults.ts, only types from file-format.ts: it holds the zod schemas, which must
// stay out of the workflow bundle.
import { DEFAULT_GATHERING_TIMES, splitLocalDateTime } from './defaults';
import type {
  CampaignFile,
  GatheringFile,
  NetworkFile,
  ScheduleFile,
  VenueFile,
} from './file-format';

export function resolveVenue(venue: VenueFile): Venue {
  return { id: venue.id, name: venue.name, address: venue.address, lat: venue.lat, lon: venue.lon };
}

/** A gathering's instants, when its exact date is known; lunch to lunch ends on day two. */
export function gatheringTimes(
  gathering: Pick<GatheringFile, 'date' | 'lunchToLunch' | 'starts' | 'ends'>,
): { startsAt: string; endsAt: string } | null {
  if (!isLocalDate(gathering.date)) return null;
  const defaults = gathering.lunchToLunch
    ? DEFAULT_GATHERING_TIMES.lunchToLunch
    : DEFAULT_GATHERING_TIMES.oneDay;
  const lastDay = gathering.lunchToLunch ? addDays(gathering.date, 1) : gathering.date;
  return {
    startsAt: osloInstant(gathering.date, gathering.starts ?? defaults.starts),
    endsAt: osloInstant(lastDay, gathering.ends ?? defaults.ends),
  };
}

export function gatheringMonth(date: string): string {
  return isLocalDate(date) ? monthOf(date) : date;
}

export function resolveGathering(
  gathering: GatheringFile,
  index: number,
  venues: ReadonlyMap<string, Venue>,
): Gathering {
  const times = gatheringTimes(gathering);
  return {
    number: (index + 1) as Gathering['number'],
    month: gatheringMonth(gathering.date),
    date: isLocalDate(gathering.date) ? gathering.date : null,
    startsAt: times?.startsAt ?? null,
    endsAt: times?.endsAt ?? null,
    lunchToLunch: gathering.lunchToLunch,
    venue: gathering.venue === null ? null : (venues.get(gathering.venue) ?? null),
  };
}

export function resolveNetwork(network: NetworkFile, venues: ReadonlyMap<string, Venue>): Network {
  return {
    id: network.id,
    capacity: { min: network.capacity.min, max: network.capacity.max },
    gatherings: network.gatherings.map((g, i) => resolveGathering(g, i, venues)),
  };
}

export function invitationInstant(schedule: Pick<ScheduleFile, 'invitation'>): string {
  const local = splitLocalDateTime(schedule.invitation);
  if (!local) throw new Error(`unvalidated invitation time ${schedule.invitation}`);
  return osloInstant(local.date, local.time);
}

export function resolveSchedule(schedule: ScheduleFile): Campaign['schedule'] {
  return {
    invitationAt: invitationInstant(schedule),
    registrationDeadline: endOfOsloDay(schedule.registrationDeadline),
    // Earliest reminder first: the order the journey sends them in.
    registrationReminders: [...new Set(schedule.registrationReminders.map(parseDuration))].sort(
      (a, b) => b - a,
    ),
    attendanceRequestBefore: parseDuration(schedule.attendanceRequestBefore),
    attendanceReminderBefore: parseDuration(schedule.attendanceReminderBefore),
    practicalInfoBefore: parseDuration(schedule.practicalInfoBefore),
    followUpAfter: parseDuration(schedule.followUpAfter),
    followUpReminderAfter: parseDuration(schedule.followUpReminderAfter),
    statusRequestBefore: parseDuration(schedule.statusRequestBefore),
    lessonsRequestAfter: parseDuration(schedule.lessonsRequestAfter),
    lessonsReminderAfter: parseDuration(schedule.lessonsReminderAfter),
    lessonsCloseAfter: parseDuration(schedule.lessonsCloseAfter),
  };
}

export function resolveCampaign(file: CampaignFile): Campaign {
  const venues = file.venues.map(resolveVenue);
  const venuesById = new Map(venues.map((v) => [v.id, v]));
  const schedule = resolveSchedule(file.schedule);
  return {
    id: file.id,
    title: file.title,
    project: file.project,
    supportedBy: file.supportedBy,
    sender: { name: file.sender.name, address: file.sender.address },
    replyTo: file.replyTo,
    contact: { ...file.contact },
    schedule,
    participantsPerMunicipality: { ...file.participantsPerMunicipality },
    networks: file.networks.map((n) => resolveNetwork(n, venuesById)),
    venues,
    handbook: { ...file.handbook },
    // Production runs on the real calendar; compressCampaign/shiftCampaign change only this.
    clock: { origin: schedule.invitationAt, start: schedule.invitationAt, factor: 1 },
  };
}
