// Calendar invitations (RFC 5545) for the gathering mails: METHOD:PUBLISH, so Outlook and
// Google Calendar offer to add the event without treating the recipient as an attendee who
// must answer. Times are written in Europe/Oslo with its VTIMEZONE; lines end in CRLF and
// are folded at 75 octets without splitting a UTF-8 character.

import type { Instant, LocalDate } from '../../domain/types';
import { addDays, parseInstant, parseLocalDate, toOslo, type Day } from '../../domain/time';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8; method=PUBLISH';
const PRODID = '-//KS og Transparency International Norge//nettverk//NO';
const TZID = 'Europe/Oslo';

export type EventTime =
  | { kind: 'instant'; start: Instant; end: Instant }
  /** Whole days, `last` inclusive (written with DTEND the day after). */
  | { kind: 'days'; first: LocalDate; last: LocalDate };

export interface CalendarEvent {
  /** Stable across updates, so a later mail replaces the event instead of adding one. */
  uid: string;
  /** Raised with every new version of the event. */
  sequence: number;
  time: EventTime;
  summary: string;
  description?: string;
  location?: string;
  organizer?: { name: string; email: string };
}

/** The one UID a gathering has: same campaign, network and number → same event. */
export function gatheringUid(
  campaignId: string,
  networkId: string,
  gathering: number,
  domain: string,
): string {
  const part = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return `nettverk-${part(campaignId)}-${part(networkId)}-${gathering}@${domain.toLowerCase()}`;
}

const SEQUENCE_EPOCH = Date.UTC(2000, 0, 1);

/**
 * SEQUENCE for an event written at `now`: seconds since 2000, so a later mail always carries
 * a higher number than an earlier one and its version wins, with no counter to keep.
 */
export function sequenceAt(now: Instant): number {
  return Math.max(0, Math.floor((parseInstant(now) - SEQUENCE_EPOCH) / 1000));
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeIcsText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n');
}

function paramValue(s: string): string {
  const clean = s.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds one content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function dateValue(d: Day): string {
  return `${d.year}${two(d.month)}${two(d.day)}`;
}

function utcStamp(instant: Instant): string {
  const d = new Date(parseInstant(instant));
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
}

function osloLocal(instant: Instant): string {
  const t = toOslo(instant);
  return `${dateValue(t)}T${two(t.hour)}${two(t.minute)}${two(t.second)}`;
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A VCALENDAR with one VEVENT per event, CRLF line ends, folded, ready to attach. */
export function buildCalendar(events: CalendarEvent[], now: Instant): string {
  if (events.length === 0) throw new Error('a calendar needs at least one event');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (events.some((e) => e.time.kind === 'instant')) lines.push(...VTIMEZONE);
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${utcStamp(now)}`,
    );
    if (e.time.kind === 'instant') {
      if (parseInstant(e.time.end) <= parseInstant(e.time.start)) {
        throw new Error(`event ${e.uid} ends before it starts`);
      }
      lines.push(`DTSTART;TZID=${TZID}:${osloLocal(e.time.start)}`);
      lines.push(`DTEND;TZID=${TZID}:${osloLocal(e.time.end)}`);
    } else {
      const first = parseLocalDate(e.time.first);
      const last = parseLocalDate(e.time.last);
      lines.push(`DTSTART;VALUE=DATE:${dateValue(first)}`);
      lines.push(`DTEND;VALUE=DATE:${dateValue(addDays(last, 1))}`);
    }
    lines.push(`SUMMARY:${escapeIcsText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeIcsText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`);
    if (e.organizer) {
      lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${e.organizer.email}`);
    }
    lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
