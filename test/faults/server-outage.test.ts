// Faults in the servers around the worker, on a private stack (own dev server, own
// GreenMail, own ports: test/faults/support/stack.ts): the Temporal dev server SIGKILLed
// mid-campaign and started again on its SQLite file; SMTP taken away mid-fan-out; IMAP
// taken away while replies arrive. Each test counts what every recipient holds in GreenMail
// and what every journey applied, and asserts exactly once. It waits for conditions with
// generous deadlines and never asserts a timing, so a loaded machine only makes it slower.
//
// Outages last 25 s, not the minutes a real one may: what a long outage does is the same
// loop turned more times. A send that fails is retried by Temporal with backoff
// (workflows/activities.ts: 10 s, 20 s, 40 s, … up to 15 minutes, 300 attempts, a
// schedule-to-start of 7 days); the watcher reconnects with backoff (1 s doubling to 60 s,
// activities/inbox/watch.ts). 25 s spans at least two failed attempts of each, so the path
// "fail, wait, try again, succeed once" is exercised; minutes add iterations, not paths.
import path from 'node:path';
import type { Municipality } from '../../domain/types';
import { journeyStates, registrationReply, roster, startTestCampaign } from './support/campaign';
import { countStep, deliver, mailbox, waitUntil } from './support/mailboxes';
import { allOnce, expectRepliesAppliedOnce } from './support/exactly-once';
import { startPrivateStack, type PrivateStack } from './support/stack';
import { startWorker, stopWorkers, type WorkerProcess } from './support/workers';
import type { Campaign } from '../../domain/types';

jest.setTimeout(300_000);

const OUTAGE_MS = 25_000;

let stack: PrivateStack;
const workers: WorkerProcess[] = [];
let started = 0;
const spawnWorker = (env: Record<string, string>, inbox: boolean) => {
  const w = startWorker(env, { inbox, log: path.join(stack.dir, `worker-${started++}.log`) });
  workers.push(w);
  return w;
};

beforeAll(async () => {
  stack = await startPrivateStack('outage');
}, 180_000);
afterEach(async () => {
  await stopWorkers(workers.splice(0));
}, 60_000);
afterAll(async () => {
  await stack?.close();
}, 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Our copies of a campaign's step in the TI mailbox, inbox and filed. */
async function copies(campaignId: string, step: string): Promise<number> {
  const all = [
    ...(await mailbox(stack.greenmail.imapPort, stack.config.tiAddress)),
    ...(await mailbox(stack.greenmail.imapPort, stack.config.tiAddress, 'Nettverk.Sendt')),
  ];
  return all.filter((m) => m.step === step && m.journey?.startsWith(`${campaignId}/`)).length;
}

async function everyInvitationOnce(campaign: Campaign, list: Municipality[]): Promise<void> {
  await waitUntil(
    'every journey to record its invitation',
    async () =>
      (await journeyStates(stack.client, campaign, list)).every((s) =>
        s.mails.some((m) => m.step === 'invitation'),
      ),
    180_000,
  );
  const counts = await countStep(
    stack.greenmail.imapPort,
    campaign.id,
    'invitation',
    list.map((m) => m.email),
  );
  expect(counts).toEqual(allOnce(counts));
  expect(await copies(campaign.id, 'invitation')).toBe(list.length);
}

test('the Temporal dev server SIGKILLed mid-fan-out and started on its file: every invitation once', async () => {
  const env = { ...stack.env, MAIL_RATE_PER_MINUTE: '120' };
  const list = roster(16, 0);
  const worker = spawnWorker(env, false);
  const campaign = await startTestCampaign(stack.client, stack.config, list);
  await waitUntil(
    '3 invitations out',
    async () => (await copies(campaign.id, 'invitation')) >= 3,
    120_000,
  );
  await stack.killTemporal();
  await sleep(5_000);
  await stack.restartTemporal();
  await everyInvitationOnce(campaign, list);
  // The worker rode it out: it reconnected by itself, nobody restarted it.
  expect(await Promise.race([worker.exited, sleep(100).then(() => 'running')])).toBe('running');
});

test(`SMTP down for ${OUTAGE_MS / 1000} s mid-fan-out: the invitations wait and go once`, async () => {
  const env = { ...stack.env, MAIL_RATE_PER_MINUTE: '120' };
  const list = roster(12, 16);
  spawnWorker(env, false);
  const campaign = await startTestCampaign(stack.client, stack.config, list);
  await waitUntil(
    '3 invitations out',
    async () => (await copies(campaign.id, 'invitation')) >= 3,
    120_000,
  );
  await stack.smtpProxy.cut();
  // What was in flight at the cut settles; after that nothing gets through.
  await sleep(2_000);
  const atCut = await copies(campaign.id, 'invitation');
  await sleep(OUTAGE_MS - 2_000);
  expect(await copies(campaign.id, 'invitation')).toBe(atCut);
  await stack.smtpProxy.restore();
  console.log(`faults: SMTP cut with ${atCut}/${list.length} invitations out`);
  await everyInvitationOnce(campaign, list);
});

test(`IMAP down for ${OUTAGE_MS / 1000} s while replies arrive: they wait, each applied once`, async () => {
  const env = { ...stack.env, MAIL_RATE_PER_MINUTE: '6000' };
  const list = roster(12, 24);
  spawnWorker(env, true);
  const campaign = await startTestCampaign(stack.client, stack.config, list);
  await everyInvitationOnce(campaign, list);

  await stack.imapProxy.cut();
  const replies = list.map((m) => registrationReply(stack.config, campaign, m));
  for (const r of replies) {
    await deliver(stack.greenmail.smtpPort, r.raw, { from: r.from, to: [stack.config.tiAddress] });
  }
  await sleep(OUTAGE_MS);
  const during = await journeyStates(stack.client, campaign, list);
  expect(during.filter((s) => s.replies.length > 0)).toHaveLength(0);
  await stack.imapProxy.restore();

  await expectRepliesAppliedOnce(stack, campaign, list, replies, 180_000);
});
