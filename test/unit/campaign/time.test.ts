import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  TimeFormatError,
  WEEK_MS,
  addDays,
  addMs,
  endOfOsloDay,
  formatDuration,
  instantMs,
  isClockTime,
  isLocalDate,
  isYearMonth,
  monthOf,
  osloInstant,
  osloWallClock,
  parseDuration,
} from '../../../domain/time';

// Only the tests may ask Intl: it is the independent reference the arithmetic is checked against.
const intlOslo = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function intlWallClock(ms: number): string {
  const parts = Object.fromEntries(intlOslo.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

describe('osloInstant', () => {
  it('reads summer dates as CEST (UTC+2) and winter dates as CET (UTC+1)', () => {
    expect(osloInstant('2013-04-23', '09:00')).toBe('2013-04-23T07:00:00.000Z');
    expect(osloInstant('2013-06-18', '11:30')).toBe('2013-06-18T09:30:00.000Z');
    expect(osloInstant('2013-11-14', '10:00')).toBe('2013-11-14T09:00:00.000Z');
    expect(osloInstant('2014-03-12', '10:00')).toBe('2014-03-12T09:00:00.000Z');
  });

  it('switches at 01:00 UTC on the last Sunday of March', () => {
    // 31 March 2013 was the last Sunday of March.
    expect(osloInstant('2013-03-31', '01:59')).toBe('2013-03-31T00:59:00.000Z');
    expect(osloInstant('2013-03-31', '03:00')).toBe('2013-03-31T01:00:00.000Z');
    // 02:30 does not exist that night: the clock has already jumped to 03:30 CEST.
    expect(osloInstant('2013-03-31', '02:30')).toBe('2013-03-31T01:30:00.000Z');
    expect(osloInstant('2013-03-30', '12:00')).toBe('2013-03-30T11:00:00.000Z');
  });

  it('switches back at 01:00 UTC on the last Sunday of October, taking the first 02:30', () => {
    // 27 October 2013 was the last Sunday of October.
    expect(osloInstant('2013-10-27', '01:59')).toBe('2013-10-26T23:59:00.000Z');
    expect(osloInstant('2013-10-27', '02:30')).toBe('2013-10-27T00:30:00.000Z');
    expect(osloInstant('2013-10-27', '03:00')).toBe('2013-10-27T02:00:00.000Z');
    expect(osloInstant('2013-10-28', '10:00')).toBe('2013-10-28T09:00:00.000Z');
  });

  it('agrees with the tz database at 09:00 and 23:59 on every day from 2012 to 2030', () => {
    const mismatches: string[] = [];
    for (let day = Date.UTC(2012, 0, 1); day < Date.UTC(2031, 0, 1); day += DAY_MS) {
      const date = new Date(day).toISOString().slice(0, 10);
      for (const time of ['09:00', '23:59']) {
        const local = intlWallClock(instantMs(osloInstant(date, time)));
        if (local !== `${date} ${time}`) mismatches.push(`${date} ${time} → ${local}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('rejects what is not a date or a time', () => {
    expect(() => osloInstant('2013-02-29', '10:00')).toThrow(TimeFormatError);
    expect(() => osloInstant('2013-06-18', '24:00')).toThrow(
      '"24:00" is not a time of day (HH:MM)',
    );
    expect(() => osloInstant('18.06.2013', '10:00')).toThrow('is not a date (YYYY-MM-DD)');
  });
});

describe('Oslo calendar helpers', () => {
  it('ends a day at 23:59:59 Oslo time', () => {
    expect(endOfOsloDay('2013-05-21')).toBe('2013-05-21T21:59:59.000Z');
    expect(endOfOsloDay('2013-12-31')).toBe('2013-12-31T22:59:59.000Z');
  });

  it('gives the Oslo wall clock of an instant, matching the tz database', () => {
    expect(osloWallClock('2013-05-21T21:59:59.000Z')).toEqual({
      date: '2013-05-21',
      time: '23:59',
    });
    expect(osloWallClock('2013-12-31T23:30:00Z')).toEqual({ date: '2014-01-01', time: '00:30' });
    for (
      let ms = Date.UTC(2013, 0, 1);
      ms < Date.UTC(2015, 0, 1);
      ms += 7 * HOUR_MS + 13 * MINUTE_MS
    ) {
      const { date, time } = osloWallClock(new Date(ms).toISOString());
      expect(`${date} ${time}`).toBe(intlWallClock(ms));
    }
  });

  it('adds days across months and years, and names the month', () => {
    expect(addDays('2013-06-18', 1)).toBe('2013-06-19');
    expect(addDays('2013-12-31', 1)).toBe('2014-01-01');
    expect(addDays('2014-03-01', -1)).toBe('2014-02-28');
    expect(monthOf('2013-06-18')).toBe('2013-06');
    expect(addMs('2013-04-23T07:00:00.000Z', DAY_MS)).toBe('2013-04-24T07:00:00.000Z');
  });

  it('only accepts instants that carry an offset (local readings differ per machine)', () => {
    expect(instantMs('2013-04-23T09:00:00+02:00')).toBe(Date.UTC(2013, 3, 23, 7));
    expect(() => instantMs('2013-04-23T09:00:00')).toThrow(TimeFormatError);
    expect(() => instantMs('yesterday')).toThrow(TimeFormatError);
  });

  it('validates dates, months and times of day', () => {
    expect(isLocalDate('2012-02-29')).toBe(true);
    expect(isLocalDate('2013-02-29')).toBe(false);
    expect(isLocalDate('2013-13-01')).toBe(false);
    expect(isYearMonth('2013-10')).toBe(true);
    expect(isYearMonth('2013-13')).toBe(false);
    expect(isClockTime('11:30')).toBe(true);
    expect(isClockTime('9:30')).toBe(false);
  });
});

describe('parseDuration', () => {
  it('reads minutes, hours, days, weeks and sums of them', () => {
    expect(parseDuration('7d')).toBe(7 * DAY_MS);
    expect(parseDuration('36h')).toBe(36 * HOUR_MS);
    expect(parseDuration('90m')).toBe(90 * MINUTE_MS);
    expect(parseDuration('2w')).toBe(2 * WEEK_MS);
    expect(parseDuration('1d12h')).toBe(36 * HOUR_MS);
    expect(parseDuration(' 7D ')).toBe(7 * DAY_MS);
  });

  it.each(['7', 'd7', '7 days', '', '-1d', '1.5d', '7s'])(
    'rejects %j with a clear error',
    (bad) => {
      expect(() => parseDuration(bad)).toThrow(
        `${JSON.stringify(bad)} is not a duration such as 7d, 36h, 90m or 2w`,
      );
    },
  );

  it('formats back in the largest whole unit up to days', () => {
    expect(formatDuration(parseDuration('2w'))).toBe('14d');
    expect(formatDuration(parseDuration('36h'))).toBe('36h');
    expect(formatDuration(parseDuration('90m'))).toBe('90m');
    expect(() => formatDuration(1500)).toThrow(TimeFormatError);
  });
});

describe('workflow sandbox safety', () => {
  it.each(['domain/time.ts', 'domain/campaign/clock.ts'])(
    '%s uses neither the wall clock, Intl nor I/O',
    (file) => {
      const source = readFileSync(path.resolve(__dirname, '../../..', file), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n');
      expect(source).not.toMatch(
        /Date\.now|new Date\(\)|Intl\.|Math\.random|from 'node:|require\(/,
      );
    },
  );
});
