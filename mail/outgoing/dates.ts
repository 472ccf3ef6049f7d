// Norwegian dates and times for the mails, computed here rather than through Intl so that
// every machine renders the same words. Europe/Oslo follows the EU rule (since 1996): summer
// time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.

import type { Instant, Language, LocalDate, YearMonth } from '../../domain/types';

const WEEKDAYS: Record<Language, readonly string[]> = {
  nb: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  nn: ['søndag', 'måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag'],
};

/** Month names, the same in bokmål and nynorsk. */
export const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

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

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function lastSundayUtc(year: number, month: number): number {
  // `month` is 1–12; the last day of that month, walked back to a Sunday, at 01:00 UTC.
  const last = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
}

/** Minutes east of UTC in Europe/Oslo at a moment. */
export function osloOffsetMinutes(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  return epochMs >= lastSundayUtc(year, 3) && epochMs < lastSundayUtc(year, 10) ? 120 : 60;
}

export function parseInstant(instant: Instant): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`"${instant}" is not an ISO 8601 instant`);
  return ms;
}

/** The wall clock in Norway at an instant. */
export function toOslo(instant: Instant | number): OsloTime {
  const ms = typeof instant === 'number' ? instant : parseInstant(instant);
  const offset = osloOffsetMinutes(ms);
  const d = new Date(ms + offset * 60_000);
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

export function parseLocalDate(date: LocalDate): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function parseYearMonth(month: YearMonth): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new Error(`"${month}" is not a month (YYYY-MM)`);
  }
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function addDays(day: Day, days: number): Day {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day) + days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function sameDay(a: Day, b: Day): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function weekdayOf(day: Day): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (!name) throw new Error(`month ${month} is out of range`);
  return name;
}

/** «tirsdag 18. juni 2013» (nb), «tysdag 18. juni 2013» (nn). */
export function formatDate(day: Day, lang: Language): string {
  return `${WEEKDAYS[lang][weekdayOf(day)]} ${formatDateShort(day)}`;
}

/** «18. juni 2013». */
export function formatDateShort(day: Day): string {
  return `${day.day}. ${monthName(day.month)} ${day.year}`;
}

/** «oktober 2013». */
export function formatMonth(month: YearMonth): string {
  const { year, month: m } = parseYearMonth(month);
  return `${monthName(m)} ${year}`;
}

/** «11.30». */
export function formatClock(t: { hour: number; minute: number }): string {
  return `${String(t.hour).padStart(2, '0')}.${String(t.minute).padStart(2, '0')}`;
}

/** «kl. 11.30». */
export function formatTime(t: { hour: number; minute: number }): string {
  return `kl. ${formatClock(t)}`;
}

/** «18.–19. juni 2013», «30. september–1. oktober 2013», «18. juni 2013» for one day. */
export function formatDaySpan(first: Day, last: Day): string {
  if (sameDay(first, last)) return formatDateShort(first);
  if (first.year === last.year && first.month === last.month) {
    return `${first.day}.–${formatDateShort(last)}`;
  }
  if (first.year === last.year) {
    return `${first.day}. ${monthName(first.month)}–${formatDateShort(last)}`;
  }
  return `${formatDateShort(first)}–${formatDateShort(last)}`;
}

export function dayOf(t: OsloTime): Day {
  return { year: t.year, month: t.month, day: t.day };
}

/** Whole days from `fromMs` until `toMs`, counted in Norwegian calendar days. */
export function calendarDaysBetween(fromMs: number, toMs: number): number {
  const a = toOslo(fromMs);
  const b = toOslo(toMs);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY,
  );
}
