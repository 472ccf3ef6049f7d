// Everything the exports and the report are made from: the campaign's state and every
// journey's state, read through queries.
import type { Client } from '@temporalio/client';
import type { CampaignData } from '../reporting/data';
import { allJourneyStates, campaignState } from './journeys';

export async function collectCampaignData(
  client: Client,
  campaignId: string,
): Promise<CampaignData> {
  const [campaign, journeys] = await Promise.all([
    campaignState(client, campaignId),
    allJourneyStates(client, campaignId),
  ]);
  return { campaign, journeys, generatedAt: new Date().toISOString() };
}
