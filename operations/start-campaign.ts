// Starting a campaign: everything is validated before anything starts; then the campaign
// workflow and one journey per municipality are started by the client with fixed
// workflow ids, so running it twice starts nothing new and adding municipalities starts
// only the new ones. No workflow's history grows with the number invited.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import type { Campaign, Municipality } from '../domain/types';
import { contactKeys } from '../domain/contacts';
import { toRealTime } from '../domain/campaign/clock';
import { osloTimeText } from '../domain/time';
import type { Config } from '../platform/config';
import {
  CampaignIdKey,
  ContactsKey,
  FlaggedKey,
  MunicipalityIdKey,
  StageKey,
} from '../platform/search-attributes';
import { campaignWorkflowId, journeyWorkflowId } from '../workflows/definitions';
import { OperationError } from './errors';

export interface StartOptions {
  campaign: Campaign;
  municipalities: Municipality[];
  /** Starting journeys after the registration deadline invites them to a closed registration. */
  allowAfterDeadline?: boolean;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface StartReport {
  campaignId: string;
  campaignWorkflow: 'started' | 'existing';
  journeys: { total: number; started: number; existing: number };
}

export function checkStartable(o: StartOptions, now = Date.now()): void {
  const { campaign, municipalities } = o;
  if (municipalities.length === 0)
    throw new OperationError('The municipality list is empty: nothing to start.');
  const deadline = toRealTime(campaign.clock, campaign.schedule.registrationDeadline);
  if (deadline <= now && !o.allowAfterDeadline) {
    // In the coordinator's time, with the ways out: most often this is a rehearsal of an old
    // file, which --compress (and --id, beside the real one) is for.
    throw new OperationError(
      `The registration deadline, ${osloTimeText(campaign.schedule.registrationDeadline)}, has passed: ` +
        'new journeys would be invited to a closed registration. To rehearse with the file as it is, ' +
        `add --compress 1s (a campaign day a second from now; the mails keep the file's dates) and ` +
        `--id ${campaign.id}-prove to run beside the real campaign; otherwise change the ` +
        'deadline in the campaign file, or pass ' +
        '--allow-after-deadline to invite them anyway.',
    );
  }
}

export async function startCampaign(
  client: Client,
  config: Config,
  o: StartOptions,
): Promise<StartReport> {
  checkStartable(o);
  const { campaign, municipalities } = o;
  const taskQueue = config.temporal.taskQueue;

  let campaignWorkflow: StartReport['campaignWorkflow'] = 'started';
  try {
    await client.workflow.start('campaignWorkflow', {
      workflowId: campaignWorkflowId(campaign.id),
      taskQueue,
      args: [{ campaign }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: new TypedSearchAttributes([
        { key: CampaignIdKey, value: campaign.id },
      ]),
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    campaignWorkflow = 'existing';
  }

  const report: StartReport = {
    campaignId: campaign.id,
    campaignWorkflow,
    journeys: { total: municipalities.length, started: 0, existing: 0 },
  };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < municipalities.length) {
      const m = municipalities[next++];
      try {
        await client.workflow.start('journey', {
          workflowId: journeyWorkflowId(campaign.id, m.id),
          taskQueue,
          args: [{ campaign, municipality: m }],
          // A journey that ended (declined, cancelled) is never started again by a re-run.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          // The name rides along so the CLI finds a journey by name from the list alone.
          memo: { name: m.name, county: m.county },
          typedSearchAttributes: new TypedSearchAttributes([
            { key: CampaignIdKey, value: campaign.id },
            { key: MunicipalityIdKey, value: m.id },
            { key: StageKey, value: 'scheduled' },
            { key: FlaggedKey, value: false },
            { key: ContactsKey, value: contactKeys(m.domains, [m.email]) },
          ]),
        });
        report.journeys.started += 1;
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        report.journeys.existing += 1;
      }
      done += 1;
      o.onProgress?.(done, municipalities.length);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(o.concurrency ?? 16, municipalities.length) }, worker),
  );
  return report;
}
