import { count, osloTime } from '../../../cli/words';

test('counts say one thing and many things', () => {
  expect(count(1, 'municipality', 'municipalities')).toBe('1 municipality');
  expect(count(0, 'municipality', 'municipalities')).toBe('0 municipalities');
  expect(count(4, 'journey')).toBe('4 journeys');
  expect(count(1, 'journey')).toBe('1 journey');
  expect(count(1, 'participant')).toBe('1 participant');
});

test('instants are shown on the Oslo wall clock, summer and winter', () => {
  // The 2013 deadline: the end of 21 May in Oslo is 21:59 UTC (summer time).
  expect(osloTime('2013-05-21T21:59:59.999Z')).toBe('2013-05-21 23:59 (Oslo time)');
  expect(osloTime('2013-12-01T08:30:00.000Z')).toBe('2013-12-01 09:30 (Oslo time)');
  // Across midnight: 23:30 UTC on 31 December is the next day, the next year, in Oslo.
  expect(osloTime('2013-12-31T23:30:00Z')).toBe('2014-01-01 00:30 (Oslo time)');
});
