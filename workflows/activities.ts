// Activity proxies, one place for their timeouts and retry policies.
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createSendActivities } from '../activities/mail/send';
import type { createCampaignActivities } from '../activities/campaign';

/** The mail queue is the workflow's own queue + "-mail": rate-limited across all workers. */
export const mailTaskQueue = (taskQueue: string) => `${taskQueue}-mail`;

type MailActivities = ReturnType<typeof createSendActivities>;

/** Proxies are made inside the workflow: the task queue comes from the running workflow. */
export function mailActivities(): MailActivities {
  return proxyActivities<MailActivities>({
    taskQueue: mailTaskQueue(workflowInfo().taskQueue),
    // Rate limiting holds a send in the queue; the attempt itself is short.
    scheduleToStartTimeout: '7 days',
    startToCloseTimeout: '3 minutes',
    // A worker that dies mid-send is noticed within seconds; the retry finds the copy.
    heartbeatTimeout: '20 seconds',
    retry: {
      initialInterval: '10 seconds',
      backoffCoefficient: 2,
      maximumInterval: '15 minutes',
      maximumAttempts: 300,
    },
  });
}

export const campaignActivities = proxyActivities<ReturnType<typeof createCampaignActivities>>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});
