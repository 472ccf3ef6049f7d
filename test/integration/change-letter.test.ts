// A gathering moved after it was announced (issue 11): the journey on the dev server tells the
// municipality at once with a change letter through real SMTP, read back over IMAP, whose
// calendar file updates the announced event (same UID, higher SEQUENCE, the new date).
import crypto from 'node:crypto';
import ICAL from 'ical.js';
import type { MimePart } from '../../mail/incoming/mime';
import type { Network } from '../../domain/types';
import { journeyStateQuery, journeyWorkflowId } from '../../workflows/definitions';
import { municipality } from '../support/scenario';
import {
  readMailbox,
  startHarness,
  testCampaign,
  testConfig,
  waitFor,
  type Harness,
} from '../support/integration';

jest.setTimeout(120_000);

const config = testConfig();
let h: Harness;
beforeAll(async () => {
  h = await startHarness(config, { inbox: false });
});
afterAll(async () => {
  await h?.close();
});

const unique = (email: string) => email.replace('@', `+${crypto.randomBytes(3).toString('hex')}@`);

function calendarEvent(part: MimePart): ICAL.Event {
  const found = findPart(part, 'text/calendar')!;
  const text = found.body.toString('utf8');
  return new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
}

test('a moved gathering is told at once as «Endra dato», with the calendar event updated', async () => {
  // A campaign day lasts 300 ms: the deadline comes within seconds, the first gathering
  // some seconds later; the change is signalled between its announcement and its start.
  const campaign = testCampaign(config, { msPerDay: 300 });
  const network = campaign.networks[0];
  const voss = { ...municipality('4621'), email: unique('postmottak@voss.kommune.example') };
  const kari = {
    name: 'Kari Nordmann',
    title: 'kommunalsjef',
    email: unique('kari@voss.kommune.example'),
    phone: null,
  };
  const handle = await h.client.workflow.start('journey', {
    workflowId: journeyWorkflowId(campaign.id, voss.id),
    taskQueue: config.temporal.taskQueue,
    args: [{ campaign, municipality: voss }],
  });
  await handle.executeUpdate('register', {
    args: [{ participants: [kari], anchored: true, networkPreference: 'A', by: 'test' }],
  });
  const venue = campaign.venues[0];
  const placed: Network = {
    ...network,
    gatherings: network.gatherings.map((g) => ({ ...g, venue })),
  };
  await handle.signal('assigned', { network: placed, waitingListPosition: null });

  const announced = await waitFor('the announcement', async () => {
    const found = await readMailbox(kari.email);
    return found.find((m) => m.mime.subject.startsWith('Første samling')) ?? null;
  });
  // The coordinator moves it two months on (what `nettverk gathering set` signals).
  const moved: Network = {
    ...placed,
    gatherings: placed.gatherings.map((g) =>
      g.number === 1
        ? {
            ...g,
            month: '2013-08',
            date: '2013-08-20',
            startsAt: '2013-08-20T09:30:00.000Z',
            endsAt: '2013-08-21T11:30:00.000Z',
          }
        : g,
    ),
  };
  await handle.signal('networkChanged', moved);

  const change = await waitFor('the change letter', async () => {
    const found = await readMailbox(kari.email);
    return found.find((m) => m.mime.subject.startsWith('Endra dato')) ?? null;
  });
  expect(change.mime.subject).toMatch(/^Endra dato for første samling i nettverk A/);
  const text = change.mime.text!.replace(/\s+/g, ' ');
  expect(text).toContain('Vi har endra datoen for første samling i nettverk A.');
  expect(text).toContain('Tidlegare sa vi 18.–19. juni 2013');
  expect(text).toContain('tysdag 20. august 2013');
  expect(change.header('in-reply-to')).not.toBeNull();

  const before = calendarEvent(announced.mime.root);
  const after = calendarEvent(change.mime.root);
  expect(after.uid).toBe(before.uid);
  expect(after.sequence).toBeGreaterThan(before.sequence);
  expect(after.startDate.toJSDate().toISOString()).toBe('2013-08-20T09:30:00.000Z');
  expect(after.location).toContain(venue.name);

  // Told once: a change letter, not a second announcement of the same gathering.
  const state = await handle.query(journeyStateQuery);
  expect(state.mails.filter((m) => m.template === 'gathering-announcement')).toHaveLength(1);
  expect(state.mails.filter((m) => m.template === 'gathering-change')).toHaveLength(1);
  await handle.terminate('test over');
});

function findPart(part: MimePart, type: string): MimePart | null {
  if (part.contentType === type) return part;
  for (const child of part.children) {
    const found = findPart(child, type);
    if (found) return found;
  }
  return null;
}
