// `nettverk worker`: runs the workers and the inbox watcher until stopped (Ctrl-C, SIGTERM).
import { loadConfig } from '../platform/config';
import { connectClient, ensureSearchAttributes } from '../platform/temporal';
import { connectWorker } from '../platform/worker-connection';
import { mailTaskQueue } from '../workflows/activities';
import { createWorkers } from './workers';

export async function runWorker(options: { inbox: boolean } = { inbox: true }): Promise<void> {
  const config = loadConfig();
  const connection = await connectWorker(config);
  const client = await connectClient(config);
  try {
    await ensureSearchAttributes(client.connection, config.temporal.namespace);
  } catch (error) {
    // A managed cluster may not let workers register attributes: then an operator must.
    console.warn(`Could not check search attributes: ${(error as Error).message}`);
  }
  const afterAccept =
    process.env.NETTVERK_FAULT_INJECTION === 'crash-after-smtp-accept'
      ? () => process.kill(process.pid, 'SIGKILL')
      : undefined;
  const workers = await createWorkers({
    config,
    connection,
    client,
    inbox: options.inbox,
    afterAccept,
  });
  console.log(
    `nettverk worker: task queues ${config.temporal.taskQueue} and ${mailTaskQueue(config.temporal.taskQueue)} ` +
      `(${config.smtp.ratePerMinute} mails a minute) on ${config.temporal.address}, ` +
      `a cache of ${config.worker.cachedWorkflows} workflows` +
      (options.inbox ? `, watching ${config.tiAddress}` : ''),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void workers.shutdown());
  }
  await workers.run();
  await client.connection.close();
  await connection.close();
}

if (require.main === module) {
  runWorker({ inbox: process.argv.includes('--no-inbox') === false }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
