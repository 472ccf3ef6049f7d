// Benchmarks against the real dev server and GreenMail:
// - the mail rate limit holds: never more than R in any 60 s, and R a minute while mail
//   waits (bench/mail.ts);
// - fan-out: starting N journeys costs about what starting N bare workflows costs, and
//   no workflow's history grows with N (the campaign's stays the same size); their
//   invitations against pooled nodemailer, and the worker's memory meanwhile (bench/mail.ts).
import crypto from 'node:crypto';
import path from 'node:path';
import { Connection, type Client } from '@temporalio/client';
import { createClient } from '../platform/temporal';
import { NativeConnection } from '@temporalio/worker';
import { loadCampaignFile } from '../platform/files/campaign-file';
import { shiftCampaign } from '../domain/campaign/clock';
import { loadMunicipalitiesFile } from '../platform/files/roster-file';
import type { Campaign, Municipality } from '../domain/types';
import { loadConfig, type Config } from '../platform/config';
import { startCampaign } from '../operations/start-campaign';
import { campaignWorkflowId } from '../workflows/definitions';
import { createWorkers } from '../worker/workers';
import { fanOutMemoryBenchmark, invitationFanOutBenchmark, mailRateBenchmark } from './mail';
import type { Row } from './measure';

const root = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function benchConfig(extra: Record<string, string>): Config {
  const id = crypto.randomBytes(3).toString('hex');
  return loadConfig({
    NETTVERK_ENV_FILE: '/dev/null',
    TI_ADDRESS: `bench-${id}@ti.example`,
    NETTVERK_TASK_QUEUE: `bench-${id}`,
    ...extra,
  });
}

export function campaignFor(config: Config, startInMs: number): Campaign {
  const base = loadCampaignFile(path.join(root, 'campaigns', 'ks-ti-2013.yaml'));
  return {
    ...shiftCampaign(base, new Date(Date.now() + startInMs).toISOString()),
    id: `bench-${crypto.randomBytes(3).toString('hex')}`,
    sender: { name: 'Bench', address: config.tiAddress },
    replyTo: config.tiAddress,
  };
}

/** N synthetic municipalities (ids 9-digit, like municipal companies) from the demo list's places. */
export function municipalities(n: number): Municipality[] {
  const places = loadMunicipalitiesFile(path.join(root, 'campaigns', 'demo', 'municipalities.csv'));
  return Array.from({ length: n }, (_, i) => {
    const p = places[i % places.length];
    return { ...p, id: String(900000000 + i), email: `postmottak+${i}@${p.email.split('@')[1]}` };
  });
}

export async function withStack<T>(config: Config, fn: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = createClient(connection, config);
  const native = await NativeConnection.connect({ address: config.temporal.address });
  const workers = await createWorkers({ config, connection: native, client, inbox: false });
  const running = workers.run();
  try {
    return await fn(client);
  } finally {
    for await (const w of client.workflow.list({
      query: `TaskQueue = "${config.temporal.taskQueue}" AND ExecutionStatus = "Running"`,
    })) {
      await client.workflow
        .getHandle(w.workflowId)
        .terminate('benchmark over')
        .catch(() => undefined);
    }
    await workers.shutdown();
    await running;
    await native.close();
    await connection.close();
  }
}

/**
 * The rate limit at R = 30 a minute over 80 invitations (2.7 windows); `n` below 21 is the
 * quick run, which only shows that it runs (n invitations at R = 6,000).
 */
export async function rateLimitBenchmark(n = 21): Promise<Row[]> {
  return n >= 21 ? mailRateBenchmark(30, 80) : mailRateBenchmark(6000, n);
}

export async function fanOutBenchmark(n: number): Promise<Row[]> {
  return [
    ...(await startBenchmark(n)),
    ...(await invitationFanOutBenchmark(Math.min(n, 200))),
    ...(await fanOutMemoryBenchmark(Math.min(n, 500))),
  ];
}

async function startBenchmark(n: number): Promise<Row[]> {
  const config = benchConfig({});
  return withStack(config, async (client) => {
    // Invitations a day ahead: the journeys start and wait; nothing is mailed.
    const campaign = campaignFor(config, 86_400_000);
    const list = municipalities(n);
    const t0 = Date.now();
    await startCampaign(client, config, { campaign, municipalities: list, concurrency: 32 });
    const oursMs = Date.now() - t0;

    const queue = `bench-bare-${crypto.randomBytes(3).toString('hex')}`;
    const t1 = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < n) {
          const i = next++;
          await client.workflow.start('bare', { taskQueue: queue, workflowId: `${queue}/${i}` });
        }
      }),
    );
    const bareMs = Date.now() - t1;
    for (let i = 0; i < n; i++)
      await client.workflow
        .getHandle(`${queue}/${i}`)
        .terminate('benchmark over')
        .catch(() => undefined);

    await sleep(2000);
    const history = await client.workflow.getHandle(campaignWorkflowId(campaign.id)).fetchHistory();
    const events = history.events?.length ?? 0;
    return [
      {
        benchmark: `start ${n} journeys (campaign start)`,
        ours: `${oursMs} ms`,
        baseline: `${bareMs} ms for ${n} bare workflow starts`,
        ratio: oursMs / bareMs,
        note: 'fan-out cost per bare start (search attributes, inputs)',
      },
      {
        benchmark: `campaign history after inviting ${n}`,
        ours: `${events} events`,
        baseline: `${n} invited`,
        ratio: events / n,
        note: 'grows with registrations only, not with invitations',
      },
    ];
  });
}
