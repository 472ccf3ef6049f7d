// The inbox watcher as a workflow: one long, heartbeating activity, restarted by
// Temporal wherever a worker runs. Its history grows by a few events a day.
import { continueAsNew, isCancellation, log, proxyActivities, sleep } from '@temporalio/workflow';
import type { createInboxActivities } from '../activities/inbox/watch';

type InboxActivities = ReturnType<typeof createInboxActivities>['activities'];

const { watchInbox } = proxyActivities<InboxActivities>({
  // A fresh attempt each day keeps connections and memory fresh.
  startToCloseTimeout: '1 day',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function inboxWorkflow(input: { address: string }): Promise<void> {
  for (let run = 0; run < 200; run++) {
    try {
      await watchInbox();
    } catch (error) {
      if (isCancellation(error)) throw error;
      log.warn('Inbox watcher stopped; starting it again', { error: (error as Error).message });
      await sleep('10 seconds');
    }
  }
  await continueAsNew<typeof inboxWorkflow>(input);
}
