// Dates as Norwegian mail programs print them in quote headers, and small language helpers.
import type { Instant, LocalDate } from '../../domain/types';
import { osloWallClock } from '../../domain/time';
import type { Lang } from './types';
import { MONTHS } from '../../mail/outgoing/dates';
import { ENGLISH_DAYS, ENGLISH_MONTHS } from './mime';

const MONTHS_SHORT = [
  'jan.',
  'feb.',
  'mar.',
  'apr.',
  'mai',
  'jun.',
  'jul.',
  'aug.',
  'sep.',
  'okt.',
  'nov.',
  'des.',
];
const WEEKDAYS: Record<Lang, string[]> = {
  nb: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  nn: ['sundag', 'måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag'],
};
const WEEKDAYS_SHORT: Record<Lang, string[]> = {
  nb: ['søn.', 'man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.'],
  nn: ['sun.', 'mån.', 'tys.', 'ons.', 'tor.', 'fre.', 'lau.'],
};

interface Parts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hh: string;
  mm: string;
}

function parts(instant: Instant): Parts {
  const { date, time } = osloWallClock(instant);
  const [year, month, day] = date.split('-').map(Number);
  return {
    year,
    month,
    day,
    weekday: new Date(`${date}T12:00:00Z`).getUTCDay(),
    hh: time.slice(0, 2),
    mm: time.slice(3, 5),
  };
}

/** Outlook: «tirsdag 23. april 2013 09:00». */
export function outlookDate(instant: Instant): string {
  const p = parts(instant);
  return `${WEEKDAYS.nb[p.weekday]} ${p.day}. ${MONTHS[p.month - 1]} ${p.year} ${p.hh}:${p.mm}`;
}

/** Outlook in English: «Tuesday, April 23, 2013 9:00 AM». */
export function outlookDateEnglish(instant: Instant): string {
  const p = parts(instant);
  const h = Number(p.hh);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${ENGLISH_DAYS[p.weekday]}, ${ENGLISH_MONTHS[p.month - 1]} ${p.day}, ${p.year} ${h12}:${p.mm} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Gmail: «tir. 23. apr. 2013 kl. 09:00» (nynorsk: «tys. …»). */
export function gmailDate(instant: Instant, lang: Lang): string {
  const p = parts(instant);
  return `${WEEKDAYS_SHORT[lang][p.weekday]} ${p.day}. ${MONTHS_SHORT[p.month - 1]} ${p.year} kl. ${p.hh}:${p.mm}`;
}

/** Apple Mail: «23. apr. 2013 kl. 09.00». */
export function appleDate(instant: Instant): string {
  const p = parts(instant);
  return `${p.day}. ${MONTHS_SHORT[p.month - 1]} ${p.year} kl. ${p.hh}.${p.mm}`;
}

/** Thunderbird: «23.04.2013 09:00». */
export function thunderbirdDate(instant: Instant): string {
  const p = parts(instant);
  return `${String(p.day).padStart(2, '0')}.${String(p.month).padStart(2, '0')}.${p.year} ${p.hh}:${p.mm}`;
}

/** «mandag 6. mai» for a date in an out-of-office. */
export function spokenDate(date: LocalDate, lang: Lang): string {
  const [, month, day] = date.split('-').map(Number);
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return `${WEEKDAYS[lang][weekday]} ${day}. ${MONTHS[month - 1]}`;
}

export const capitalise = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);

const NUMBERS: Record<Lang, string[]> = {
  nb: ['null', 'én', 'to', 'tre', 'fire', 'fem'],
  nn: ['null', 'éin', 'to', 'tre', 'fire', 'fem'],
};
export const numberWord = (n: number, lang: Lang): string => NUMBERS[lang][n] ?? String(n);

/** «A, B og C». */
export function listing(items: string[], lang: Lang): string {
  const and = lang === 'nn' ? 'og' : 'og';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

export const firstName = (name: string): string => name.split(' ')[0];
