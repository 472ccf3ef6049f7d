// Campaign-wide operations that touch every journey: done by an activity that walks the
// visibility store (bounded history), not by the campaign workflow signalling thousands.
import { Context, log } from '@temporalio/activity';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { cancelJourneyUpdate } from '../workflows/definitions';

export interface CampaignDependencies {
  client: Client;
}

export function createCampaignActivities({ client }: CampaignDependencies) {
  /** Cancels every running journey of the campaign. Resumable: heartbeats what it has done. */
  async function cancelJourneys(input: {
    campaignId: string;
    by: string;
    reason: string;
  }): Promise<number> {
    const ctx = Context.current();
    let cancelled = (ctx.info.heartbeatDetails as number | undefined) ?? 0;
    const query = `CampaignId = "${input.campaignId}" AND WorkflowType = "journey" AND ExecutionStatus = "Running"`;
    for await (const execution of client.workflow.list({ query })) {
      const handle = client.workflow.getHandle(execution.workflowId);
      try {
        await handle.executeUpdate(cancelJourneyUpdate, {
          args: [{ by: input.by, reason: input.reason }],
        });
        cancelled += 1;
      } catch (error) {
        // Already cancelled or completed in the meantime: the validator said no. Fine.
        if (!(error instanceof WorkflowUpdateFailedError)) throw error;
      }
      ctx.heartbeat(cancelled);
    }
    log.info('Campaign journeys cancelled', { campaignId: input.campaignId, cancelled });
    return cancelled;
  }
  return { cancelJourneys };
}
