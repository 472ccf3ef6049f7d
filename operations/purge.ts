// Deleting a campaign's personal data once it is over: the workflow histories (names,
// addresses, dietary needs, replies) in Temporal, and the campaign's mail in the TI
// mailbox's nettverk folders, and the exports and report written to out/ (purge-exports.ts);
// a file the coordinator wrote elsewhere with --out is theirs to delete.
import type { Client } from '@temporalio/client';
import type { SearchObject } from 'imapflow';
import type { Config } from '../platform/config';
import { withImap } from '../activities/mail/imap';
import { OperationError } from './errors';
import { purgeExports } from './purge-exports';

export interface PurgeReport {
  workflowsDeleted: number;
  mailsDeleted: number;
  /** Export and report files deleted from `exportsDir`. */
  exportsDeleted: number;
  running: number;
}

export async function purgeCampaign(
  client: Client,
  config: Config,
  campaignId: string,
  options: { terminateRunning: boolean; exportsDir?: string },
): Promise<PurgeReport> {
  const query = `CampaignId = "${campaignId.replace(/["\\]/g, '')}"`;
  // Every run, not only the latest: a journey may have continued as new or been started again.
  const ids: { workflowId: string; runId: string; running: boolean }[] = [];
  for await (const w of client.workflow.list({ query, pageSize: 500 })) {
    ids.push({ workflowId: w.workflowId, runId: w.runId, running: w.status.name === 'RUNNING' });
  }
  const running = ids.filter((w) => w.running).length;
  if (running > 0 && !options.terminateRunning) {
    throw new OperationError(
      `Campaign ${campaignId} still has ${running} running workflows: its data is still in use. ` +
        'Wait until it is over, or cancel it and pass --terminate-running.',
    );
  }
  let workflowsDeleted = 0;
  for (const w of ids) {
    if (w.running) {
      await client.workflow.getHandle(w.workflowId, w.runId).terminate('personal data purged');
    }
    await client.workflowService.deleteWorkflowExecution({
      namespace: config.temporal.namespace,
      workflowExecution: { workflowId: w.workflowId, runId: w.runId },
    });
    workflowsDeleted += 1;
  }
  const mailsDeleted = await withImap(config, async (imap, folders) => {
    let deleted = 0;
    const { inbox: _inbox, ...kept } = folders;
    for (const folder of Object.values(kept)) {
      const lock = await imap.getMailboxLock(folder);
      try {
        const found = new Set<number>();
        const searches: SearchObject[] = [
          { header: { 'x-nettverk-journey': `${campaignId}/` } },
          { subject: `[ref. ${campaignId}/` },
          { header: { references: `<nv.${campaignId}.` } },
          { header: { 'in-reply-to': `<nv.${campaignId}.` } },
        ];
        for (const criteria of searches) {
          for (const uid of (await imap.search(criteria, { uid: true })) || []) found.add(uid);
        }
        if (found.size) {
          await imap.messageDelete([...found].join(','), { uid: true });
          deleted += found.size;
        }
      } finally {
        lock.release();
      }
    }
    return deleted;
  });
  const exportsDeleted = options.exportsDir
    ? purgeExports(campaignId, options.exportsDir).length
    : 0;
  return { workflowsDeleted, mailsDeleted, exportsDeleted, running };
}
