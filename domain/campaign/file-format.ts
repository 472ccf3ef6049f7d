// The campaign file as the coordinator writes it (see campaigns/ks-ti-2013.yaml). Field checks and
// their wording live here; rules spanning several fields are in rules.ts. Messages complete the
// sentence `field.path: …`, name what was expected and quote what was found.

import { z } from 'zod';
import { isDuration, isClockTime, isLocalDate, isYearMonth } from '../time';
import { isEmailAddress } from '../roster/email';
import { DEFAULT_GATHERING_TIMES, DEFAULT_SCHEDULE_OFFSETS, splitLocalDateTime } from './defaults';

// Where they have always been imported from; workflow code imports them from defaults.ts.
export { DEFAULT_GATHERING_TIMES, DEFAULT_SCHEDULE_OFFSETS, splitLocalDateTime };

export const CAMPAIGN_ID = /^[a-z0-9][a-z0-9-]*$/;
export const NETWORK_ID = /^[A-Z][A-Z0-9]{0,7}$/;
export const VENUE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** How a value found in the file reads in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a group of fields';
}

const expected =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? `is missing (expected ${what})`
      : `expected ${what}, found ${describeValue(issue.input)}`;

function text(what: string, check?: (value: string) => boolean) {
  const base = z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: `is empty (expected ${what})`, abort: true });
  if (!check) return base;
  return base.refine(check, {
    error: (issue) => `${JSON.stringify(issue.input)} is not ${what}`,
  });
}

const email = text('an email address', isEmailAddress);
const duration = text('a duration such as 7d, 36h, 90m or 2w', isDuration);
const clockTime = text('a time of day (HH:MM)', isClockTime);
const bool = z.boolean({ error: expected('true or false') });

function coordinate(what: string, limit: number) {
  const outside = (issue: { input?: unknown }) =>
    `${describeValue(issue.input)} is not a ${what} (-${limit} to ${limit})`;
  return z
    .number({
      error: (issue) =>
        typeof issue.input === 'string' && /^-?\d+,\d+$/.test(issue.input)
          ? `${JSON.stringify(issue.input)} uses a decimal comma: write ${issue.input.replace(',', '.')}`
          : expected(`a ${what} in decimal degrees`)(issue),
    })
    .min(-limit, { error: outside })
    .max(limit, { error: outside });
}

const count = z
  .number({ error: expected('a whole number') })
  .int({ error: (issue) => `expected a whole number, found ${describeValue(issue.input)}` })
  .min(1, { error: (issue) => `must be at least 1, found ${describeValue(issue.input)}` });

function range(unit: string) {
  return z.strictObject({ min: count, max: count }).refine((r) => r.min <= r.max, {
    path: ['min'],
    error: (issue) => {
      const r = issue.input as { min: number; max: number };
      return `${r.min} ${unit} is more than max (${r.max})`;
    },
  });
}

export const GatheringSchema = z
  .strictObject({
    date: text('a date (YYYY-MM-DD) or month (YYYY-MM)', (s) => isLocalDate(s) || isYearMonth(s)),
    venue: text('a venue id from `venues`', (s) => VENUE_ID.test(s))
      .nullable()
      .default(null),
    lunchToLunch: bool.default(false),
    starts: clockTime.optional(),
    ends: clockTime.optional(),
  })
  .refine(
    (g) => {
      if (g.lunchToLunch) return true;
      const times = DEFAULT_GATHERING_TIMES.oneDay;
      return (g.starts ?? times.starts) < (g.ends ?? times.ends);
    },
    {
      path: ['ends'],
      error: (issue) => {
        const g = issue.input as { starts?: string; ends?: string };
        const times = DEFAULT_GATHERING_TIMES.oneDay;
        return `a one-day gathering must end (${g.ends ?? times.ends}) after it starts (${g.starts ?? times.starts})`;
      },
    },
  );

export const NetworkSchema = z.strictObject({
  id: text('a network letter such as A', (s) => NETWORK_ID.test(s)),
  capacity: range('participants'),
  gatherings: z.array(GatheringSchema, { error: expected('a list of gatherings') }).length(3, {
    error: (issue) =>
      `a network has exactly 3 gatherings, found ${(issue.input as unknown[]).length}`,
  }),
});

export const VenueSchema = z.strictObject({
  id: text('a venue id (lower-case letters, digits and hyphens)', (s) => VENUE_ID.test(s)),
  name: text('a name'),
  address: text('an address').nullable().default(null),
  lat: coordinate('latitude', 90),
  lon: coordinate('longitude', 180),
});

const offset = (name: keyof typeof DEFAULT_SCHEDULE_OFFSETS) =>
  duration.default(DEFAULT_SCHEDULE_OFFSETS[name] as string);

export const ScheduleSchema = z.strictObject({
  invitation: text(
    'an Oslo date and time (YYYY-MM-DD HH:MM)',
    (s) => splitLocalDateTime(s) !== null,
  ),
  registrationDeadline: text('a date (YYYY-MM-DD)', isLocalDate),
  registrationReminders: z
    .array(duration, { error: expected('a list of durations such as [7d, 2d]') })
    .default([...DEFAULT_SCHEDULE_OFFSETS.registrationReminders]),
  attendanceRequestBefore: offset('attendanceRequestBefore'),
  attendanceReminderBefore: offset('attendanceReminderBefore'),
  practicalInfoBefore: offset('practicalInfoBefore'),
  followUpAfter: offset('followUpAfter'),
  followUpReminderAfter: offset('followUpReminderAfter'),
  statusRequestBefore: offset('statusRequestBefore'),
  lessonsRequestAfter: offset('lessonsRequestAfter'),
  lessonsReminderAfter: offset('lessonsReminderAfter'),
  lessonsCloseAfter: offset('lessonsCloseAfter'),
});

export const CampaignFileSchema = z.strictObject({
  id: text('a slug (lower-case letters, digits and hyphens)', (s) => CAMPAIGN_ID.test(s)),
  title: text('a title'),
  project: text('the project name'),
  supportedBy: text('who supports the project').nullable().default(null),
  sender: z.strictObject({ name: text('a name'), address: email }),
  replyTo: email,
  contact: z.strictObject({
    name: text('a name'),
    title: text('a job title'),
    organisation: text('an organisation'),
    email,
    phone: text('a phone number').nullable().default(null),
  }),
  schedule: ScheduleSchema,
  participantsPerMunicipality: range('participants'),
  handbook: z.strictObject({
    title: text('a title'),
    url: text('a web address (http:// or https://)', (s) => /^https?:\/\/\S+$/.test(s)),
  }),
  networks: z
    .array(NetworkSchema, { error: expected('a list of networks') })
    .min(1, { error: 'lists no networks' }),
  venues: z.array(VenueSchema, { error: expected('a list of venues') }).default([]),
});

export type CampaignFile = z.output<typeof CampaignFileSchema>;
export type ScheduleFile = z.output<typeof ScheduleSchema>;
export type NetworkFile = z.output<typeof NetworkSchema>;
export type GatheringFile = z.output<typeof GatheringSchema>;
export type VenueFile = z.output<typeof VenueSchema>;

/** Every field name the format knows, to suggest the intended one for a misspelt key. */
export const KNOWN_FIELDS: readonly string[] = [
  ...new Set([
    ...Object.keys(CampaignFileSchema.shape),
    ...Object.keys(ScheduleSchema.shape),
    ...Object.keys(NetworkSchema.shape),
    ...Object.keys(VenueSchema.shape),
    'date',
    'venue',
    'lunchToLunch',
    'starts',
    'ends',
    'min',
    'max',
    'name',
    'address',
    'title',
    'organisation',
    'email',
    'phone',
    'url',
  ]),
];
