// The walking skeleton through every real part: a journey workflow on the dev server
// sends its templated invitation (handlebars → nodemailer → GreenMail SMTP), and the
// message is read back over IMAP from the recipient's mailbox.
import crypto from 'node:crypto';
import ICAL from 'ical.js';
import type { MimePart } from '../../mail/incoming/mime';
import { journeyStateQuery, journeyWorkflowId } from '../../workflows/definitions';
import { municipality } from '../support/scenario';
import { journeyMessageId } from '../../mail/message-id';
import {
  readMailbox,
  startHarness,
  testCampaign,
  testConfig,
  waitFor,
  type Harness,
} from '../support/integration';

jest.setTimeout(90_000);

const config = testConfig();
let h: Harness;
beforeAll(async () => {
  h = await startHarness(config, { inbox: false });
});
afterAll(async () => {
  await h?.close();
});

const unique = (email: string) => email.replace('@', `+${crypto.randomBytes(3).toString('hex')}@`);

test('the invitation goes through real SMTP and comes back over real IMAP, in Norwegian, with its threading headers', async () => {
  const campaign = testCampaign(config);
  const voss = { ...municipality('4621'), email: unique('postmottak@voss.kommune.example') };
  const handle = await h.client.workflow.start('journey', {
    workflowId: journeyWorkflowId(campaign.id, voss.id),
    taskQueue: config.temporal.taskQueue,
    args: [{ campaign, municipality: voss }],
  });

  const [mail] = await waitFor('the invitation in Voss’ mailbox', async () => {
    const found = await readMailbox(voss.email);
    return found.length ? found : null;
  });
  expect(mail.mime.messageId).toBe(
    journeyMessageId(
      { campaignId: campaign.id, municipalityId: '4621', step: 'invitation' },
      { domain: 'ti.example', key: config.messageKey },
    ),
  );
  expect(mail.mime.subject).toBe(
    `Invitasjon til å delta i korrupsjonsførebyggjande nettverk [ref. ${campaign.id}/4621]`,
  );
  expect(mail.mime.from).toEqual({
    name: 'Tor Dølvik, Transparency International Norge',
    address: config.tiAddress,
  });
  expect(mail.mime.replyTo).toEqual(
    [{ name: null, address: config.tiAddress }].map((a) =>
      expect.objectContaining({ address: a.address }),
    ),
  );
  expect(mail.header('auto-submitted')).toBe('auto-generated');
  expect(mail.header('x-auto-response-suppress')).toBe('OOF, AutoReply');
  // Both parts, nynorsk for Voss, æøå intact through quoted-printable/base64 and back.
  expect(mail.mime.text).toContain('Påmeldingsfristen er tysdag');
  expect(mail.mime.text).toContain('«Beskytt kommunen!»');
  expect(mail.mime.html).toContain('lang="nn"');
  expect(mail.mime.html).toContain('Påmelding');
  expect(mail.mime.text).toMatch(/æ|ø|å/);

  // The archive copy travelled in the same SMTP transaction to the TI mailbox (blind).
  const archive = await readMailbox(config.tiAddress);
  expect(archive.map((m) => m.mime.messageId)).toContain(mail.mime.messageId);
  expect(mail.header('bcc')).toBeNull();

  const state = await handle.query(journeyStateQuery);
  expect(state.stage).toBe('invited');
  expect(state.mails).toEqual([
    expect.objectContaining({ step: 'invitation', status: 'sent', recipients: 1 }),
  ]);
  // Visible to `temporal workflow list --query "Stage='invited'"` and the UI.
  await waitFor('the Stage search attribute', async () => {
    const n = await h.client.workflow.count(`CampaignId = "${campaign.id}" AND Stage = "invited"`);
    return n.count === 1;
  });
  await handle.terminate('test over');
});

test('a gathering announcement carries an .ics calendar that parses, spanning lunch to lunch', async () => {
  // A campaign day lasts 100 ms: the deadline passes within seconds and the journey goes on.
  const campaign = testCampaign(config, { msPerDay: 100 });
  const network = campaign.networks[0];
  const voss = { ...municipality('4621'), email: unique('postmottak@voss.kommune.example') };
  const participant = {
    name: 'Kari Nordmann',
    title: 'kommunalsjef',
    email: unique('kari@voss.kommune.example'),
    phone: null,
  };
  // Straight to an assigned journey: registered by the coordinator, then placed.
  const handle = await h.client.workflow.start('journey', {
    workflowId: journeyWorkflowId(campaign.id, voss.id),
    taskQueue: config.temporal.taskQueue,
    args: [{ campaign, municipality: voss }],
  });
  await handle.executeUpdate('register', {
    args: [{ participants: [participant], anchored: true, networkPreference: 'A', by: 'test' }],
  });
  const venue = campaign.venues[0];
  await handle.signal('assigned', {
    network: { ...network, gatherings: network.gatherings.map((g) => ({ ...g, venue })) },
    waitingListPosition: null,
  });
  const mails = await waitFor('the announcement', async () => {
    const found = await readMailbox(participant.email);
    return found.some((m) => m.mime.subject.startsWith('Første samling')) ? found : null;
  });
  const announcement = mails.find((m) => m.mime.subject.startsWith('Første samling'))!;
  expect(announcement.mime.attachments).toEqual([
    expect.objectContaining({ contentType: 'text/calendar', filename: 'nettverk-a-samling-1.ics' }),
  ]);
  const calendarText = findPart(announcement.mime.root, 'text/calendar')!.body.toString('utf8');
  const event = new ICAL.Component(ICAL.parse(calendarText)).getFirstSubcomponent('vevent')!;
  const e = new ICAL.Event(event);
  expect(e.startDate.toJSDate().toISOString()).toBe('2013-06-18T09:30:00.000Z');
  expect(e.endDate.toJSDate().toISOString()).toBe('2013-06-19T11:30:00.000Z');
  expect(e.location).toContain(venue.name);
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
