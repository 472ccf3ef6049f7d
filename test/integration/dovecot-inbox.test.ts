// The inbox end to end against Dovecot, a real IMAP server, as well as GreenMail: a
// private Dovecot (scripts/dovecot.ts: the Debian packages unpacked into .tools/, run as
// this user on a free port) holds the TI mailbox; the shared GreenMail stays the SMTP
// server, and a small relay in this test plays the mail system between them, moving each
// message GreenMail receives for the TI address into Dovecot's INBOX. The watcher then
// files our copies, applies a reply once, files it, and a second copy changes nothing.
// Skipped, saying why, where Dovecot cannot be installed or run without root.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { ensureRunning, stop, type ServiceDefinition } from '../../scripts/services';
import { dovecotService, installDovecot } from '../../scripts/dovecot';
import { journeyMessageId } from '../../mail/message-id';
import { journeyStateQuery, journeyWorkflowId } from '../../workflows/definitions';
import { municipality } from '../support/scenario';
import { freePort } from '../faults/support/stack';
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

const PASSWORD = 'dovecot-test';
let unavailable: string | null = null;
let dir: string;
let server: ServiceDefinition;
let port: number;
let h: Harness;
let relaying = true;
let relay: Promise<void> = Promise.resolve();

const imap = (p: number, user: string, pass: string) => {
  const c = new ImapFlow({
    host: '127.0.0.1',
    port: p,
    secure: false,
    auth: { user, pass },
    logger: false,
  });
  c.on('error', () => undefined);
  return c;
};

/** Moves what GreenMail receives for the TI address into Dovecot, as a mail system would. */
async function relayLoop(address: string): Promise<void> {
  while (relaying) {
    const from = imap(3143, address, 'x');
    const to = imap(port, address, PASSWORD);
    try {
      await from.connect();
      await to.connect();
      const lock = await from.getMailboxLock('INBOX');
      try {
        if (from.mailbox && from.mailbox.exists > 0) {
          // Fetched whole first: imapflow runs no other command inside a fetch loop.
          for (const m of await from.fetchAll('1:*', { uid: true, source: true })) {
            if (m.source) await to.append('INBOX', m.source);
            await from.messageDelete(String(m.uid), { uid: true });
          }
        }
      } finally {
        lock.release();
      }
    } catch {
      // the next round tries again
    } finally {
      await from.logout().catch(() => from.close());
      await to.logout().catch(() => to.close());
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Message-IDs in a Dovecot folder of the TI mailbox. */
async function dovecotFolder(address: string, folder: string): Promise<string[]> {
  const c = imap(port, address, PASSWORD);
  await c.connect();
  try {
    if (!(await c.list()).some((f) => f.path === folder)) return [];
    const lock = await c.getMailboxLock(folder);
    try {
      if (!c.mailbox || c.mailbox.exists === 0) return [];
      const ids: string[] = [];
      for await (const m of c.fetch('1:*', { envelope: true }))
        ids.push(m.envelope?.messageId ?? '');
      return ids;
    } finally {
      lock.release();
    }
  } finally {
    await c.logout().catch(() => c.close());
  }
}

const id = crypto.randomBytes(3).toString('hex');
let config: ReturnType<typeof testConfig>;

beforeAll(async () => {
  try {
    installDovecot(() => undefined);
  } catch (error) {
    unavailable = `Dovecot could not be installed: ${(error as Error).message}`;
    return;
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-dovecot-'));
  port = await freePort();
  config = testConfig({ IMAP_URL: `imap://127.0.0.1:${port}`, IMAP_PASSWORD: PASSWORD });
  server = dovecotService({
    host: '127.0.0.1',
    port,
    stateDir: dir,
    users: { [config.tiAddress]: PASSWORD },
  });
  try {
    await ensureRunning(server);
  } catch (error) {
    unavailable = `Dovecot did not start without root here: ${(error as Error).message.split('\n')[0]}`;
    return;
  }
  relay = relayLoop(config.tiAddress);
  h = await startHarness(config, { inbox: true });
}, 120_000);

afterAll(async () => {
  relaying = false;
  await h?.close();
  await relay;
  if (server) await stop(server);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

test('a reply through Dovecot advances its journey once and is filed; our copy is filed too', async () => {
  if (unavailable) {
    console.warn(`Skipped: ${unavailable}`);
    return;
  }
  const campaign = testCampaign(config);
  const voss = municipality('4621');
  const kari = `kari.nordmann+${id}@voss.kommune.example`;
  const handle = await h.client.workflow.start('journey', {
    workflowId: journeyWorkflowId(campaign.id, voss.id),
    taskQueue: config.temporal.taskQueue,
    args: [{ campaign, municipality: voss }],
  });
  const invitationId = journeyMessageId(
    { campaignId: campaign.id, municipalityId: '4621', step: 'invitation' },
    { domain: 'ti.example', key: config.messageKey },
  );
  await waitFor(
    'the archive copy filed in Dovecot',
    async () => (await dovecotFolder(config.tiAddress, 'Nettverk.Sendt')).includes(invitationId),
    60_000,
  );

  const replyId = `<${crypto.randomBytes(8).toString('hex')}@voss.kommune.example>`;
  const raw = [
    `From: Kari Nordmann <${kari}>`,
    `To: <${config.tiAddress}>`,
    `Subject: SV: Invitasjon [ref. ${campaign.id}/4621]`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${replyId}`,
    `In-Reply-To: ${invitationId}`,
    `References: ${invitationId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Hei! Voss herad melder på desse to:',
    '',
    `Kari Nordmann, kommunalsjef, ${kari}`,
    'Ola Hansen, rådgjevar, ola.hansen@voss.kommune.example',
    '',
    'Deltakinga er forankra i administrativ leiing.',
    '',
  ].join('\r\n');
  await smtpSend(raw, { from: kari, to: [config.tiAddress] });
  await waitFor(
    'the journey to register Voss',
    async () => (await handle.query(journeyStateQuery)).stage === 'registered',
    60_000,
  );
  await waitFor(
    'the reply filed under Behandlet in Dovecot',
    async () => (await dovecotFolder(config.tiAddress, 'Nettverk.Behandlet')).includes(replyId),
    60_000,
  );
  const confirmation = (m: { mime: { inReplyTo: string | null } }) => m.mime.inReplyTo === replyId;
  await waitFor(
    'the confirmation',
    async () => (await readMailbox(kari)).some(confirmation),
    60_000,
  );

  // The same reply again: filed beside the first, nothing applied or sent twice.
  await smtpSend(raw, { from: kari, to: [config.tiAddress] });
  await waitFor(
    'the duplicate filed',
    async () =>
      (await dovecotFolder(config.tiAddress, 'Nettverk.Behandlet')).filter((m) => m === replyId)
        .length === 2,
    60_000,
  );
  const state = await handle.query(journeyStateQuery);
  expect(state.replies.map((r) => r.messageId)).toEqual([replyId]);
  expect(state.mails.filter((m) => m.template === 'registration-confirmation')).toHaveLength(1);
  expect((await readMailbox(kari)).filter(confirmation)).toHaveLength(1);
  expect(await dovecotFolder(config.tiAddress, 'INBOX')).toEqual([]);
  const sent = await dovecotFolder(config.tiAddress, 'Nettverk.Sendt');
  expect(sent.filter((m) => m === invitationId)).toHaveLength(1);
  await handle.terminate('test over');
});
