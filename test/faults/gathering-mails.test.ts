// A worker SIGKILLed while a gathering's mails go out (issue 10), on a private stack (own dev
// server, own GreenMail, own ports: test/faults/support/stack.ts). A small campaign runs on a
// compressed clock through the whole path an operator takes: started as the CLI starts it,
// registered by the coordinator (`nettverk register`), the assignment approved after the
// deadline; the approval sends every participant the first gathering's announcement and
// attendance request at once (network A's first gathering has its date, the assignment names
// the venue), then the reminder and the practical information as the compressed days pass.
// The worker is SIGKILLed twice during that fan-out. Each participant's mailbox and the TI
// mailbox's copies are counted per step: every mail exactly once. It waits for conditions
// with generous deadlines and never asserts a timing, so a loaded machine only makes it slower.
import fs from 'node:fs';
import path from 'node:path';
import type { Campaign, Municipality, Participant } from '../../domain/types';
import { startCampaign } from '../../operations/start-campaign';
import { approveAssignment, registerByHand } from '../../operations/changes';
import {
  campaignStateQuery,
  campaignWorkflowId,
  type JourneyState,
} from '../../workflows/definitions';
import { testCampaign } from '../support/integration';
import { journeyStates, roster } from './support/campaign';
import { mailbox, waitUntil, type Delivered } from './support/mailboxes';
import { startPrivateStack, type PrivateStack } from './support/stack';
import { startWorker, stopWorkers, type WorkerProcess } from './support/workers';

jest.setTimeout(300_000);

// A campaign day lasts half a second: the deadline comes about 14 s after the start, the first
// gathering (18 June) ends about 14 s later, which is the margin the approval has to reach
// every journey in (a journey placed after its first gathering skips it).
const MS_PER_DAY = 500;
// Three mails a second across the task queue: the 24 mails after the approval (assignment,
// announcement, attendance request for 8 municipalities) take seconds, long enough to be hit.
const RATE_PER_MINUTE = '180';

let stack: PrivateStack;
const workers: WorkerProcess[] = [];
let started = 0;

function spawnWorker(env: Record<string, string>): { worker: WorkerProcess; log: string } {
  const log = path.join(stack.dir, `worker-${started++}.log`);
  const worker = startWorker(env, { inbox: false, log });
  workers.push(worker);
  return { worker, log };
}

/** The worker has bundled its workflows and polls: it prints its line just before it runs. */
const ready = (log: string) =>
  waitUntil(
    'the worker to start',
    async () => fs.existsSync(log) && fs.readFileSync(log, 'utf8').includes('nettverk worker:'),
    120_000,
  );

beforeAll(async () => {
  stack = await startPrivateStack('gathering');
}, 180_000);
afterAll(async () => {
  await stopWorkers(workers.splice(0));
  await stack?.close();
}, 60_000);

/** Three participants each (the maximum): 8 × 3 = 24 fills network A past its minimum of 20. */
function participantsOf(m: Municipality): Participant[] {
  const domain = m.email.split('@')[1];
  return ['Kari Nordmann', 'Ola Hansen', 'Åse Bråten'].map((name, i) => ({
    name,
    title: 'rådgiver',
    email: `deltaker${i + 1}@${domain}`,
    phone: null,
  }));
}

/**
 * The mails that prepare the first gathering (`g1-…-n`): announcement, attendance request,
 * its reminder, practical information. The follow-up after it goes on while the test counts,
 * so it is left out.
 */
const PREPARATION =
  /^g1-(gathering-announcement|attendance-request|gathering-reminder|gathering-practical)-\d+$/;
const isGatheringStep = (step: string | null | undefined): step is string =>
  Boolean(step && PREPARATION.test(step));

const ours = (campaign: Campaign) => (m: Delivered) =>
  isGatheringStep(m.step) && Boolean(m.journey?.startsWith(`${campaign.id}/`));

/** Our copies of the first gathering's mails in the TI mailbox (no watcher files them). */
async function gatheringCopies(campaign: Campaign): Promise<Delivered[]> {
  return (await mailbox(stack.greenmail.imapPort, stack.config.tiAddress)).filter(ours(campaign));
}

/** `{ address: { step: count } }` for the first gathering's mails, a few mailboxes at a time. */
async function tally(
  campaign: Campaign,
  addresses: string[],
): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  const queue = [...addresses];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let a = queue.shift(); a !== undefined; a = queue.shift()) {
        const counts: Record<string, number> = {};
        for (const m of (await mailbox(stack.greenmail.imapPort, a)).filter(ours(campaign))) {
          counts[m.step!] = (counts[m.step!] ?? 0) + 1;
        }
        out[a] = counts;
      }
    }),
  );
  return out;
}

const CORE_STEPS = [
  'g1-gathering-announcement-1',
  'g1-attendance-request-1',
  'g1-gathering-practical-1',
];

test('a worker SIGKILLed twice while the first gathering’s mails go out: every participant gets each exactly once', async () => {
  const env = { ...stack.env, MAIL_RATE_PER_MINUTE: RATE_PER_MINUTE };
  const list = roster(8, 0);
  // The campaign's clock starts once a worker runs, so the compressed days are not spent
  // waiting for the first worker to bundle its workflows.
  await ready(spawnWorker(env).log);
  const campaign = testCampaign(stack.config, { msPerDay: MS_PER_DAY });
  await startCampaign(stack.client, stack.config, { campaign, municipalities: list });
  await Promise.all(
    list.map((m) =>
      registerByHand(stack.client, campaign.id, m.id, {
        participants: participantsOf(m),
        anchored: true,
        networkPreference: 'A',
        by: 'faults',
      }),
    ),
  );

  // After the deadline the campaign proposes; the coordinator approves it as proposed.
  const handle = stack.client.workflow.getHandle(campaignWorkflowId(campaign.id));
  const proposed = await waitUntil(
    'the assignment proposal',
    async () => {
      const s = await handle.query(campaignStateQuery);
      return s.phase === 'awaiting-approval' ? s : null;
    },
    120_000,
  );
  const networkA = proposed.proposal!.networks.find((n) => n.id === 'A')!;
  expect([...networkA.municipalityIds].sort()).toEqual(list.map((m) => m.id).sort());
  await approveAssignment(stack.client, campaign.id, 'faults');
  await waitUntil(
    'every journey placed in network A',
    async () =>
      (await journeyStates(stack.client, campaign, list)).every((s) => s.network?.id === 'A'),
    120_000,
  );

  // Kill once the first gathering's mails are going out, and again once the next worker has
  // sent a few more of them (the approval alone sends 16: announcement and attendance request).
  const killWhenOut = async (atLeast: number): Promise<number> => {
    const n = await waitUntil(
      `${atLeast} of the first gathering's mails out`,
      async () => {
        const out = (await gatheringCopies(campaign)).length;
        return out >= atLeast ? out : null;
      },
      180_000,
      250,
    );
    await workers[workers.length - 1].kill('SIGKILL');
    spawnWorker(env);
    return n;
  };
  const first = await killWhenOut(2);
  const second = await killWhenOut(Math.min(first + 3, 2 * list.length));

  // Done when every journey has recorded the announcement, the attendance request and the
  // practical information (one outbox, in order: the reminder before it is done too).
  const states = await waitUntil(
    'every journey to send the first gathering’s mails',
    async () => {
      const s = await journeyStates(stack.client, campaign, list);
      const done = s.every((x) =>
        CORE_STEPS.every((step) => x.mails.some((m) => m.step === step && m.status !== 'failed')),
      );
      return done ? s : null;
    },
    240_000,
  );

  // Every step a journey recorded reached each of its participants once, and only those.
  const recorded = (s: JourneyState) =>
    new Set(s.mails.filter((m) => isGatheringStep(m.step)).map((m) => m.step));
  const expected: Record<string, Record<string, number>> = {};
  for (const [i, m] of list.entries()) {
    const steps = [...recorded(states[i])].sort();
    for (const p of participantsOf(m)) {
      expected[p.email!] = Object.fromEntries(steps.map((step) => [step, 1]));
    }
  }
  const received = await tally(campaign, Object.keys(expected));
  expect(received).toEqual(expected);

  // The TI mailbox holds one copy per journey and step: the exactly-once check's evidence.
  const copies: Record<string, number> = {};
  for (const c of await gatheringCopies(campaign)) copies[c.step!] = (copies[c.step!] ?? 0) + 1;
  const perStep: Record<string, number> = {};
  for (const s of states) for (const step of recorded(s)) perStep[step] = (perStep[step] ?? 0) + 1;
  expect(copies).toEqual(perStep);
  for (const step of CORE_STEPS) expect(perStep[step]).toBe(list.length);

  const total = Object.values(copies).reduce((a, b) => a + b, 0);
  // Both kills landed while the first gathering's mails were still going out.
  expect(second).toBeLessThan(total);
  const again = states.flatMap((s) =>
    s.mails.filter((m) => isGatheringStep(m.step) && m.status === 'already-sent'),
  ).length;
  console.log(
    `faults: worker SIGKILLed at ${first} and ${second} of ${total} gathering mails; ` +
      `${Object.keys(expected).length} participants × ${Object.keys(perStep).length} steps ` +
      `each exactly once; ${again} retried sends found their copy`,
  );
});
