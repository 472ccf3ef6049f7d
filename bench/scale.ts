// Scale: N journeys open and waiting on their timers (invitations a day ahead), with the worker
// in its own process as `nettverk worker` runs it. Measured in one run:
// - the worker's memory with the configured cache, against the same worker caching every
//   journey and against itself idle before the journeys started;
// - the stage counts behind `campaign status` from visibility counts, against walking every
//   journey (what status did before) and against one bare `count` of the same journeys;
// - `campaign status` and `list` as the CLI calls them; the dev server's memory and database.
// Everything it starts is on its own task queue, under a campaign id `bench-perf-…`, and
// deleted afterwards by one server-side batch job (thousands of single deletions stall SQLite).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Connection, type Client } from '@temporalio/client';
import { createClient } from '../platform/temporal';
import type { Config } from '../platform/config';
import { startCampaign } from '../operations/start-campaign';
import { campaignStatus } from '../operations/status';
import { STAGES } from '../domain/types';
import {
  countByStage,
  countByStageWalking,
  journeyQuery,
  journeyState,
  listJourneys,
} from '../operations/journeys';
import { journeyWorkflowId } from '../workflows/definitions';
import { mb, ms, time, type Row } from './measure';
import {
  memoryOf,
  spawnWorker,
  temporalServerPid,
  waitIdle,
  type Memory,
  type WorkerProcess,
} from './processes';
import { benchConfig, campaignFor, municipalities } from './system';

const root = path.resolve(__dirname, '..');
/** "Every journey" for the baseline worker: far above any N the bench runs. */
const CACHE_ALL = 100_000;

interface Opened {
  campaignId: string;
  startMs: number;
  idle: Memory;
  loaded: Memory;
  worker: WorkerProcess;
}

/** Starts N journeys served by a fresh worker with the given cache; memory once it is idle. */
async function openJourneys(
  client: Client,
  config: Config,
  n: number,
  cache: number,
): Promise<Opened> {
  const worker = await spawnWorker({
    NETTVERK_ENV_FILE: '/dev/null',
    TEMPORAL_ADDRESS: config.temporal.address,
    TI_ADDRESS: config.tiAddress,
    NETTVERK_TASK_QUEUE: config.temporal.taskQueue,
    NETTVERK_WORKER_CACHED_WORKFLOWS: String(cache),
  });
  try {
    await waitIdle(worker.pid);
    const idle = memoryOf(worker.pid);
    const campaign = {
      ...campaignFor(config, 86_400_000),
      id: `bench-perf-${crypto.randomBytes(3).toString('hex')}`,
    };
    const t0 = Date.now();
    await startCampaign(client, config, {
      campaign,
      municipalities: municipalities(n),
      concurrency: 32,
    });
    const startMs = Date.now() - t0;
    // Every journey has run its first task once the worker has nothing left to do.
    await waitIdle(worker.pid);
    return { campaignId: campaign.id, startMs, idle, loaded: memoryOf(worker.pid), worker };
  } catch (error) {
    await worker.stop();
    throw error;
  }
}

const stateDir = path.join(root, '.tools', 'state');

function serverPid(): number | null {
  const file = path.join(stateDir, 'temporal.pid');
  const pid = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) : NaN;
  return Number.isInteger(pid) && fs.existsSync(`/proc/${pid}`) ? pid : temporalServerPid();
}

/** Bare workflow starts (no worker polls their queue), 32 at a time: the server's own pace. */
async function bareStarts(client: Client, queue: string, n: number): Promise<number> {
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < n) {
        const i = next++;
        await client.workflow.start('bare', { taskQueue: queue, workflowId: `${queue}/${i}` });
      }
    }),
  );
  return Date.now() - t0;
}

function databaseBytes(): number | null {
  const dir = stateDir;
  if (!fs.existsSync(dir)) return null;
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(db|sqlite)(-wal|-shm)?$/.test(f))
    .reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
}

export async function scaleBenchmark(n: number, cache: number): Promise<Row[]> {
  const config = benchConfig({});
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = createClient(connection, config);
  // Every queue this run uses starts with the first one's name: one deletion job takes them all.
  const prefix = config.temporal.taskQueue;
  const workers: WorkerProcess[] = [];
  try {
    const server = serverPid();
    const serverBefore = server ? memoryOf(server).rss : 0;
    const ours = await openJourneys(client, config, n, cache);
    workers.push(ours.worker);
    const all = benchConfig({ NETTVERK_TASK_QUEUE: `${prefix}-all` });
    const everything = await openJourneys(client, all, n, CACHE_ALL);
    await everything.worker.stop();
    const bare = `${prefix}-bare`;
    const bareN = Math.max(10, Math.round(n / 4));
    const bareMs = await bareStarts(client, bare, bareN);

    const id = ours.campaignId;
    const counted = await countByStage(client, id);
    const walked = await countByStageWalking(client, id);
    if (JSON.stringify(counted) !== JSON.stringify(walked))
      throw new Error(
        `stage counts differ: ${JSON.stringify(counted)} vs ${JSON.stringify(walked)}`,
      );
    if (Object.values(counted).reduce((a, b) => a + b, 0) !== n)
      throw new Error(`counted ${JSON.stringify(counted)}, expected ${n} journeys`);
    const counts = await time(() => countByStage(client, id), 5);
    const walk = await time(() => countByStageWalking(client, id), 5);
    const one = await time(() => client.workflow.count(journeyQuery({ campaignId: id })), 5);
    const status = await time(() => campaignStatus(client, config, id), 5);
    const list = await time(() => listJourneys(client, { campaignId: id }), 3);
    // The first journey started is the likeliest to have left the worker's cache.
    const first = municipalities(1)[0].id;
    const show = await time(() => journeyState(client, id, first), 5);
    const describe = await time(
      () => client.workflow.getHandle(journeyWorkflowId(id, first)).describe(),
      5,
    );
    const serverAfter = server ? memoryOf(server) : null;
    const db = databaseBytes();
    const growth = (o: Opened) => Math.max(1, o.loaded.rss - o.idle.rss);
    return [
      {
        benchmark: `worker memory, ${n} open journeys, cache ${cache}`,
        ours: mb(ours.loaded.rss),
        baseline: `caching all: ${mb(everything.loaded.rss)}`,
        ratio: ours.loaded.rss / everything.loaded.rss,
        note: `RSS once idle (peak ${mb(ours.loaded.peak)}; ${mb(ours.idle.rss)} idle before; ${ours.worker.compiled ? 'compiled' : 'through tsx'})`,
      },
      {
        benchmark: `worker memory growth, ${n} journeys, cache ${cache}`,
        ours: mb(growth(ours)),
        baseline: `caching all: ${mb(growth(everything))}`,
        ratio: growth(ours) / growth(everything),
        note: 'what the journeys add to the idle worker',
      },
      {
        benchmark: `start ${n} journeys, worker serving them`,
        ours: `${(n / (ours.startMs / 1000)).toFixed(0)}/s`,
        baseline: `bare starts: ${(bareN / (bareMs / 1000)).toFixed(0)}/s`,
        ratio: bareMs / bareN / (ours.startMs / n),
        note: `${ours.startMs} ms in all; ≤ 1: slower than bare starts`,
      },
      {
        benchmark: `stage counts (campaign status), ${n} journeys`,
        ours: ms(counts),
        baseline: `walking every journey: ${ms(walk)}`,
        ratio: counts.medianMs / walk.medianMs,
        note: `${STAGES.length + 1} count queries at once; the same counts`,
      },
      {
        benchmark: `stage counts vs one count, ${n} journeys`,
        ours: ms(counts),
        baseline: `one visibility count: ${ms(one)}`,
        ratio: counts.medianMs / one.medianMs,
        note: 'the floor is the count API itself',
      },
      {
        benchmark: `campaign status (operation), ${n} journeys`,
        ours: ms(status),
        baseline: `one visibility count: ${ms(one)}`,
        ratio: status.medianMs / one.medianMs,
        note: 'counts, flags, campaign query, review queue (IMAP)',
      },
      {
        benchmark: `list (operation), ${n} journeys`,
        ours: ms(list),
        baseline: `walking for counts: ${ms(walk)}`,
        ratio: list.medianMs / walk.medianMs,
        note: 'a row per journey: grows with N by nature',
      },
      {
        benchmark: `show (journey query), ${n} open`,
        ours: ms(show),
        baseline: `describe: ${ms(describe)}`,
        ratio: show.medianMs / describe.medianMs,
        note: 'a query may replay a journey evicted from the cache',
      },
      {
        benchmark: `dev server after ${2 * n + bareN} workflows`,
        ours: serverAfter ? `${mb(serverAfter.rss)} (peak ${mb(serverAfter.peak)})` : 'not local',
        baseline: serverAfter ? `before: ${mb(serverBefore)}` : '-',
        ratio: serverAfter ? serverAfter.rss / Math.max(1, serverBefore) : 0,
        note: db === null ? 'database not found' : `SQLite database ${mb(db)}`,
      },
    ];
  } finally {
    for (const w of workers) await w.stop();
    await deleteBenchWorkflows(client, config, prefix);
    await connection.close();
  }
}

/**
 * Deletes every workflow on the task queues whose names start with `prefix` with one batch
 * job, at the server's pace (the dev server runs two at a time); the job is not awaited.
 */
export async function deleteBenchWorkflows(
  client: Client,
  config: Config,
  prefix: string,
): Promise<void> {
  await client.workflowService
    .startBatchOperation({
      namespace: config.temporal.namespace,
      jobId: `loesch-${prefix}`,
      reason: 'benchmark over',
      visibilityQuery: `TaskQueue STARTS_WITH "${prefix}"`,
      deletionOperation: {},
    })
    .catch((error: Error) => console.warn(`Could not delete ${prefix}*: ${error.message}`));
}
