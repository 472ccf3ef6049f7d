// Outgoing mail against the dev server and GreenMail (issue 13), every arrival timed by an
// SMTP tap in front of GreenMail (smtp-tap.ts), ours and the baseline alike:
// - fan-out: N invitations through journeys, rate limit lifted, against pooled nodemailer
//   sending the same rendered messages to the same server with as many connections;
// - the worker's memory during a 500-invitation fan-out, in its own process;
// - the rate limit: most arrivals in any 60 s against R, and the rate while mail waited.
import { Connection } from '@temporalio/client';
import nodemailer from 'nodemailer';
import { ourMail } from '../activities/mail/archive';
import { toNodemailer } from '../activities/mail/send';
import type { Municipality } from '../domain/types';
import { composeMessage } from '../mail/outgoing/compose';
import { loadTemplates, renderMail } from '../mail/outgoing/render';
import type { OutgoingMail } from '../mail/outgoing/send-request';
import type { MailContext } from '../mail/outgoing/types';
import type { Config } from '../platform/config';
import { createClient } from '../platform/temporal';
import { startCampaign } from '../operations/start-campaign';
import type { Row } from './measure';
import { mb } from './measure';
import { startOwnGreenMail } from './greenmail';
import { memoryOf, spawnWorker, waitIdle } from './processes';
import { rateWhileWaiting, smtpTap, windowMax, type SmtpTap } from './smtp-tap';
import { benchConfig, campaignFor, municipalities, withStack } from './system';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LIFTED = '100000';

interface MailServer {
  env: { SMTP_URL: string; IMAP_URL: string };
  smtpPort: number;
}

/**
 * Each row on a GreenMail of its own (greenmail.ts); NETTVERK_BENCH_SMTP_URL and
 * NETTVERK_BENCH_IMAP_URL name one already running instead (repeated runs while profiling).
 */
async function withMailServer<T>(fn: (server: MailServer) => Promise<T>): Promise<T> {
  const smtp = process.env.NETTVERK_BENCH_SMTP_URL;
  const imap = process.env.NETTVERK_BENCH_IMAP_URL;
  if (smtp && imap)
    return fn({ env: { SMTP_URL: smtp, IMAP_URL: imap }, smtpPort: Number(new URL(smtp).port) });
  const own = await startOwnGreenMail();
  try {
    return await fn(own);
  } finally {
    await own.close();
  }
}

/** Mails a minute from the first arrival to the last. */
const perMinute = (times: number[]) =>
  ((times.length - 1) / Math.max(1, Math.max(...times) - Math.min(...times))) * 60_000;

async function arrivals(tap: SmtpTap, n: number, timeoutMs: number): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  while (tap.accepted.length < n) {
    if (Date.now() > until)
      throw new Error(`only ${tap.accepted.length} of ${n} mails arrived in ${timeoutMs} ms`);
    await sleep(100);
  }
  return tap.accepted.slice(0, n);
}

/** The invitations the journeys would send, rendered and composed as the activity does. */
function sameInvitations(config: Config, list: Municipality[]) {
  const campaign = campaignFor(config, 0);
  const templates = loadTemplates();
  return list.map((municipality) => {
    const context = {
      campaign,
      municipality,
      contact: null,
      participants: [],
      anchored: null,
      networkPreference: null,
      network: null,
      gathering: null,
      missing: [],
      waitingListPosition: null,
      reminderNumber: null,
      cancellation: null,
      flag: null,
      reply: null,
      bounce: null,
      now: new Date().toISOString(),
    } as MailContext;
    const mail: OutgoingMail = {
      campaignId: campaign.id,
      municipalityId: municipality.id,
      step: 'invitation',
      template: 'invitation',
      context,
      to: [{ name: municipality.name, address: municipality.email }],
      cc: [],
      threadSteps: [],
      inReplyTo: null,
      audience: 'municipality',
    };
    const composed = composeMessage(mail, renderMail(templates, 'invitation', context), {
      messageIdDomain: config.messageIdDomain,
      messageKey: ourMail(config).key,
      archiveAddress: config.tiAddress,
      coordinatorAddress: config.coordinatorAddress,
      sender: campaign.sender,
      replyTo: campaign.replyTo,
    });
    return toNodemailer(composed);
  });
}

/** Pooled nodemailer, `connections` connections, every message handed over at once. */
async function rawPooled(server: MailServer, n: number, connections: number): Promise<number> {
  const config = benchConfig(server.env);
  const tap = await smtpTap(server.smtpPort);
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: tap.port,
    secure: false,
    pool: true,
    maxConnections: connections,
  });
  try {
    const mails = sameInvitations(config, municipalities(n));
    await Promise.all(mails.map((m) => transport.sendMail(m)));
    return perMinute(await arrivals(tap, n, 60_000));
  } finally {
    transport.close();
    await tap.close();
  }
}

/** N journeys' invitations through the workers (in this process), rate lifted. */
async function oursFanOut(server: MailServer, n: number, connections: number): Promise<number> {
  const tap = await smtpTap(server.smtpPort);
  try {
    const config = benchConfig({
      ...server.env,
      SMTP_URL: `smtp://127.0.0.1:${tap.port}`,
      MAIL_RATE_PER_MINUTE: LIFTED,
      SMTP_POOL_SIZE: String(connections),
    });
    return await withStack(config, async (client) => {
      const campaign = campaignFor(config, 0);
      await startCampaign(client, config, { campaign, municipalities: municipalities(n) });
      return perMinute(await arrivals(tap, n, 20 * 60_000));
    });
  } finally {
    await tap.close();
  }
}

export async function invitationFanOutBenchmark(n: number, connections = 4): Promise<Row[]> {
  const { raw1, ours, raw2 } = await withMailServer(async (server) => ({
    raw1: await rawPooled(server, n, connections),
    ours: await oursFanOut(server, n, connections),
    raw2: await rawPooled(server, n, connections),
  }));
  const raw = (raw1 + raw2) / 2;
  return [
    {
      benchmark: `${n} invitations through journeys, rate limit lifted, ${connections} at once`,
      ours: `${ours.toFixed(0)}/min`,
      baseline: `${raw.toFixed(0)}/min raw pooled nodemailer (${raw1.toFixed(0)}, ${raw2.toFixed(0)})`,
      ratio: ours / raw,
      note: 'goal ≥ 0.5: archive check, journeys and Temporal against bare SMTP',
    },
  ];
}

/** Peak RSS of a worker in its own process sending `n` invitations, against it idle. */
export async function fanOutMemoryBenchmark(n: number): Promise<Row[]> {
  return withMailServer((server) => fanOutMemory(server, n));
}

async function fanOutMemory(server: MailServer, n: number): Promise<Row[]> {
  const tap = await smtpTap(server.smtpPort);
  const config = benchConfig({
    ...server.env,
    SMTP_URL: `smtp://127.0.0.1:${tap.port}`,
    MAIL_RATE_PER_MINUTE: LIFTED,
  });
  const worker = await spawnWorker({
    NETTVERK_ENV_FILE: '/dev/null',
    TEMPORAL_ADDRESS: config.temporal.address,
    SMTP_URL: `smtp://127.0.0.1:${tap.port}`,
    IMAP_URL: server.env.IMAP_URL,
    TI_ADDRESS: config.tiAddress,
    NETTVERK_TASK_QUEUE: config.temporal.taskQueue,
    MAIL_RATE_PER_MINUTE: LIFTED,
    SMTP_POOL_SIZE: String(config.smtp.poolSize),
  });
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = createClient(connection, config);
  const campaign = campaignFor(config, 0);
  try {
    await waitIdle(worker.pid);
    const idle = memoryOf(worker.pid);
    let peak = idle.rss;
    const watch = setInterval(() => (peak = Math.max(peak, memoryOf(worker.pid).rss)), 100);
    try {
      await startCampaign(client, config, { campaign, municipalities: municipalities(n) });
      await arrivals(tap, n, 30 * 60_000);
    } finally {
      clearInterval(watch);
    }
    // VmHWM is the kernel's own peak, between our samples too.
    peak = Math.max(peak, memoryOf(worker.pid).peak);
    return [
      {
        benchmark: `worker peak RSS, ${n} invitations (own process${worker.compiled ? ', compiled' : ', tsx'})`,
        ours: mb(peak),
        baseline: `${mb(idle.rss)} idle before`,
        ratio: peak / idle.rss,
        note: `goal < 500 MB peak: ${peak < 500 * 1024 * 1024 ? 'met' : 'not met'}`,
      },
    ];
  } finally {
    await terminateCampaign(client, config);
    await worker.stop();
    await connection.close();
    await tap.close();
  }
}

async function terminateCampaign(client: ReturnType<typeof createClient>, config: Config) {
  for await (const w of client.workflow.list({
    query: `TaskQueue = "${config.temporal.taskQueue}" AND ExecutionStatus = "Running"`,
  })) {
    await client.workflow
      .getHandle(w.workflowId)
      .terminate('benchmark over')
      .catch(() => undefined);
  }
}

/**
 * `mails` invitations at R a minute (in-process workers, the server's default partitions).
 * At least 2.5 windows of mail make the window and the rate while waiting mean something.
 */
export async function mailRateBenchmark(perMinute: number, mails: number): Promise<Row[]> {
  return withMailServer((server) => mailRate(server, perMinute, mails));
}

async function mailRate(server: MailServer, perMinute: number, mails: number): Promise<Row[]> {
  const tap = await smtpTap(server.smtpPort);
  try {
    const config = benchConfig({
      ...server.env,
      SMTP_URL: `smtp://127.0.0.1:${tap.port}`,
      MAIL_RATE_PER_MINUTE: String(perMinute),
      MAIL_WORKERS: '1',
      SMTP_POOL_SIZE: '4',
    });
    const times = await withStack(config, async (client) => {
      const campaign = campaignFor(config, 0);
      await startCampaign(client, config, { campaign, municipalities: municipalities(mails) });
      const minutes = mails / perMinute;
      return arrivals(tap, mails, (minutes * 2 + 2) * 60_000);
    });
    const most = windowMax(times);
    const waiting = rateWhileWaiting(times);
    return [
      {
        benchmark: `${mails} invitations at R = ${perMinute}/min: most in any 60 s`,
        ours: `${most}`,
        baseline: `R = ${perMinute}`,
        ratio: most / perMinute,
        note: 'goal ≤ 1.0: never more than R in any 60 s',
      },
      {
        benchmark: `${mails} invitations at R = ${perMinute}/min: rate while mail waited`,
        ours: waiting === null ? 'under one window' : `${waiting.toFixed(1)}/min`,
        baseline: `R = ${perMinute}`,
        ratio: (waiting ?? 0) / perMinute,
        note: 'goal ≥ 0.9 (whole windows from the first send before the last)',
      },
    ];
  } finally {
    await tap.close();
  }
}
