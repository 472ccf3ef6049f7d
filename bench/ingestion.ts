// Reply ingestion on the dev server and GreenMail, worker and inbox watcher in this process:
// - throughput: N registrations for N journeys waiting for them, in a fresh TI mailbox: once
//   waiting there when the watcher starts (from its start until every journey has left
//   `invited`), once sent by SMTP while it runs (from the first send); against (a) imapflow
//   fetching and postal-mime parsing the same messages, (b) a no-op signal to the same
//   journeys, both measured in the same run; the ratio is against the slower of the two;
// - latency, reply → journey state, while the watcher idles (IMAP IDLE): replies one at a
//   time, then pairs a few tens of milliseconds apart (two replies in the same second once
//   stalled 17 s: a wake-up lost while a MOVE ran).
// Everything it starts is on its own task queue and deleted afterwards by one batch job.
import crypto from 'node:crypto';
import { Connection, type Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Campaign } from '../domain/types';
import type { Config } from '../platform/config';
import { createClient } from '../platform/temporal';
import { startCampaign } from '../operations/start-campaign';
import { journeyQuery } from '../operations/journeys';
import { journeyStateQuery, journeyWorkflowId } from '../workflows/definitions';
import { createWorkers, startInbox } from '../worker/workers';
import { withImap } from '../activities/mail/imap';
import type { Row } from './measure';
import { benchConfig, campaignFor, municipalities } from './system';
import { deleteBenchWorkflows } from './scale';
import {
  bareSignalRate,
  countIn,
  fetchAndParseRate,
  registrationReply,
  sendAll,
  type BenchReply,
} from './ingestion-mail';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The bare signals' concurrency: the bound the inbox applies replies with (batch.ts). */
const SIGNAL_CONCURRENCY = 8;
/** GreenMail's hierarchy delimiter is "."; the folder prefix is the default. */
const PROCESSED = 'Nettverk.Behandlet';

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number) {
  const t0 = Date.now();
  while (!(await probe())) {
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`ingestion bench: timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** ms from sending `reply` until its journey holds it (capped: a stall shows as the cap). */
async function appliedAfter(client: Client, campaign: Campaign, reply: BenchReply, sentAt: number) {
  const handle = client.workflow.getHandle(journeyWorkflowId(campaign.id, reply.municipalityId));
  const cap = 90_000;
  while (Date.now() - sentAt < cap) {
    const s = await handle.query(journeyStateQuery);
    if (s.replies.some((r) => r.messageId === reply.messageId)) return Date.now() - sentAt;
    await sleep(10);
  }
  return cap;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

function spread(samples: number[]): { p50: number; p95: number; max: number; text: string } {
  const s = [...samples].sort((a, b) => a - b);
  const p50 = quantile(s, 0.5);
  const p95 = quantile(s, 0.95);
  const max = s[s.length - 1];
  return { p50, p95, max, text: `p50 ${p50} ms, p95 ${p95} ms, max ${max} ms` };
}

export async function ingestionBenchmark(n: number, single: number, pairs: number): Promise<Row[]> {
  // A fresh mailbox; the safety-net sweep at its default (60 s), so a lost wake-up shows.
  // SMTP_URL and IMAP_URL from the environment, when set, name another mail server.
  const config: Config = benchConfig({
    MAIL_RATE_PER_MINUTE: '100000',
    ...(process.env.SMTP_URL ? { SMTP_URL: process.env.SMTP_URL } : {}),
    ...(process.env.IMAP_URL ? { IMAP_URL: process.env.IMAP_URL } : {}),
  });
  const prefix = config.temporal.taskQueue;
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = createClient(connection, config);
  const native = await NativeConnection.connect({ address: config.temporal.address });
  // The watcher starts later: first with N replies waiting for it.
  const workers = await createWorkers({ config, connection: native, client, inbox: false });
  const running = workers.run();
  try {
    const campaign = {
      ...campaignFor(config, 0),
      id: `bench-in-${crypto.randomBytes(3).toString('hex')}`,
    };
    // A domain each, as real municipalities have (the synthetic list repeats 36 places').
    const list = municipalities(2 * n + single + 2 * pairs).map((m, i) => ({
      ...m,
      email: `postmottak@bench${i}.kommune.example`,
      domains: [`bench${i}.kommune.example`],
    }));
    await startCampaign(client, config, { campaign, municipalities: list, concurrency: 32 });
    const invited = journeyQuery({ campaignId: campaign.id, stage: 'invited' });
    await waitUntil(
      'every journey invited and its copy in the inbox',
      async () =>
        (await client.workflow.count(invited)).count === list.length &&
        (await countIn(config, 'INBOX')) >= list.length,
      600_000,
    );
    // The invitations' copies filed by hand, so the watcher starts on the replies alone.
    await withImap(config, async (imap, folders) => {
      await imap.mailboxOpen(folders.inbox);
      await imap.messageMove('1:*', folders.sent);
    });
    const replies = list.map((m) => registrationReply(config, campaign, m));
    const left = `${journeyQuery({ campaignId: campaign.id })} AND Stage != "invited"`;
    const applied = (k: number) => async () => (await client.workflow.count(left)).count >= k;

    // Throughput (1): N replies waiting when the watcher starts.
    await sendAll(config, replies.slice(n, 2 * n));
    await waitUntil(
      'the replies delivered',
      async () => (await countIn(config, 'INBOX')) >= n,
      60_000,
    );
    const t1 = Date.now();
    await startInbox(client, config);
    await waitUntil(`${n} waiting replies applied`, applied(n), 600_000);
    const waitingMs = Date.now() - t1;
    const waiting = n / (waitingMs / 1000);

    // Throughput (2): N replies sent by SMTP while the watcher runs.
    const burst = replies.slice(0, n);
    const t0 = Date.now();
    await sendAll(config, burst);
    const smtpMs = Date.now() - t0;
    await waitUntil(`${n} replies applied`, applied(2 * n), 600_000);
    const oursMs = Date.now() - t0;
    await waitUntil(
      'the replies filed',
      async () => (await countIn(config, PROCESSED)) >= 2 * n,
      60_000,
    );
    const ours = n / (oursMs / 1000);
    // The baselines on a quiet system: the confirmations sent and their copies filed.
    await waitUntil('the inbox empty', async () => (await countIn(config, 'INBOX')) === 0, 60_000);
    await sleep(2000);
    const parse = await fetchAndParseRate(config, PROCESSED);
    const ids = burst.map((r) => r.municipalityId);
    const signals = await bareSignalRate(client, campaign.id, ids, SIGNAL_CONCURRENCY);
    const slower = Math.min(parse, signals);

    // Latency, one at a time, the watcher idle in between.
    await waitUntil('the inbox empty', async () => (await countIn(config, 'INBOX')) === 0, 60_000);
    await sleep(1000);
    const one: number[] = [];
    for (const reply of replies.slice(2 * n, 2 * n + single)) {
      const sentAt = Date.now();
      await sendAll(config, [reply], 1);
      one.push(await appliedAfter(client, campaign, reply, sentAt));
      await sleep(300);
    }
    // Pairs: the second reply 0, 50, … ms after the first, so it lands while the first is
    // being fetched, delivered or moved.
    const paired: number[] = [];
    for (let k = 0; k < pairs; k++) {
      const [a, b] = replies.slice(2 * n + single + 2 * k, 2 * n + single + 2 * k + 2);
      const sentA = Date.now();
      const first = sendAll(config, [a], 1);
      await sleep(k * 50);
      const sentB = Date.now();
      await Promise.all([first, sendAll(config, [b], 1)]);
      paired.push(
        ...(await Promise.all([
          appliedAfter(client, campaign, a, sentA),
          appliedAfter(client, campaign, b, sentB),
        ])),
      );
      await sleep(300);
    }
    const l1 = spread(one);
    const l2 = spread(paired);
    return [
      {
        benchmark: `reply ingestion, ${n} replies (SMTP in → applied)`,
        ours: `${ours.toFixed(1)}/s`,
        baseline: `slower of fetch + parse ${parse.toFixed(0)}/s and bare signals ${signals.toFixed(0)}/s`,
        ratio: ours / slower,
        note: `goal ≥ 0.5; ${oursMs} ms in all, SMTP sending ${smtpMs} ms of it`,
      },
      {
        benchmark: `reply ingestion, ${n} replies waiting when the watcher starts`,
        ours: `${waiting.toFixed(1)}/s`,
        baseline: `slower of fetch + parse ${parse.toFixed(0)}/s and bare signals ${signals.toFixed(0)}/s`,
        ratio: waiting / slower,
        note: `goal ≥ 0.5; ${waitingMs} ms from the watcher's start, no SMTP in it`,
      },
      {
        benchmark: `reply ingestion against fetch + parse, ${n} replies`,
        ours: `${ours.toFixed(1)}/s`,
        baseline: `imapflow fetch + postal-mime: ${parse.toFixed(0)}/s`,
        ratio: ours / parse,
        note: 'the same messages, one FETCH, parsed one after the other',
      },
      {
        benchmark: `reply ingestion against bare signals, ${n} journeys`,
        ours: `${ours.toFixed(1)}/s`,
        baseline: `no-op signal: ${signals.toFixed(0)}/s`,
        ratio: ours / signals,
        note: `the same journeys, ${SIGNAL_CONCURRENCY} signals at a time`,
      },
      {
        benchmark: `reply → journey state, ${single} replies one at a time (IDLE)`,
        ours: l1.text,
        baseline: 'goal: p95 1,000 ms',
        ratio: l1.p95 / 1000,
        note: `≤ 1: p95 under 1 s; max goal 3 s (${(l1.max / 3000).toFixed(2)}×)`,
      },
      {
        benchmark: `reply → journey state, ${pairs} pairs 0–${(pairs - 1) * 50} ms apart`,
        ours: l2.text,
        baseline: 'goal: max 3,000 ms',
        ratio: l2.max / 3000,
        note: `≤ 1: no stall; p95 ${(l2.p95 / 1000).toFixed(2)}× the 1 s goal`,
      },
    ];
  } finally {
    await workers.shutdown();
    await running;
    await native.close();
    // The journeys, the campaign and the inbox workflow: one batch job.
    await deleteBenchWorkflows(client, config, prefix);
    await connection.close();
  }
}
