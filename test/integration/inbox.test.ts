// A municipality replies over real SMTP to the TI mailbox in GreenMail; the inbox
// watcher (a long activity of the inbox workflow on the dev server) understands it,
// advances the right journey within seconds, and files it. Sending it again changes
// nothing; a stranger writing in the thread goes to review, an out-of-office is filed.
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

function outlookReply(o: {
  from: string;
  to: string;
  inReplyTo: string;
  subject: string;
  body: string;
  messageId?: string;
  extraHeaders?: string;
}) {
  const messageId =
    o.messageId ?? `<${crypto.randomBytes(8).toString('hex')}@voss.kommune.example>`;
  return {
    messageId,
    raw: [
      `From: Kari Nordmann <${o.from}>`,
      `To: <${o.to}>`,
      `Subject: SV: ${o.subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: ${messageId}`,
      `In-Reply-To: ${o.inReplyTo}`,
      `References: ${o.inReplyTo}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="utf-8"',
      'Content-Transfer-Encoding: 8bit',
      ...(o.extraHeaders ? [o.extraHeaders] : []),
      '',
      o.body,
      '',
      'Fra: Tor Dølvik <dolvik@transparency.no>',
      'Sendt: 23. april 2013 09:00',
      `Til: postmottak@voss.kommune.example`,
      `Emne: ${o.subject}`,
      '',
      'KS og Transparency International Norge har gleden av å invitere …',
      '',
    ].join('\r\n'),
  };
}

test('a reply advances its journey within seconds, is filed, and a second copy changes nothing', async () => {
  const campaign = testCampaign(config);
  const voss = municipality('4621');
  const handle = await h.client.workflow.start('journey', {
    workflowId: journeyWorkflowId(campaign.id, voss.id),
    taskQueue: config.temporal.taskQueue,
    args: [{ campaign, municipality: voss }],
  });
  const invitationId = journeyMessageId(
    { campaignId: campaign.id, municipalityId: '4621', step: 'invitation' },
    { domain: 'ti.example', key: config.messageKey },
  );
  // The archive copy of the invitation is recognised as our own and filed under Sendt.
  await waitFor('the archive copy filed', async () =>
    (await readMailbox(config.tiAddress, folder('Sendt'))).some(
      (m) => m.mime.messageId === invitationId,
    ),
  );

  const reply = outlookReply({
    from: 'kari.nordmann@voss.kommune.example',
    to: config.tiAddress,
    inReplyTo: invitationId,
    subject: `Invitasjon til å delta i korrupsjonsførebyggjande nettverk [ref. ${campaign.id}/4621]`,
    body: [
      'Hei!',
      '',
      'Voss herad melder på desse to:',
      '',
      'Kari Nordmann, kommunalsjef, kari.nordmann@voss.kommune.example',
      'Ola Hansen, rådgjevar, ola.hansen@voss.kommune.example',
      '',
      'Deltakinga er forankra i administrativ leiing. Vi ønskjer nettverk A.',
      '',
      'Venleg helsing',
      'Kari Nordmann',
    ].join('\r\n'),
  });
  const sentAt = Date.now();
  await smtpSend(reply.raw, { from: 'kari.nordmann@voss.kommune.example', to: [config.tiAddress] });
  const state = await waitFor('the journey to register Voss', async () => {
    const s = await handle.query(journeyStateQuery);
    return s.stage === 'registered' ? s : null;
  });
  const latencyMs = Date.now() - sentAt;
  console.log(`reply-to-journey latency: ${latencyMs} ms`);
  expect(state.participants.map((p) => [p.name, p.email])).toEqual([
    ['Kari Nordmann', 'kari.nordmann@voss.kommune.example'],
    ['Ola Hansen', 'ola.hansen@voss.kommune.example'],
  ]);
  expect(state.anchored).toBe(true);
  expect(state.networkPreference).toBe('A');
  await waitFor('the reply filed under Behandlet', async () =>
    (await readMailbox(config.tiAddress, folder('Behandlet'))).some(
      (m) => m.mime.messageId === reply.messageId,
    ),
  );
  // The confirmation reached Kari, threaded under her reply.
  const confirmation = await waitFor('the confirmation', async () =>
    (await readMailbox('kari.nordmann@voss.kommune.example')).find(
      (m) => m.mime.inReplyTo === reply.messageId,
    ),
  );
  expect(confirmation.header('auto-submitted')).toBe('auto-replied');

  // The same message again (a crash before it was moved would do this): nothing changes.
  await smtpSend(reply.raw, { from: 'kari.nordmann@voss.kommune.example', to: [config.tiAddress] });
  await waitFor(
    'the duplicate filed',
    async () =>
      (await readMailbox(config.tiAddress, folder('Behandlet'))).filter(
        (m) => m.mime.messageId === reply.messageId,
      ).length === 2,
  );
  const after = await handle.query(journeyStateQuery);
  expect(after.replies).toHaveLength(1);
  expect(after.mails.map((m) => m.template)).toEqual(
    state.mails
      .map((m) => m.template)
      .concat(after.mails.slice(state.mails.length).map((m) => m.template)),
  );
  expect(after.mails.filter((m) => m.template === 'registration-confirmation')).toHaveLength(1);

  // Someone outside the municipality writing in the thread: review, not applied.
  const stranger = outlookReply({
    from: 'someone@gmail.com',
    to: config.tiAddress,
    inReplyTo: invitationId,
    subject: 'Invitasjon',
    body: 'Vi trekker oss. Hilsen Voss',
  });
  await smtpSend(stranger.raw, { from: 'someone@gmail.com', to: [config.tiAddress] });
  await waitFor('the stranger in review', async () =>
    (await readMailbox(config.tiAddress, folder('Til vurdering'))).some(
      (m) => m.mime.messageId === stranger.messageId,
    ),
  );
  expect((await handle.query(journeyStateQuery)).stage).toBe('registered');

  // An Exchange out-of-office: filed, recorded, not an answer.
  const away = outlookReply({
    from: 'ola.hansen@voss.kommune.example',
    to: config.tiAddress,
    inReplyTo: invitationId,
    subject: 'Invitasjon',
    body: 'Eg er på ferie og er tilbake 3. juni.',
    extraHeaders: 'X-Auto-Response-Suppress: All',
  });
  const awayRaw = away.raw.replace(
    'Subject: SV: Invitasjon',
    'Subject: Automatisk svar: Invitasjon',
  );
  await smtpSend(awayRaw, { from: 'ola.hansen@voss.kommune.example', to: [config.tiAddress] });
  await waitFor('the out-of-office filed', async () =>
    (await readMailbox(config.tiAddress, folder('Automatiske svar'))).some(
      (m) => m.mime.messageId === away.messageId,
    ),
  );
  const final = await handle.query(journeyStateQuery);
  expect(final.replies.map((r) => r.kind)).toEqual(['registration', 'auto-reply']);
  expect((await readMailbox(config.tiAddress)).length).toBe(0); // nothing left unprocessed
  await handle.terminate('test over');
});
