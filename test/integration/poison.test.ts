// Anyone in the world can mail the TI inbox. A 2 MB reply of white space (which once made
// the reader's patterns run for minutes, stopping the watcher's heartbeat) and a 3 MB reply
// (whose signal once exceeded Temporal's payload limit) arrive over real SMTP before a normal
// registration: the registration still reaches its journey, and the two go to review
// instead of staying in the inbox to be read again forever.
import crypto from 'node:crypto';
import { ImapFlow } from 'imapflow';
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

jest.setTimeout(180_000);

const config = testConfig();
let h: Harness;
beforeAll(async () => {
  h = await startHarness(config, { inbox: true });
});
afterAll(async () => {
  await h?.close();
});

const folder = (name: string) => `Nettverk.${name}`; // GreenMail's hierarchy delimiter is "."
const KARI = 'kari.nordmann@voss.kommune.example';

function replyTo(inReplyTo: string, subject: string, body: string) {
  const messageId = `<${crypto.randomBytes(8).toString('hex')}@voss.kommune.example>`;
  const raw = [
    `From: Kari Nordmann <${KARI}>`,
    `To: <${config.tiAddress}>`,
    `Subject: SV: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    `In-Reply-To: ${inReplyTo}`,
    `References: ${inReplyTo}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ].join('\r\n');
  return { messageId, raw };
}

/** Message-IDs in a folder, from envelopes only: the poison messages weigh megabytes. */
async function messageIds(name: string): Promise<string[]> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: 3143,
    secure: false,
    auth: { user: config.tiAddress, pass: 'x' },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    if (!(await client.list()).some((f) => f.path === name)) return [];
    const lock = await client.getMailboxLock(name);
    try {
      const ids: string[] = [];
      if (!client.mailbox || !client.mailbox.exists) return ids;
      for await (const m of client.fetch('1:*', { envelope: true })) {
        if (m.envelope?.messageId) ids.push(m.envelope.messageId);
      }
      return ids;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

test('a 2 MB white-space reply and a 3 MB reply go to review and do not hold up the next reply', async () => {
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
    (await readMailbox(config.tiAddress, folder('Sendt'))).some(
      (m) => m.mime.messageId === invitationId,
    ),
  );
  const subject = `Invitasjon [ref. ${campaign.id}/4621]`;

  // Lines of spaces ending in a dot: every line once cost the trimming pattern its length
  // squared. SMTP lines stay under 998 characters.
  const spaces = replyTo(
    invitationId,
    subject,
    Array.from({ length: 2_200 }, () => `${' '.repeat(990)}.`).join('\r\n'),
  );
  const large = replyTo(
    invitationId,
    subject,
    ['Vi melder på Kari Nordmann.', '']
      .concat(Array.from({ length: 40_000 }, (_, i) => `Linje ${i}: lorem ipsum dolor sit amet.`))
      .concat(Array.from({ length: 34_000 }, () => 'consectetur adipiscing elit sed do eiusmod.'))
      .join('\r\n'),
  );
  expect(spaces.raw.length).toBeGreaterThan(2 * 1024 * 1024);
  expect(large.raw.length).toBeGreaterThan(3 * 1024 * 1024);
  const normal = replyTo(
    invitationId,
    subject,
    [
      'Hei!',
      '',
      'Voss herad melder på:',
      '',
      `Kari Nordmann, kommunalsjef, ${KARI}`,
      '',
      'Deltakinga er forankra i administrativ leiing.',
      '',
      'Venleg helsing',
      'Kari Nordmann',
    ].join('\r\n'),
  );
  for (const m of [spaces, large, normal]) {
    await smtpSend(m.raw, { from: KARI, to: [config.tiAddress] });
  }

  const state = await waitFor(
    'the normal reply to reach its journey',
    async () => {
      const s = await handle.query(journeyStateQuery);
      return s.replies.some((r) => r.messageId === normal.messageId) ? s : null;
    },
    90_000,
  );
  expect(state.replies.map((r) => r.kind)).toEqual(['registration']);
  expect(state.participants.map((p) => p.email)).toEqual([KARI]);
  const review = await waitFor('both poison replies in review', async () => {
    const ids = await messageIds(folder('Til vurdering'));
    return ids.includes(spaces.messageId) && ids.includes(large.messageId) ? ids : null;
  });
  expect(review).not.toContain(normal.messageId);
  // Neither was delivered to the journey: only the registration was.
  expect((await handle.query(journeyStateQuery)).replies.map((r) => r.messageId)).toEqual([
    normal.messageId,
  ]);
  expect(await messageIds('INBOX')).toEqual([]);
  await handle.terminate('test over');
});
