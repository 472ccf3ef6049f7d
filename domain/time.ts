// Time in the campaign's calendar, Europe/Oslo. Workflow code imports this module, so it must be
// deterministic in Temporal's sandbox: no Date.now, no Intl time zone lookups (their tz data
// differs between machines), no I/O. Daylight saving time is computed from the EU rule Norway has
// followed since 1996: CEST from the last Sunday of March 01:00 UTC to the last Sunday of October
// 01:00 UTC. Dates before 1996 are out of scope for this system.

import type { Instant, LocalDate, YearMonth } from './types';

/** Wall-clock time of day in Oslo, `HH:MM` (24 hours). */
export type ClockTime = string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** A date, time, instant or duration that does not read as what was expected. */
export class TimeFormatError extends Error {
  constructor(
    readonly input: string,
    readonly expected: string,
  ) {
    super(`${JSON.stringify(input)} is not ${expected}`);
    this.name = 'TimeFormatError';
  }
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
// An offset is required: without one Date.parse reads local time, which differs per machine.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLocalDate(text: string): boolean {
  const m = LOCAL_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isYearMonth(text: string): boolean {
  const m = YEAR_MONTH.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function isClockTime(text: string): boolean {
  return CLOCK_TIME.test(text);
}

export function isInstant(text: string): boolean {
  return INSTANT.test(text) && Number.isFinite(Date.parse(text));
}

/** Epoch milliseconds of an ISO instant that carries its offset. */
export function instantMs(instant: Instant): number {
  if (!isInstant(instant)) throw new TimeFormatError(instant, 'an ISO instant with offset');
  return Date.parse(instant);
}

export function toInstant(epochMs: number): Instant {
  if (!Number.isFinite(epochMs)) throw new TimeFormatError(String(epochMs), 'a point in time');
  return new Date(epochMs).toISOString();
}

export function addMs(instant: Instant, ms: number): Instant {
  return toInstant(instantMs(instant) + ms);
}

function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month, 0, 1);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
}

/** Whether Oslo keeps summer time (CEST, UTC+2) at this instant. */
export function isOsloSummerTime(epochMs: number): boolean {
  const year = new Date(epochMs).getUTCFullYear();
  return epochMs >= lastSundayAt0100Utc(year, 3) && epochMs < lastSundayAt0100Utc(year, 10);
}

/** Oslo's offset from UTC at this instant, in ms. */
export function osloOffsetMs(epochMs: number): number {
  return isOsloSummerTime(epochMs) ? 2 * HOUR_MS : HOUR_MS;
}

/** Minutes east of UTC in Europe/Oslo at a moment: 60 in winter, 120 in summer. */
export function osloOffsetMinutes(epochMs: number): number {
  return isOsloSummerTime(epochMs) ? 120 : 60;
}

function splitDate(date: LocalDate): [number, number, number] {
  if (!isLocalDate(date)) throw new TimeFormatError(date, 'a date (YYYY-MM-DD)');
  return date.split('-').map(Number) as [number, number, number];
}

/**
 * The instant a wall-clock time in Oslo denotes. In the spring gap (02:00–02:59 on the last
 * Sunday of March) the clock has already jumped, so the time is read an hour later; in the
 * autumn overlap the first (summer time) occurrence is meant.
 */
export function osloInstant(date: LocalDate, time: ClockTime): Instant {
  const [year, month, day] = splitDate(date);
  const t = CLOCK_TIME.exec(time);
  if (!t) throw new TimeFormatError(time, 'a time of day (HH:MM)');
  const wallClockAsUtc = Date.UTC(year, month - 1, day, Number(t[1]), Number(t[2]));
  const summer = wallClockAsUtc - 2 * HOUR_MS;
  return toInstant(isOsloSummerTime(summer) ? summer : wallClockAsUtc - HOUR_MS);
}

/** The last second of a day in Oslo: what a deadline «21. mai» means. */
export function endOfOsloDay(date: LocalDate): Instant {
  return addMs(osloInstant(date, '23:59'), 59_000);
}

/** The Oslo calendar date and time of day of an instant. */
export function osloWallClock(instant: Instant): { date: LocalDate; time: ClockTime } {
  const ms = instantMs(instant);
  const iso = new Date(ms + osloOffsetMs(ms)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** «2013-05-21 23:59 (Oslo time)»: what a coordinator's wall clock says, for messages. */
export function osloTimeText(instant: Instant): string {
  const { date, time } = osloWallClock(instant);
  return `${date} ${time} (Oslo time)`;
}

export function osloDate(instant: Instant): LocalDate {
  return osloWallClock(instant).date;
}

/** The date `days` later (earlier when negative), as a `YYYY-MM-DD` date or as a `Day`. */
export function addDays(date: LocalDate, days: number): LocalDate;
export function addDays(date: Day, days: number): Day;
export function addDays(date: LocalDate | Day, days: number): LocalDate | Day {
  if (typeof date === 'object' && date !== null) {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const [year, month, day] = splitDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function monthOf(date: LocalDate): YearMonth {
  splitDate(date);
  return date.slice(0, 7);
}

// ---------------------------------------------------------------- calendar parts
// The wall clock and calendar days as numbers, for the mails' and reports' Norwegian wording
// (mail/outgoing/dates.ts). Their parsers are laxer than the ones above and keep their own
// messages: what they render was validated when the campaign file was read.

/** A wall-clock reading in Norway. `month` is 1–12; `weekday` 0 = Sunday. */
export interface OsloTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  /** Minutes east of UTC: 60 in winter, 120 in summer. */
  offset: number;
}

/** A calendar day (no time of day). */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Epoch milliseconds of anything `Date.parse` reads (`instantMs` insists on an offset). */
export function parseInstant(instant: Instant): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`"${instant}" is not an ISO 8601 instant`);
  return ms;
}

/** The wall clock in Norway at an instant. */
export function toOslo(instant: Instant | number): OsloTime {
  const ms = typeof instant === 'number' ? instant : parseInstant(instant);
  const offset = osloOffsetMinutes(ms);
  const d = new Date(ms + offset * MINUTE_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    offset,
  };
}

/** A `YYYY-MM-DD` date as its parts (the form only, see the note above). */
export function parseLocalDate(date: LocalDate): Day {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function parseYearMonth(month: YearMonth): { year: number; month: number } {
  const m = YEAR_MONTH.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new Error(`"${month}" is not a month (YYYY-MM)`);
  }
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function sameDay(a: Day, b: Day): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function weekdayOf(day: Day): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

export function dayOf(t: OsloTime): Day {
  return { year: t.year, month: t.month, day: t.day };
}

/** Whole days from `fromMs` until `toMs`, counted in Norwegian calendar days. */
export function calendarDaysBetween(fromMs: number, toMs: number): number {
  const a = toOslo(fromMs);
  const b = toOslo(toMs);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS,
  );
}

const DURATION_UNITS: Record<string, number> = { w: WEEK_MS, d: DAY_MS, h: HOUR_MS, m: MINUTE_MS };
const DURATION = /^(\d+[wdhm])+$/;

/** `7d`, `36h`, `90m`, `2w`, or a sum such as `1d12h`, in milliseconds. */
export function parseDuration(text: string): number {
  const compact = text.trim().toLowerCase();
  if (!DURATION.test(compact)) {
    throw new TimeFormatError(text, 'a duration such as 7d, 36h, 90m or 2w');
  }
  let total = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+)([wdhm])/g)) {
    total += Number(amount) * DURATION_UNITS[unit];
  }
  return total;
}

export function isDuration(text: string): boolean {
  return DURATION.test(text.trim().toLowerCase());
}

/** A whole number of minutes as `parseDuration` reads it, in the largest unit up to days: `7d`, `36h`, `90m`. */
export function formatDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms % MINUTE_MS !== 0) {
    throw new TimeFormatError(String(ms), 'a whole, non-negative number of minutes in ms');
  }
  if (ms === 0) return '0m';
  for (const unit of ['d', 'h'] as const) {
    if (ms % DURATION_UNITS[unit] === 0) return `${ms / DURATION_UNITS[unit]}${unit}`;
  }
  return `${ms / MINUTE_MS}m`;
}
