// The coordinator's changes, all through the workflows' updates: a change the workflow
// refuses comes back with its reason and leaves no trace.
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { NetworkId, Participant } from '../domain/types';
import {
  approveAssignmentUpdate,
  campaignWorkflowId,
  cancelCampaignUpdate,
  cancelJourneyUpdate,
  changeParticipantsUpdate,
  journeyStateQuery,
  journeyWorkflowId,
  moveMunicipalityUpdate,
  registerUpdate,
  resolveFlagUpdate,
  setGatheringUpdate,
  type CampaignState,
  type GatheringSetting,
  type JourneyState,
} from '../workflows/definitions';
import { explain, isTemporalError, OperationError } from './errors';

const journey = (client: Client, campaignId: string, id: string) =>
  client.workflow.getHandle(journeyWorkflowId(campaignId, id));
const campaign = (client: Client, campaignId: string) =>
  client.workflow.getHandle(campaignWorkflowId(campaignId));

async function attempt<T>(what: string, fn: () => Promise<T>, handle?: WorkflowHandle): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isTemporalError(error, 'WorkflowNotFoundError') && handle) {
      // Updates reach running workflows only: say so when it has ended, rather than "not found".
      const status = await handle.describe().then(
        (d) => d.status.name,
        () => null,
      );
      if (status && status !== 'RUNNING') {
        const stage = await handle.query(journeyStateQuery).then(
          (st) => st.stage,
          () => status.toLowerCase(),
        );
        throw new OperationError(`${what} has ended (${stage}): it cannot be changed any more.`);
      }
    }
    throw explain(error, what);
  }
}

/** `"Kari Nordmann; kommunalsjef; kari@voss.kommune.no; 99 88 77 66"` → a participant. */
export function parseParticipantArg(text: string): Participant {
  const [name, title, email, phone] = text.split(';').map((s) => s.trim());
  if (!name)
    throw new OperationError(`"${text}": a participant is written "Name; title; email[; phone]"`);
  if (email && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email)) {
    throw new OperationError(`"${text}": "${email}" is not an email address`);
  }
  return { name, title: title || null, email: email || null, phone: phone || null };
}

export const registerByHand = (
  client: Client,
  campaignId: string,
  id: string,
  r: {
    participants: Participant[];
    anchored: boolean;
    networkPreference: NetworkId | null;
    by: string;
  },
): Promise<JourneyState> =>
  attempt(
    `The journey of ${id}`,
    () => journey(client, campaignId, id).executeUpdate(registerUpdate, { args: [r] }),
    journey(client, campaignId, id),
  );

export const changeParticipants = (
  client: Client,
  campaignId: string,
  id: string,
  participants: Participant[],
  by: string,
): Promise<JourneyState> =>
  attempt(
    `The journey of ${id}`,
    () =>
      journey(client, campaignId, id).executeUpdate(changeParticipantsUpdate, {
        args: [{ participants, by }],
      }),
    journey(client, campaignId, id),
  );

export const cancelJourney = (
  client: Client,
  campaignId: string,
  id: string,
  by: string,
  reason: string,
): Promise<JourneyState> =>
  attempt(
    `The journey of ${id}`,
    () =>
      journey(client, campaignId, id).executeUpdate(cancelJourneyUpdate, {
        args: [{ by, reason }],
      }),
    journey(client, campaignId, id),
  );

export const resolveFlag = (
  client: Client,
  campaignId: string,
  id: string,
  flagId: string,
  by: string,
  note: string | null,
): Promise<JourneyState> =>
  attempt(
    `The journey of ${id}`,
    () =>
      journey(client, campaignId, id).executeUpdate(resolveFlagUpdate, {
        args: [{ flagId, by, note }],
      }),
    journey(client, campaignId, id),
  );

export const approveAssignment = (
  client: Client,
  campaignId: string,
  by: string,
): Promise<CampaignState> =>
  attempt(`Campaign ${campaignId}`, () =>
    campaign(client, campaignId).executeUpdate(approveAssignmentUpdate, { args: [{ by }] }),
  );

export const moveMunicipality = (
  client: Client,
  campaignId: string,
  municipalityId: string,
  to: NetworkId | 'waiting-list',
  by: string,
  overCapacity = false,
): Promise<CampaignState> =>
  attempt(`Campaign ${campaignId}`, () =>
    campaign(client, campaignId).executeUpdate(moveMunicipalityUpdate, {
      // The field is sent only when set, so the update reads as before to older workers.
      args: [overCapacity ? { municipalityId, to, by, overCapacity } : { municipalityId, to, by }],
    }),
  );

export const setGathering = (
  client: Client,
  campaignId: string,
  g: GatheringSetting,
): Promise<CampaignState> =>
  attempt(`Campaign ${campaignId}`, () =>
    campaign(client, campaignId).executeUpdate(setGatheringUpdate, { args: [g] }),
  );

export const cancelCampaign = (
  client: Client,
  campaignId: string,
  by: string,
  reason: string,
): Promise<CampaignState> =>
  attempt(`Campaign ${campaignId}`, () =>
    campaign(client, campaignId).executeUpdate(cancelCampaignUpdate, { args: [{ by, reason }] }),
  );
