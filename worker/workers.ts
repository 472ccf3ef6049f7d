// The worker process: one Worker on the main task queue (workflows, campaign and inbox
// activities) and one on the mail queue. The mail rate is this worker's share of
// MAIL_RATE_PER_MINUTE (MAIL_WORKERS), held exactly in any 60 s by the send path
// (activities/mail/rate-window.ts). Used by `nettverk worker`, the demo and the tests.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { Config } from '../platform/config';
import { EncryptionCodec } from '../platform/payload-codec';
import { dataConverter as createDataConverter } from '../platform/temporal';
import { createCampaignActivities } from '../activities/campaign';
import { createInboxActivities } from '../activities/inbox/watch';
import { SentArchive } from '../activities/mail/archive';
import { SendGate } from '../activities/mail/rate-window';
import { createSendActivities } from '../activities/mail/send';
import { createTransport } from '../activities/mail/transport';
import { loadTemplates, renderMail } from '../mail/outgoing/render';
import { inboxWorkflowId } from '../workflows/definitions';
import { mailTaskQueue } from '../workflows/activities';

export interface WorkerOptions {
  config: Config;
  connection: NativeConnection;
  client: Client;
  /** Also run the inbox watcher (the inbox workflow is started if it is not running). */
  inbox: boolean;
  /** Fault injection for the exactly-once test. */
  afterAccept?: (messageId: string) => void;
}

export interface RunningWorkers {
  run(): Promise<void>;
  shutdown(): Promise<void>;
}

export async function createWorkers(options: WorkerOptions): Promise<RunningWorkers> {
  const { config, connection, client } = options;
  // Activities signal and start workflows through this client: without the codec they would
  // write personal data in clear beside the workers' encrypted payloads.
  if (!client.options.loadedDataConverter.payloadCodecs.some((c) => c instanceof EncryptionCodec)) {
    throw new Error(
      'createWorkers needs a client with the payload codec: make it with connectClient or createClient (platform/temporal.ts)',
    );
  }
  const templates = loadTemplates();
  const transport = createTransport(config);
  const archive = new SentArchive(config);
  const perWorker = mailRatePerWorker(config);
  const gate = new SendGate(perWorker);
  const taskQueue = config.temporal.taskQueue;
  const inbox = createInboxActivities({ config, client });
  // Encrypted payloads, as every client reads and writes them.
  const dataConverter = createDataConverter(config);

  const main = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue,
    dataConverter,
    workflowsPath: require.resolve('../workflows'),
    activities: {
      ...createCampaignActivities({ client }),
      ...inbox.activities,
    },
    // The inbox watcher holds one activity slot for as long as it runs.
    maxConcurrentActivityTaskExecutions: config.worker.activities,
    // Memory grows with the cached workflows, not with the open journeys (config.ts).
    maxCachedWorkflows: config.worker.cachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: config.worker.workflowTasks,
    shutdownGraceTime: '10 seconds',
  });
  const mail = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: mailTaskQueue(taskQueue),
    dataConverter,
    activities: createSendActivities({
      config,
      transport,
      archive,
      render: (template, context) => renderMail(templates, template, context),
      gate,
      afterAccept: options.afterAccept,
    }),
    // Only a backstop (more workers running than MAIL_WORKERS says): the server splits
    // this across the queue's partitions, each a bucket of its own, so at R it held the
    // queue to about half of R. The exact limit is the gate's.
    maxTaskQueueActivitiesPerSecond: (2 * config.smtp.ratePerMinute) / 60,
    // Sends at once: four per SMTP connection, so that archive checks (IMAP round trips,
    // batched per search) overlap other sends' exchanges and the connections stay busy;
    // no more than one window frees, so no send waits for its turn past a minute or so,
    // well inside the attempt's start-to-close.
    maxConcurrentActivityTaskExecutions: Math.min(4 * config.smtp.poolSize, perWorker),
    shutdownGraceTime: '10 seconds',
  });

  if (options.inbox) await startInbox(client, config);

  let running: Promise<void> | null = null;
  return {
    run() {
      running ??= Promise.all([main.run(), mail.run()]).then(async () => {
        transport.close();
        await archive.close();
      });
      return running;
    },
    async shutdown() {
      inbox.stop();
      for (const w of [main, mail]) if (w.getState() === 'RUNNING') w.shutdown();
      await running;
    },
  };
}

/** This worker's share of the mail rate: at most this many sends in any 60 s. */
export function mailRatePerWorker(config: Config): number {
  return Math.max(1, Math.floor(config.smtp.ratePerMinute / config.smtp.workers));
}

/** Starts the inbox workflow for the TI address unless it already runs. */
export async function startInbox(client: Client, config: Config): Promise<void> {
  try {
    await client.workflow.start('inboxWorkflow', {
      workflowId: inboxWorkflowId(config.tiAddress),
      taskQueue: config.temporal.taskQueue,
      args: [{ address: config.tiAddress }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
