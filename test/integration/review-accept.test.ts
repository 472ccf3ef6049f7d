// A reading the inbox is not sure of never moves a journey: over real SMTP, a registration
// that names nobody goes to review with its reading and evidence, the journey hears nothing,
// and `review accept` with the coordinator's correction delivers it once, through the same
// signal as the inbox.
import crypto from 'node:crypto';
import { journeyStateQuery, journeyWorkflowId } from '../../workflows/definitions';
import { journeyMessageId } from '../../mail/message-id';
import { acceptReview, listReview, showReview } from '../../operations/review';
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

jest.setTimeout(180_000);

const config = testConfig();
let h: Harness;
beforeAll(async () => {
  h = await startHarness(config, { inbox: true });
});
afterAll(async () => {
  await h?.close();
});

const KARI = 'kari.nordmann@voss.kommune.example';

test('an unsure registration waits in review and is applied once when the coordinator accepts it', async () => {
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
  await waitFor('the archive copy filed', async () =>
    (await readMailbox(config.tiAddress, 'Nettverk.Sendt')).some(
      (m) => m.mime.messageId === invitationId,
    ),
  );
  const messageId = `<${crypto.randomBytes(8).toString('hex')}@voss.kommune.example>`;
  const raw = [
    `From: Kari Nordmann <${KARI}>`,
    `To: <${config.tiAddress}>`,
    `Subject: SV: Invitasjon [ref. ${campaign.id}/4621]`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    `In-Reply-To: ${invitationId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Hei!',
    '',
    'Voss herad ønsker å delta i nettverket.',
    '',
    'Helsing',
    'Kari',
    '',
  ].join('\r\n');
  await smtpSend(raw, { from: KARI, to: [config.tiAddress] });

  const [item] = await waitFor('the reply in review', async () => {
    const items = await listReview(h.client, config);
    return items.length === 1 ? items : null;
  });
  expect(item).toMatchObject({ kind: 'registration', note: 'unsure reading' });
  expect(item.reason).toContain('it names nobody');
  // The journey was not told.
  expect((await handle.query(journeyStateQuery)).replies).toEqual([]);

  const shown = await showReview(h.client, config, item.uid);
  expect(shown.journey).toBe(`${campaign.id}/4621`);
  expect(shown.reply.needsReview).toBe(true);
  expect(shown.reply.evidence).toEqual(
    expect.arrayContaining(['registers: «Voss herad ønsker å delta i nettverket.»']),
  );

  const kari = { name: 'Kari Nordmann', title: 'kommunalsjef', email: KARI, phone: null };
  const done = await acceptReview(
    h.client,
    config,
    item.uid,
    { participants: [kari], anchored: true },
    'Testar Koordinator',
  );
  expect(done.journey).toBe(`${campaign.id}/4621`);
  const state = await waitFor('the accepted reading applied', async () => {
    const s = await handle.query(journeyStateQuery);
    return s.replies.length ? s : null;
  });
  expect(state.replies.map((r) => [r.messageId, r.kind])).toEqual([[messageId, 'registration']]);
  expect(state.participants.map((p) => p.email)).toEqual([KARI]);
  expect(state.anchored).toBe(true);

  // Once: the message has left the queue, and a second accept finds nothing to apply.
  expect(await listReview(h.client, config)).toEqual([]);
  await expect(acceptReview(h.client, config, item.uid, {}, 'Testar')).rejects.toThrow(
    `There is no message ${item.uid} in the review queue`,
  );
  expect((await handle.query(journeyStateQuery)).replies).toHaveLength(1);
  await handle.terminate('test over');
});
