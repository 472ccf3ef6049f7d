import ICAL from 'ical.js';
import type { Municipality } from '../../../domain/types';
import {
  buildCalendar,
  foldLine,
  loadTemplates,
  renderMail,
  SAMPLE_MUNICIPALITIES,
  sampleContext,
  type MailContext,
  type RenderedMail,
  type TemplateName,
} from '../../../mail/outgoing';

const set = loadTemplates();

function render(
  name: TemplateName,
  municipality: Municipality = SAMPLE_MUNICIPALITIES.bokmal,
  edit?: (c: MailContext) => void,
): RenderedMail {
  const ctx = sampleContext(name, { municipality });
  edit?.(ctx);
  return renderMail(set, name, ctx);
}

function calendarOf(mail: RenderedMail) {
  expect(mail.attachments).toHaveLength(1);
  const [a] = mail.attachments;
  expect(a.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
  expect(a.filename).toMatch(/\.ics$/);
  const root = new ICAL.Component(ICAL.parse(a.content));
  // Let ical.js resolve TZID=Europe/Oslo with the VTIMEZONE the file carries, nothing else.
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return {
    raw: a.content,
    root,
    events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
  };
}

afterEach(() => ICAL.TimezoneService.reset());

describe('calendar invitations', () => {
  it('gathering mails carry one for their gathering: lunch to lunch spans two days', () => {
    for (const name of [
      'gathering-announcement',
      'attendance-request',
      'gathering-practical',
    ] as const) {
      const { root, events } = calendarOf(render(name));
      expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(root.getFirstPropertyValue('version')).toBe('2.0');
      expect(root.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
        'Europe/Oslo',
      );
      expect(events).toHaveLength(1);
      const [e] = events;
      const dtstart = root.getFirstSubcomponent('vevent')?.getFirstProperty('dtstart');
      expect(dtstart?.getParameter('tzid')).toBe('Europe/Oslo');
      expect(e.startDate.zone?.tzid).toBe('Europe/Oslo');
      expect(e.startDate.toString()).toBe('2013-06-18T11:30:00');
      expect(e.endDate.toString()).toBe('2013-06-19T13:00:00');
      expect(e.startDate.toJSDate().toISOString()).toBe('2013-06-18T09:30:00.000Z');
      expect(e.endDate.toJSDate().toISOString()).toBe('2013-06-19T11:00:00.000Z');
      expect(e.summary).toBe('Nettverkssamling 1 (nettverk A): Risiko og sårbarhet for korrupsjon');
      expect(e.location).toBe('Gardermoen konferansesenter, Konferanseveien 1, 2060 Gardermoen');
      expect(e.description).toContain('Fra lunsj til lunsj, med overnatting.');
      expect(e.uid).toBe('nettverk-ks-ti-2013-a-1@transparency.no');
      expect(e.organizer).toBe('mailto:dolvik@transparency.no');
    }
  });

  it('is written in the mail’s language', () => {
    const { events } = calendarOf(render('gathering-announcement', SAMPLE_MUNICIPALITIES.nynorsk));
    expect(events[0].summary).toBe(
      'Nettverkssamling 1 (nettverk A): Risiko og sårbarheit for korrupsjon',
    );
    expect(events[0].description).toContain('Frå lunsj til lunsj, med overnatting.');
  });

  it('keeps the UID of a gathering and raises SEQUENCE and DTSTAMP with time, so an update replaces the event', () => {
    const early = calendarOf(render('gathering-announcement')).events[0];
    const late = calendarOf(render('gathering-practical')).events[0];
    expect(late.uid).toBe(early.uid);
    expect(late.sequence).toBeGreaterThan(early.sequence);
    const stamp = (mail: RenderedMail) =>
      new ICAL.Component(ICAL.parse(mail.attachments[0].content))
        .getFirstSubcomponent('vevent')
        ?.getFirstPropertyValue('dtstamp')
        ?.toString();
    expect(stamp(render('gathering-announcement'))).toBe('2013-05-28T08:00:00Z');
  });

  it('a one-day gathering starts and ends the same day', () => {
    const { events } = calendarOf(
      render('gathering-announcement', undefined, (c) => (c.gathering = 2)),
    );
    expect(events[0].startDate.toString()).toBe('2013-10-17T10:00:00');
    expect(events[0].endDate.toString()).toBe('2013-10-17T16:00:00');
    expect(events[0].uid).toBe('nettverk-ks-ti-2013-a-2@transparency.no');
  });

  it('converts winter times with the standard-time offset', () => {
    const { events } = calendarOf(
      render('gathering-announcement', undefined, (c) => {
        c.gathering = 2;
        const g = c.network!.gatherings[1];
        c.network!.gatherings[1] = {
          ...g,
          date: '2013-11-14',
          startsAt: '2013-11-14T09:00:00.000Z',
          endsAt: '2013-11-14T15:00:00.000Z',
        };
      }),
    );
    expect(events[0].startDate.toString()).toBe('2013-11-14T10:00:00');
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2013-11-14T09:00:00.000Z');
  });

  it('the assignment carries every gathering that has a date, and nothing when none has', () => {
    const { events } = calendarOf(render('assignment'));
    expect(events.map((e) => e.uid)).toEqual([
      'nettverk-ks-ti-2013-a-1@transparency.no',
      'nettverk-ks-ti-2013-a-2@transparency.no',
    ]);
    const b = renderMail(set, 'assignment', sampleContext('assignment', { network: 'B' }));
    expect(b.attachments).toEqual([]);
    const undated = renderMail(
      set,
      'gathering-announcement',
      sampleContext('gathering-announcement', { network: 'B' }),
    );
    expect(undated.attachments).toEqual([]);
  });

  it('other mails carry none', () => {
    for (const name of ['gathering-reminder', 'followup-1', 'invitation', 'withdrawal'] as const) {
      expect(render(name).attachments).toEqual([]);
    }
  });

  it('a gathering with a date but no times is an all-day event, lunch to lunch over two days', () => {
    const { events } = calendarOf(
      render('gathering-announcement', undefined, (c) => {
        const g = c.network!.gatherings[0];
        c.network!.gatherings[0] = { ...g, startsAt: null, endsAt: null };
      }),
    );
    expect(events[0].startDate.isDate).toBe(true);
    expect(events[0].startDate.toString()).toBe('2013-06-18');
    expect(events[0].endDate.toString()).toBe('2013-06-20');
  });

  it('is RFC 5545 text: CRLF, lines of at most 75 octets, folding never splits a character', () => {
    const { raw } = calendarOf(render('gathering-announcement', SAMPLE_MUNICIPALITIES.nynorsk));
    expect(raw.endsWith('\r\n')).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(
      foldLine('Æ'.repeat(60))
        .split('\r\n')
        .map((l) => Buffer.byteLength(l)),
    ).toEqual([74, 47]);
  });

  it('escapes text values', () => {
    const content = buildCalendar(
      [
        {
          uid: 'x@example',
          sequence: 1,
          time: {
            kind: 'instant',
            start: '2013-06-18T09:30:00.000Z',
            end: '2013-06-18T11:00:00.000Z',
          },
          summary: 'A; B, C \\ D\nE',
          location: 'Hotell, «Ål»; sal 2',
          organizer: { name: 'Dølvik, Tor', email: 'dolvik@transparency.no' },
        },
      ],
      '2013-05-01T00:00:00.000Z',
    );
    expect(content).toContain('SUMMARY:A\\; B\\, C \\\\ D\\nE');
    expect(content).toContain('ORGANIZER;CN="Dølvik, Tor":mailto:dolvik@transparency.no');
    const e = new ICAL.Event(
      new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent')!,
    );
    expect(e.summary).toBe('A; B, C \\ D\nE');
    expect(e.location).toBe('Hotell, «Ål»; sal 2');
  });
});
