import {
  addDays,
  calendarDaysBetween,
  osloOffsetMinutes,
  parseLocalDate,
  toOslo,
} from '../../../domain/time';
import { formatDate, formatDaySpan, formatMonth, formatTime } from '../../../mail/outgoing/dates';

describe('Norwegian dates', () => {
  it('names weekdays in bokmål and nynorsk', () => {
    const day = parseLocalDate('2013-06-18');
    expect(formatDate(day, 'nb')).toBe('tirsdag 18. juni 2013');
    expect(formatDate(day, 'nn')).toBe('tysdag 18. juni 2013');
    expect(formatDate(parseLocalDate('2013-05-20'), 'nn')).toBe('måndag 20. mai 2013');
    expect(formatDate(parseLocalDate('2013-05-25'), 'nn')).toBe('laurdag 25. mai 2013');
    expect(formatDate(parseLocalDate('2013-05-25'), 'nb')).toBe('lørdag 25. mai 2013');
  });

  it('writes months, times and spans', () => {
    expect(formatMonth('2013-10')).toBe('oktober 2013');
    expect(formatMonth('2014-03')).toBe('mars 2014');
    expect(formatTime({ hour: 9, minute: 5 })).toBe('kl. 09.05');
    const a = parseLocalDate('2013-06-18');
    expect(formatDaySpan(a, addDays(a, 1))).toBe('18.–19. juni 2013');
    expect(formatDaySpan(a, a)).toBe('18. juni 2013');
    const sep = parseLocalDate('2013-09-30');
    expect(formatDaySpan(sep, addDays(sep, 1))).toBe('30. september–1. oktober 2013');
    const nye = parseLocalDate('2013-12-31');
    expect(formatDaySpan(nye, addDays(nye, 1))).toBe('31. desember 2013–1. januar 2014');
  });

  it('reads instants on the Oslo wall clock, summer and winter', () => {
    expect(toOslo('2013-06-18T09:30:00.000Z')).toMatchObject({ day: 18, hour: 11, minute: 30 });
    expect(toOslo('2013-11-05T09:30:00.000Z')).toMatchObject({ day: 5, hour: 10, minute: 30 });
    // 21 May 2013 23:59:59 in Oslo is still the 21st.
    expect(toOslo('2013-05-21T21:59:59.000Z')).toMatchObject({ month: 5, day: 21, hour: 23 });
    // The switch to summer time, 31 March 2013 at 01:00 UTC.
    expect(toOslo('2013-03-31T00:59:00.000Z').hour).toBe(1);
    expect(toOslo('2013-03-31T01:00:00.000Z').hour).toBe(3);
  });

  it('agrees with the ICU time zone database for every hour of 2013 and 2025', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (const year of [2013, 2025]) {
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 3_600_000) {
        const o = toOslo(t);
        const p = Object.fromEntries(fmt.formatToParts(t).map((x) => [x.type, x.value]));
        expect([o.year, o.month, o.day, o.hour]).toEqual([
          Number(p.year),
          Number(p.month),
          Number(p.day),
          Number(p.hour),
        ]);
      }
    }
    expect(osloOffsetMinutes(Date.UTC(2013, 6, 1))).toBe(120);
    expect(osloOffsetMinutes(Date.UTC(2013, 0, 1))).toBe(60);
  });

  it('counts calendar days in Norway', () => {
    const deadline = Date.parse('2013-05-21T21:59:59.000Z');
    expect(calendarDaysBetween(Date.parse('2013-05-18T08:00:00.000Z'), deadline)).toBe(3);
    expect(calendarDaysBetween(Date.parse('2013-05-21T06:00:00.000Z'), deadline)).toBe(0);
  });
});
