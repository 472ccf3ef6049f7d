// An outsider who knows our Message-ID scheme (the campaign id is in every subject, the
// kommunenummer are public, the step names are in our headers) cannot stop a municipality's
// mail by filing a look-alike copy in the TI mailbox, nor raise flags and spend the mail
// budget with bounces that name a municipality.
import crypto from 'node:crypto';
import { journeyStateQuery, journeyWorkflowId } from '../../workflows/definitions';
import { journeyMessageId } from '../../mail/message-id';
import { municipality } from '../support/scenario';
import {
  readMailbox,
  smtpSend,
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
  h = await startHarness(config, { inbox: true });
});
afterAll(async () => {
  await h?.close();
});

const folder = (name: string) => `Nettverk.${name}`; // GreenMail's hierarchy delimiter is "."
const unique = (email: string) => email.replace('@', `+${crypto.randomBytes(3).toString('hex')}@`);

/** A message with our headers, as the attacker guesses our next mail would carry them. */
function lookAlike(o: { messageId: string; campaignId: string; subject: string }): string {
  return [
    `From: "Tor Dølvik, Transparency International Norge" <${config.tiAddress}>`,
    `To: postmottak@voss.kommune.example`,
    `Subject: ${o.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${o.messageId}`,
    'Auto-Submitted: auto-generated',
    `X-Nettverk-Journey: ${o.campaignId}/4621`,
    'X-Nettverk-Step: invitation',
    'X-Nettverk-Audience: municipality',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Dette er ikke fra oss.',
    '',
  ].join('\r\n');
}

test('look-alike copies filed before our mail stop nothing: the invitation arrives exactly once', async () => {
  const campaign = testCampaign(config);
  const voss = { ...municipality('4621'), email: unique('postmottak@voss.kommune.example') };
  const subject = `Invitasjon [ref. ${campaign.id}/4621]`;
  const forgeries = [
    `<nv.${campaign.id}.4621.invitation@ti.example>`, // the scheme before the token
    `<nv.${campaign.id}.4621.invitation.${'a'.repeat(26)}@ti.example>`, // a guessed token
  ];
  for (const messageId of forgeries) {
    await smtpSend(lookAlike({ messageId, campaignId: campaign.id, subject }), {
      from: config.tiAddress,
      to: [config.tiAddress],
    });
  }
  // The watcher has read them (filed them somewhere out of the inbox).
  await waitFor('the look-alikes read', async () => {
    const inbox = await readMailbox(config.tiAddress);
    return !inbox.some((m) => forgeries.includes(m.mime.messageId));
  });

  // Now our invitation is due: it goes out, once.
  const handle = await h.client.workflow.start('journey', {
    workflowId: journeyWorkflowId(campaign.id, voss.id),
    taskQueue: config.temporal.taskQueue,
    args: [{ campaign, municipality: voss }],
  });
  const state = await waitFor('the invitation sent', async () => {
    const s = await handle.query(journeyStateQuery);
    return s.mails.length ? s : null;
  });
  expect(state.mails).toEqual([expect.objectContaining({ step: 'invitation', status: 'sent' })]);
  const genuine = journeyMessageId(
    { campaignId: campaign.id, municipalityId: '4621', step: 'invitation' },
    { domain: 'ti.example', key: config.messageKey },
  );
  const received = await waitFor('the invitation in Voss’ mailbox', async () => {
    const found = await readMailbox(voss.email);
    return found.length ? found : null;
  });
  expect(received.map((m) => m.mime.messageId)).toEqual([genuine]);
  await new Promise((r) => setTimeout(r, 1_000));
  expect(await readMailbox(voss.email)).toHaveLength(1);
  // Neither look-alike was taken for our copy.
  const sent = await readMailbox(config.tiAddress, folder('Sendt'));
  expect(sent.map((m) => m.mime.messageId)).not.toContain(forgeries[0]);
  expect(sent.map((m) => m.mime.messageId)).not.toContain(forgeries[1]);
  await handle.terminate('test over');
});

test('a forged bounce naming a municipality is filed, raises no flag and sends no notice', async () => {
  const campaign = testCampaign(config);
  const voss = { ...municipality('4621'), email: unique('postmottak@voss.kommune.example') };
  const handle = await h.client.workflow.start('journey', {
    workflowId: journeyWorkflowId(campaign.id, voss.id),
    taskQueue: config.temporal.taskQueue,
    args: [{ campaign, municipality: voss }],
  });
  await waitFor(
    'the invitation sent',
    async () => (await handle.query(journeyStateQuery)).mails.length,
  );

  const oldScheme = `<nv.${campaign.id}.4621.invitation@ti.example>`;
  const messageId = `<bounce-${crypto.randomBytes(6).toString('hex')}@relay.evil.example>`;
  const bounce = [
    'From: MAILER-DAEMON@relay.evil.example (Mail Delivery System)',
    `To: ${config.tiAddress}`,
    `Subject: Undelivered Mail Returned to Sender [ref. ${campaign.id}/4621]`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    `In-Reply-To: ${oldScheme}`,
    `References: ${oldScheme}`,
    'Auto-Submitted: auto-replied',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    `<${voss.email}>: host mx.voss.kommune.example said: 550 5.1.1 User unknown`,
    '',
    `Message-ID: ${oldScheme}`,
    '',
  ].join('\r\n');
  await smtpSend(bounce, { from: 'mailer-daemon@relay.evil.example', to: [config.tiAddress] });

  const filed = await waitFor('the bounce filed', async () =>
    (await readMailbox(config.tiAddress, folder('Returmeldinger'))).find(
      (m) => m.mime.messageId === messageId,
    ),
  );
  expect(filed).toBeTruthy();
  await new Promise((r) => setTimeout(r, 1_500));
  const state = await handle.query(journeyStateQuery);
  expect(state.flags).toEqual([]);
  expect(state.mails.map((m) => m.step)).toEqual(['invitation']);
  expect(state.pendingEffects).toBe(0);
  await handle.terminate('test over');
});
