// The campaign file's defaults and its local date-time form, apart from the schemas in
// file-format.ts: resolve.ts runs inside every workflow (the journey resolves gathering times),
// and importing these from file-format.ts put zod in the workflow bundle, its schemas rebuilt
// each time a workflow context was created (issue 13: 3.2 MB → 2.1 MB, ~9 ms per journey load).
// Keep this file free of zod and of anything that imports it (test/unit/campaign/workflow-imports.test.ts).

import { isClockTime, isLocalDate } from '../time';

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;

/** Offsets used when the file leaves them out; the brief's rhythm for a ten-month programme. */
export const DEFAULT_SCHEDULE_OFFSETS = {
  registrationReminders: ['7d', '2d'],
  attendanceRequestBefore: '28d',
  attendanceReminderBefore: '14d',
  practicalInfoBefore: '3d',
  followUpAfter: '2d',
  followUpReminderAfter: '35d',
  statusRequestBefore: '21d',
  lessonsRequestAfter: '3d',
  lessonsReminderAfter: '17d',
  lessonsCloseAfter: '42d',
} as const;

/** Lunch to lunch: from lunch on day one to lunch on day two. One-day gatherings: office hours. */
export const DEFAULT_GATHERING_TIMES = {
  lunchToLunch: { starts: '11:30', ends: '13:30' },
  oneDay: { starts: '10:00', ends: '16:00' },
} as const;

/** `2025-09-01 09:00` (or with a T) as its date and clock time, or null. */
export function splitLocalDateTime(text: string): { date: string; time: string } | null {
  const m = LOCAL_DATE_TIME.exec(text);
  return m && isLocalDate(m[1]) && isClockTime(m[2]) ? { date: m[1], time: m[2] } : null;
}
