// Faults in the worker process, on a private stack (own dev server, own GreenMail, own
// ports: test/faults/support/stack.ts), with workers run as operators run them and killed
// with SIGKILL: no shutdown, no goodbye, whatever was in flight is lost with the process.
// Each test counts what every recipient holds in GreenMail and what every journey applied,
// and asserts exactly once. It waits for conditions with generous deadlines and never
// asserts a timing, so a loaded machine only makes it slower.
//
// test/integration/exactly-once.test.ts already kills one worker at the worst moment of a
// single send (right after the SMTP accept, by fault injection): that is not repeated here.
// Here the kills land wherever a busy fan-out or a batch of replies happens to be.
import os from 'node:os';
import path from 'node:path';
import type { Municipality } from '../../domain/types';
import { inboxWorkflowId } from '../../workflows/definitions';
import { journeyStates, registrationReply, roster, startTestCampaign } from './support/campaign';
import { countStep, deliver, mailbox, waitUntil } from './support/mailboxes';
import { allOnce, expectRepliesAppliedOnce } from './support/exactly-once';
import { startPrivateStack, type PrivateStack } from './support/stack';
import { startWorker, stopWorkers, type WorkerProcess } from './support/workers';

jest.setTimeout(300_000);

let stack: PrivateStack;
const workers: WorkerProcess[] = [];
let started = 0;
const spawnWorker = (env: Record<string, string>, inbox: boolean) => {
  const w = startWorker(env, { inbox, log: path.join(stack.dir, `worker-${started++}.log`) });
  workers.push(w);
  return w;
};

beforeAll(async () => {
  stack = await startPrivateStack('crash');
}, 180_000);
// Each test's workers end with it: a worker started with --no-inbox still serves the main
// task queue, the watcher activity included, and would take part in the next test.
afterEach(async () => {
  await stopWorkers(workers.splice(0));
}, 60_000);
afterAll(async () => {
  await stack?.close();
}, 60_000);

/** Our copies of a campaign's step in the TI mailbox (its inbox: no watcher files them). */
async function copies(campaignId: string, step: string): Promise<number> {
  const mails = await mailbox(stack.greenmail.imapPort, stack.config.tiAddress);
  return mails.filter((m) => m.step === step && m.journey?.startsWith(`${campaignId}/`)).length;
}

test('a worker SIGKILLed twice during the invitation fan-out: every invitation arrives exactly once', async () => {
  // Two a second across the task queue, so the fan-out of 24 lasts long enough to be hit.
  const env = { ...stack.env, MAIL_RATE_PER_MINUTE: '120' };
  const list = roster(20, 0);
  spawnWorker(env, false);
  const campaign = await startTestCampaign(stack.client, stack.config, list);

  for (const atLeast of [3, 10]) {
    await waitUntil(
      `${atLeast} invitations out`,
      async () => (await copies(campaign.id, 'invitation')) >= atLeast,
      120_000,
    );
    await workers[workers.length - 1].kill('SIGKILL');
    spawnWorker(env, false);
  }

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
});

test('two workers with the inbox watcher: one watcher runs, no double mail; its worker SIGKILLed mid-batch of replies loses and doubles none', async () => {
  const env = { ...stack.env, MAIL_RATE_PER_MINUTE: '6000' };
  const list: Municipality[] = roster(16, 20);
  const [a, b] = [spawnWorker(env, true), spawnWorker(env, true)];
  const campaign = await startTestCampaign(stack.client, stack.config, list);
  await waitUntil(
    'every invitation recorded',
    async () =>
      (await journeyStates(stack.client, campaign, list)).every((s) =>
        s.mails.some((m) => m.step === 'invitation'),
      ),
    120_000,
  );
  const invitations = await countStep(
    stack.greenmail.imapPort,
    campaign.id,
    'invitation',
    list.map((m) => m.email),
  );
  expect(invitations).toEqual(allOnce(invitations));

  // One inbox workflow per mailbox, one watcher activity in it, on one of the two workers.
  const inbox = stack.client.workflow.getHandle(inboxWorkflowId(stack.config.tiAddress));
  const holder = await waitUntil(
    'the watcher running on one of the two',
    async () => {
      const pending = (await inbox.describe()).raw.pendingActivities ?? [];
      if (pending.length !== 1) return null;
      const identity = String(pending[0].lastWorkerIdentity ?? '');
      return [a, b].find((w) => identity === `${w.pid}@${os.hostname()}`) ?? null;
    },
    120_000,
  );

  // Every municipality registers; the watcher's worker dies once a few are applied.
  const replies = list.map((m) => registrationReply(stack.config, campaign, m));
  for (const r of replies) {
    await deliver(stack.greenmail.smtpPort, r.raw, { from: r.from, to: [stack.config.tiAddress] });
  }
  const applied = async () =>
    (await journeyStates(stack.client, campaign, list)).filter((s) => s.replies.length > 0).length;
  await waitUntil('a few replies applied', async () => (await applied()) >= 2, 120_000);
  const appliedAtKill = await applied();
  await holder.kill('SIGKILL');
  spawnWorker(env, true);
  console.log(
    `faults: watcher's worker SIGKILLed with ${appliedAtKill}/${list.length} replies applied`,
  );

  // The watcher comes back after its heartbeat timeout (a minute) on a surviving worker.
  await expectRepliesAppliedOnce(stack, campaign, list, replies, 240_000);
  // Nothing left unread in the TI mailbox: every reply filed.
  await waitUntil(
    'the TI inbox emptied',
    async () => (await mailbox(stack.greenmail.imapPort, stack.config.tiAddress)).length === 0,
    120_000,
  );
});
