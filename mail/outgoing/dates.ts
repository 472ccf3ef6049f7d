// Norwegian dates and times for the mails, worded here rather than through Intl so that
// every machine renders the same words. The Oslo clock and calendar they word (summer time,
// days, parsing) are domain/time.ts's.

import { parseYearMonth, sameDay, weekdayOf, type Day } from '../../domain/time';
import type { Language, YearMonth } from '../../domain/types';

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
