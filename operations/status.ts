// The campaign at a glance: the funnel from stage counts (visibility, so it scales to
// thousands of journeys), networks from the campaign workflow, open flags, review queue.
import type { Client } from '@temporalio/client';
import { PLACED_OR_COMPLETED, type Stage } from '../domain/types';
import type { Config } from '../platform/config';
import { campaignState, countByStage, journeyQuery } from './journeys';
import { reviewQueueSize } from './review';

export interface Funnel {
  invited: number;
  answered: number;
  registered: number;
  incomplete: number;
  declined: number;
  noAnswer: number;
  waitingList: number;
  placed: number;
  completed: number;
  cancelled: number;
  notYetInvited: number;
}

/**
 * invited: every journey past «scheduled»; registered: registered, waiting list or placed
 * (placed: in a network, through to completed); answered: registered, incomplete or
 * declined. Cancelled journeys count only as cancelled.
 */
export function funnelFromStages(c: Record<Stage, number>): Funnel {
  const sum = (stages: readonly Stage[]) => stages.reduce((n, s) => n + (c[s] ?? 0), 0);
  const placed = sum(PLACED_OR_COMPLETED);
  const registered = placed + sum(['registered', 'waiting_list']);
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  return {
    invited: total - (c.scheduled ?? 0),
    answered: registered + (c.incomplete ?? 0) + (c.declined ?? 0),
    registered,
    incomplete: c.incomplete ?? 0,
    declined: c.declined ?? 0,
    noAnswer: c.no_response ?? 0,
    waitingList: c.waiting_list ?? 0,
    placed,
    completed: c.completed ?? 0,
    cancelled: c.cancelled ?? 0,
    notYetInvited: c.scheduled ?? 0,
  };
}

export interface NetworkStatus {
  id: string;
  municipalities: number;
  participants: number;
  capacity: { min: number; max: number };
  venue: string | null;
  gatherings: { number: number; when: string; venue: string | null }[];
}

export interface CampaignStatus {
  campaignId: string;
  title: string;
  phase: string;
  funnel: Funnel;
  stages: Record<Stage, number>;
  networks: NetworkStatus[];
  waitingList: string[];
  openFlags: number;
  reviewQueue: number | null;
  warnings: string[];
}

export async function campaignStatus(
  client: Client,
  config: Config,
  campaignId: string,
): Promise<CampaignStatus> {
  const [state, stages, flagged, review] = await Promise.all([
    campaignState(client, campaignId),
    countByStage(client, campaignId),
    client.workflow.count(journeyQuery({ campaignId, flagged: true })),
    reviewQueueSize(config).catch(() => null),
  ]);
  const proposal = state.proposal;
  return {
    campaignId,
    title: state.campaign.title,
    phase: state.phase,
    funnel: funnelFromStages(stages),
    stages,
    networks: state.campaign.networks.map((n) => {
      const p = proposal?.networks.find((x) => x.id === n.id);
      return {
        id: n.id,
        municipalities: p?.municipalityIds.length ?? 0,
        participants: p?.participants ?? 0,
        capacity: n.capacity,
        venue: p?.venue?.name ?? n.gatherings.find((g) => g.venue)?.venue?.name ?? null,
        gatherings: n.gatherings.map((g) => ({
          number: g.number,
          when: g.date ?? g.month,
          venue: g.venue?.name ?? null,
        })),
      };
    }),
    waitingList: proposal?.waitingList ?? [],
    openFlags: flagged.count,
    reviewQueue: review,
    warnings: proposal?.warnings ?? [],
  };
}
