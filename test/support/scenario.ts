// A campaign under the time-skipping test server: the real workflows, the 2013 campaign
// shifted to the test server's clock, and the mail activity replaced by a recorder
// (real sending is tested against GreenMail in test/integration).
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { loadCampaignFile } from '../../platform/files/campaign-file';
import { shiftCampaign, toRealTime } from '../../domain/campaign/clock';
import { loadMunicipalitiesFile } from '../../platform/files/roster-file';
import type { Campaign, Instant, Municipality } from '../../domain/types';
import type { OutgoingMail, SendOutcome } from '../../mail/outgoing/send-request';
import { journeyMessageId } from '../../mail/message-id';
import {
  campaignStateQuery,
  campaignWorkflowId,
  journeyStateQuery,
  journeyWorkflowId,
  type CampaignState,
  type JourneyState,
} from '../../workflows/definitions';
import { mailTaskQueue } from '../../workflows/activities';
import { createTimeSkippingEnv } from './time-skipping';

const root = path.resolve(__dirname, '../..');
export const campaignFile = path.join(root, 'campaigns', 'ks-ti-2013.yaml');
export const demoMunicipalities = loadMunicipalitiesFile(
  path.join(root, 'campaigns', 'demo', 'municipalities.csv'),
);
export const municipality = (id: string): Municipality => {
  const m = demoMunicipalities.find((x) => x.id === id);
  if (!m) throw new Error(`no municipality ${id} in the demo list`);
  return m;
};

let queueCounter = 0;

export class Scenario {
  readonly sent: OutgoingMail[] = [];
  /** Addresses the fake SMTP server refuses with a 550. */
  readonly refuse = new Set<string>();
  readonly cancelledCampaigns: string[] = [];
  private running: Promise<void> | null = null;
  private workers: Worker[] = [];

  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly taskQueue: string,
  ) {}

  static async create(): Promise<Scenario> {
    const env = await createTimeSkippingEnv();
    const s = new Scenario(env, `ts-${process.pid}-${++queueCounter}`);
    const record = async (mail: OutgoingMail): Promise<SendOutcome> => {
      s.sent.push(mail);
      const messageId = journeyMessageId(mail, { domain: 'transparency.no', key: 'scenario-key' });
      const refused = mail.to.map((a) => a.address).filter((a) => s.refuse.has(a));
      if (refused.length === mail.to.length && refused.length > 0) {
        return {
          status: 'rejected',
          messageId,
          rejected: refused,
          response: '550 5.1.1 User unknown',
        };
      }
      return {
        status: 'sent',
        messageId,
        accepted: mail.to.map((a) => a.address),
        rejected: refused,
        response: '250 OK',
      };
    };
    s.workers = [
      await Worker.create({
        connection: env.nativeConnection,
        taskQueue: s.taskQueue,
        workflowsPath: require.resolve('../../workflows'),
        activities: {
          cancelJourneys: async (input: { campaignId: string }) => {
            s.cancelledCampaigns.push(input.campaignId);
            return 0;
          },
        },
      }),
      await Worker.create({
        connection: env.nativeConnection,
        taskQueue: mailTaskQueue(s.taskQueue),
        activities: { sendMail: record },
      }),
    ];
    s.running = Promise.all(s.workers.map((w) => w.run())).then(() => undefined);
    return s;
  }

  /** The 2013 campaign with its invitation going out `delayMs` after the server's now. */
  async campaign(delayMs = 60_000, edit: (c: Campaign) => Campaign = (c) => c): Promise<Campaign> {
    const now = await this.env.currentTimeMs();
    return edit(
      shiftCampaign(loadCampaignFile(campaignFile), new Date(now + delayMs).toISOString()),
    );
  }

  async startCampaign(campaign: Campaign): Promise<WorkflowHandle> {
    return this.env.client.workflow.start('campaignWorkflow', {
      workflowId: campaignWorkflowId(campaign.id),
      taskQueue: this.taskQueue,
      args: [{ campaign }],
    });
  }

  async startJourney(campaign: Campaign, m: Municipality): Promise<WorkflowHandle> {
    return this.env.client.workflow.start('journey', {
      workflowId: journeyWorkflowId(campaign.id, m.id),
      taskQueue: this.taskQueue,
      args: [{ campaign, municipality: m }],
    });
  }

  journey(campaign: Campaign, id: string): WorkflowHandle {
    return this.env.client.workflow.getHandle(journeyWorkflowId(campaign.id, id));
  }

  /** The journey's state once everything it decided has been carried out. */
  async state(campaign: Campaign, id: string): Promise<JourneyState> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const state = await this.journey(campaign, id).query(journeyStateQuery);
      if (state.pendingEffects === 0 || Date.now() > deadline) return state;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async campaignState(campaign: Campaign): Promise<CampaignState> {
    return this.env.client.workflow
      .getHandle(campaignWorkflowId(campaign.id))
      .query(campaignStateQuery);
  }

  /** Skips time until a campaign-calendar instant (plus `extraMs`). */
  async advanceTo(campaign: Campaign, instant: Instant, extraMs = 60_000): Promise<void> {
    const target = toRealTime(campaign.clock, instant) + extraMs;
    const now = await this.env.currentTimeMs();
    if (target > now) await this.env.sleep(target - now);
  }

  async advance(ms: number): Promise<void> {
    await this.env.sleep(ms);
  }

  /** Templates sent to a municipality (or to the coordinator about it), in order. */
  templates(municipalityId: string, audience: OutgoingMail['audience'] = 'municipality'): string[] {
    return this.sent
      .filter((m) => m.municipalityId === municipalityId && m.audience === audience)
      .map((m) => m.template);
  }

  async teardown(): Promise<void> {
    for (const w of this.workers) if (w.getState() === 'RUNNING') w.shutdown();
    await this.running;
    await this.env.teardown();
  }
}

export const DAY = 86_400_000;
