// Reading journeys: the visibility store for lists and counts (scales to thousands),
// a query for one journey's whole state.
import type { Client } from '@temporalio/client';
import { STAGES, type Stage } from '../domain/types';
import {
  CampaignIdKey,
  FlaggedKey,
  MunicipalityIdKey,
  NetworkKey,
  StageKey,
} from '../platform/search-attributes';
import {
  campaignStateQuery,
  campaignWorkflowId,
  journeyStateQuery,
  journeyWorkflowId,
  type CampaignState,
  type JourneyState,
} from '../workflows/definitions';
import { explain, OperationError } from './errors';

export interface JourneyRow {
  campaignId: string;
  municipalityId: string;
  stage: Stage | null;
  network: string | null;
  flagged: boolean;
  status: string;
}

export interface JourneyFilter {
  campaignId?: string;
  stage?: string;
  network?: string;
  flagged?: boolean;
}

const q = (s: string) => `"${s.replace(/["\\]/g, '')}"`;

export function journeyQuery(f: JourneyFilter): string {
  const parts = ['WorkflowType = "journey"'];
  if (f.campaignId) parts.push(`CampaignId = ${q(f.campaignId)}`);
  if (f.stage) {
    if (!(STAGES as readonly string[]).includes(f.stage)) {
      throw new OperationError(`Unknown stage "${f.stage}". Stages: ${STAGES.join(', ')}.`);
    }
    parts.push(`Stage = ${q(f.stage)}`);
  }
  if (f.network) parts.push(`Network = ${q(f.network.toUpperCase())}`);
  if (f.flagged) parts.push('Flagged = true');
  return parts.join(' AND ');
}

export async function listJourneys(client: Client, f: JourneyFilter): Promise<JourneyRow[]> {
  const rows: JourneyRow[] = [];
  try {
    for await (const w of client.workflow.list({ query: journeyQuery(f), pageSize: 500 })) {
      const sa = w.typedSearchAttributes;
      rows.push({
        campaignId: sa.get(CampaignIdKey) ?? '',
        municipalityId: sa.get(MunicipalityIdKey) ?? '',
        stage: (sa.get(StageKey) as Stage | undefined) ?? null,
        network: sa.get(NetworkKey) ?? null,
        flagged: sa.get(FlaggedKey) ?? false,
        status: w.status.name,
      });
    }
  } catch (error) {
    throw explain(error, 'The journey list');
  }
  return rows.sort(
    (a, b) =>
      a.campaignId.localeCompare(b.campaignId) || a.municipalityId.localeCompare(b.municipalityId),
  );
}

/** Up to this many journeys, one page of the list is cheaper than a count per stage. */
const WALK_UP_TO = 500;

/**
 * The campaign's journeys by stage. A small campaign (the demo's, a rehearsal) is walked: one
 * page of the list, exact. A large one is counted with the visibility store's count API: one
 * count per stage and one of the whole, all at once, so the time does not grow with the number
 * of journeys (the server groups counts by ExecutionStatus only, not by our search attributes).
 * A journey that moves on between two counts would be counted twice or not at all: when the
 * stages do not add up to the whole, count again, and after three tries walk the journeys once.
 * Each journey has one run (started with REJECT_DUPLICATE, never continued as new), so counting
 * runs counts municipalities.
 */
export async function countByStage(
  client: Client,
  campaignId: string,
  options: { walkUpTo?: number } = {},
): Promise<Record<Stage, number>> {
  const query = journeyQuery({ campaignId });
  try {
    const { count } = await client.workflow.count(query);
    if (count <= (options.walkUpTo ?? WALK_UP_TO))
      return await countByStageWalking(client, campaignId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const [whole, ...byStage] = await Promise.all([
        client.workflow.count(`${query} AND Stage IS NOT NULL`),
        ...STAGES.map((stage) => client.workflow.count(`${query} AND Stage = ${q(stage)}`)),
      ]);
      const counts = Object.fromEntries(
        STAGES.map((stage, i) => [stage, byStage[i].count]),
      ) as Record<Stage, number>;
      if (byStage.reduce((n, c) => n + c.count, 0) === whole.count) return counts;
    }
  } catch (error) {
    throw explain(error, `The journeys of campaign ${campaignId}`);
  }
  return countByStageWalking(client, campaignId);
}

/**
 * One pass over the campaign's journeys, tallied here, a municipality once by its latest run:
 * exact while journeys move on, but its time grows with their number (0.4 ms each).
 */
export async function countByStageWalking(
  client: Client,
  campaignId: string,
): Promise<Record<Stage, number>> {
  const latest = new Map<string, { startMs: number; stage: Stage | undefined }>();
  try {
    const query = journeyQuery({ campaignId });
    for await (const w of client.workflow.list({ query, pageSize: 1000 })) {
      const seen = latest.get(w.workflowId);
      if (seen && seen.startMs >= w.startTime.getTime()) continue;
      const stage = w.typedSearchAttributes.get(StageKey) as Stage | undefined;
      latest.set(w.workflowId, { startMs: w.startTime.getTime(), stage });
    }
  } catch (error) {
    throw explain(error, `The journeys of campaign ${campaignId}`);
  }
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const { stage } of latest.values()) if (stage && stage in counts) counts[stage] += 1;
  return counts;
}

export async function journeyState(
  client: Client,
  campaignId: string,
  municipalityId: string,
): Promise<JourneyState> {
  try {
    return await client.workflow
      .getHandle(journeyWorkflowId(campaignId, municipalityId))
      .query(journeyStateQuery);
  } catch (error) {
    throw explain(error, `The journey of ${municipalityId} in campaign ${campaignId}`);
  }
}

export async function campaignState(client: Client, campaignId: string): Promise<CampaignState> {
  try {
    return await client.workflow
      .getHandle(campaignWorkflowId(campaignId))
      .query(campaignStateQuery);
  } catch (error) {
    throw explain(error, `Campaign ${campaignId}`);
  }
}

/** Every journey's full state, for exports and the report. */
export async function allJourneyStates(
  client: Client,
  campaignId: string,
  concurrency = 16,
): Promise<JourneyState[]> {
  const rows = await listJourneys(client, { campaignId });
  const states: JourneyState[] = new Array(rows.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, rows.length) }, async () => {
      while (next < rows.length) {
        const i = next++;
        states[i] = await journeyState(client, campaignId, rows[i].municipalityId);
      }
    }),
  );
  return states;
}

/** The campaign meant when none is named: the only one there is. */
export async function defaultCampaignId(client: Client): Promise<string> {
  const ids: string[] = [];
  for await (const w of client.workflow.list({
    query: 'WorkflowType = "campaignWorkflow"',
    pageSize: 50,
  })) {
    const id =
      w.typedSearchAttributes.get(CampaignIdKey) ?? w.workflowId.replace(/^campaign\//, '');
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 1) return ids[0];
  if (ids.length === 0)
    throw new OperationError(
      'There is no campaign yet: start one with `nettverk campaign start FILE --municipalities CSV`.',
    );
  throw new OperationError(
    `There are ${ids.length} campaigns (${ids.join(', ')}): say which with --campaign ID.`,
  );
}
