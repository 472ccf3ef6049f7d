// A send attempt stays alive as long as it works, and never outlives its deadline: so no
// second attempt can check the archive while a first one's SMTP exchange is still running.
import crypto from 'node:crypto';
import net from 'node:net';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { SentArchive } from '../../activities/mail/archive';
import { createSendActivities, type SendDependencies } from '../../activities/mail/send';
import { createTransport } from '../../activities/mail/transport';
import type { OutgoingMail, SendOutcome } from '../../mail/outgoing/send-request';
import { journeyStateQuery, journeyWorkflowId } from '../../workflows/definitions';
import { municipality } from '../support/scenario';
import {
  readMailbox,
  startHarness,
  testCampaign,
  testConfig,
  waitFor,
} from '../support/integration';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const unique = (email: string) => email.replace('@', `+${crypto.randomBytes(3).toString('hex')}@`);

/**
 * A TCP proxy to GreenMail that makes the end of a message slow: with `dot: 'never'` the
 * final `.` is never passed on (the server never accepts the message); with a number, the
 * server's answer to it is held back that long (it accepted at once; we hear it late).
 */
async function slowSmtp(slow: { dot: 'never' } | { replyMs: number }) {
  const stats = { transactions: 0, closedAt: [] as number[] };
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: 3025 });
    let sentDot = false;
    let toClient = Promise.resolve();
    upstream.on('data', (chunk) => {
      const hold = sentDot && 'replyMs' in slow ? slow.replyMs : 0;
      sentDot = false;
      toClient = toClient.then(async () => {
        await sleep(hold);
        if (!client.destroyed) client.write(chunk);
      });
    });
    client.on('data', (chunk) => {
      if (/\r\n\.\r\n/.test(chunk.toString('latin1'))) {
        stats.transactions += 1;
        if ('dot' in slow) return;
        sentDot = true;
      }
      upstream.write(chunk);
    });
    let ended = false;
    const end = () => {
      if (!ended) stats.closedAt.push(Date.now());
      ended = true;
      upstream.destroy();
      client.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return { port, stats, close: () => new Promise((r) => server.close(r)) };
}

function invitation(config: ReturnType<typeof testConfig>, email: string): OutgoingMail {
  const campaign = testCampaign(config);
  const voss = { ...municipality('4621'), email };
  return {
    campaignId: campaign.id,
    municipalityId: voss.id,
    step: 'invitation',
    template: 'invitation',
    context: { campaign, municipality: voss } as OutgoingMail['context'],
    to: [{ name: voss.name, address: email }],
    cc: [],
    threadSteps: [],
    inReplyTo: null,
    audience: 'municipality',
  };
}

const render = () => ({ subject: 'Invitasjon', text: 'Hei', html: '<p>Hei</p>', attachments: [] });
const noCopy = { contains: async () => false, close: async () => {} } as unknown as SentArchive;

test('a slow SMTP exchange and the grace wait heartbeat all along', async () => {
  const config = testConfig({ MAIL_ARCHIVE_GRACE_SECONDS: '1' });
  const slowSend = async () => {
    await sleep(1_200);
    return { accepted: ['x'], rejected: [], response: '250 OK' };
  };
  // Both shapes of transport, so the test says what it says before and after the change.
  const transport = { send: slowSend, sendMail: slowSend, close: () => {} };
  const deps = { config, archive: noCopy, render, transport } as unknown as SendDependencies;
  const env = new MockActivityEnvironment({
    attempt: 2,
    heartbeatTimeoutMs: 400,
    startToCloseTimeoutMs: 60_000,
  });
  const beats: number[] = [];
  env.on('heartbeat', () => beats.push(Date.now()));
  const started = Date.now();
  const outcome = (await env.run(
    createSendActivities(deps).sendMail,
    invitation(config, 'x@voss.example'),
  )) as SendOutcome;
  expect(outcome.status).toBe('sent');
  // 1 s of grace and 1.2 s of SMTP: never a gap near the 400 ms heartbeat timeout.
  const times = [started, ...beats, Date.now()];
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  expect(Math.max(...gaps)).toBeLessThan(300);
});

test('an exchange still running at the deadline is cut before start-to-close; the server never got the message', async () => {
  const proxy = await slowSmtp({ dot: 'never' });
  const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${proxy.port}` });
  const email = unique('postmottak@voss.kommune.example');
  const transport = createTransport(config);
  const deps = { config, archive: noCopy, render, transport } as unknown as SendDependencies;
  const env = new MockActivityEnvironment({
    attempt: 1,
    heartbeatTimeoutMs: 1_000,
    startToCloseTimeoutMs: 3_000,
  });
  const started = Date.now();
  try {
    await expect(
      env.run(createSendActivities(deps).sendMail, invitation(config, email)),
    ).rejects.toThrow(/SMTP/);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(proxy.stats.transactions).toBe(1);
    await waitFor(
      'the proxy to see the connection cut',
      async () => proxy.stats.closedAt.length,
      500,
    );
    expect(proxy.stats.closedAt[0] - started).toBeLessThan(3_000);
    await sleep(200);
    expect(await readMailbox(email)).toHaveLength(0);
  } finally {
    transport.close();
    await proxy.close();
  }
});

test('an SMTP exchange slower than the heartbeat timeout is not retried beside itself: one copy arrives', async () => {
  // The server accepts at once but its answer takes 30 s; the heartbeat timeout is 20 s and
  // a retry comes 10 s after it. Without heartbeats a second attempt runs while the first
  // still waits (here it finds the copy and reports `already-sent`; had the server been slow
  // before accepting, it would have sent the mail again).
  const proxy = await slowSmtp({ replyMs: 30_000 });
  const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${proxy.port}` });
  const campaign = testCampaign(config);
  const voss = { ...municipality('4621'), email: unique('postmottak@voss.kommune.example') };
  const harness = await startHarness(config, { inbox: false });
  try {
    const handle = await harness.client.workflow.start('journey', {
      workflowId: journeyWorkflowId(campaign.id, voss.id),
      taskQueue: config.temporal.taskQueue,
      args: [{ campaign, municipality: voss }],
    });
    const state = await waitFor(
      'the slow send to complete',
      async () => {
        const s = await handle.query(journeyStateQuery);
        return s.mails.length ? s : null;
      },
      120_000,
    );
    expect(state.mails).toEqual([expect.objectContaining({ step: 'invitation', status: 'sent' })]);
    // Sent by the first attempt: no second one ever checked, or connected.
    await sleep(3_000);
    expect(proxy.stats.transactions).toBe(1);
    expect(await readMailbox(voss.email)).toHaveLength(1);
    await handle.terminate('test over');
  } finally {
    await harness.close();
    await proxy.close();
  }
});
