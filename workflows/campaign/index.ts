// The campaign: gathers registrations, proposes the assignment after the deadline, waits
// for the coordinator's approval, tells each journey its network, and carries the
// coordinator's changes (moves, gathering dates and venues, cancellation) to the journeys.
import {
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { campaignHorizon } from '../../domain/journey/schedule';
import { campaignActivities } from '../activities';
import { CampaignCalendar } from '../calendar';
import {
  approveAssignmentUpdate,
  assignedSignal,
  campaignStateQuery,
  cancelCampaignUpdate,
  journeyWorkflowId,
  moveMunicipalityUpdate,
  networkChangedSignal,
  registrationSignal,
  setGatheringUpdate,
  type CampaignInput,
  type CampaignState,
} from '../definitions';
import { CampaignModel, type CampaignEffect } from './model';

export interface CampaignResult {
  phase: string;
  registrations: number;
  placed: number;
  waitingList: number;
}

/** Keeps the history short at Nordic scale: thousands of registrations, each a signal. */
const CONTINUE_AS_NEW_AFTER_EVENTS = 8_000;

export async function campaignWorkflow(
  input: CampaignInput & { carried?: CampaignState },
): Promise<CampaignResult> {
  const calendar = new CampaignCalendar(input.campaign.clock);
  const c = new CampaignModel(input.campaign, calendar, input.carried);
  const main = new CancellationScope({ cancellable: true });
  registerHandlers(c, () => main.cancel());

  let finished = false;
  const outbox = runOutbox(c, () => finished);
  try {
    await main.run(() => run(c));
  } catch (error) {
    if (!isCancellation(error)) throw error;
  }
  finished = true;
  await outbox;
  if (c.phase !== 'closed' && c.phase !== 'cancelled') {
    // Only reached for a continue-as-new: drain the handlers, carry the state over.
    await condition(allHandlersFinished);
    await continueAsNew<typeof campaignWorkflow>({ campaign: input.campaign, carried: c.state });
  }
  const p = c.state.proposal;
  return {
    phase: c.phase,
    registrations: c.active().length,
    placed: p ? p.networks.reduce((n, x) => n + x.municipalityIds.length, 0) : 0,
    waitingList: p?.waitingList.length ?? 0,
  };
}

const historyIsLong = () =>
  workflowInfo().continueAsNewSuggested ||
  workflowInfo().historyLength > CONTINUE_AS_NEW_AFTER_EVENTS;

async function run(c: CampaignModel): Promise<void> {
  const { schedule } = c.state.campaign;
  if (c.phase === 'registration') {
    if (!(await c.calendar.until(() => schedule.registrationDeadline, historyIsLong))) return;
    c.state.phase = 'awaiting-approval';
    c.propose();
  }
  if (c.phase === 'awaiting-approval') {
    await condition(() => c.phase !== 'awaiting-approval' || historyIsLong());
    if (c.phase === 'awaiting-approval') return;
  }
  if (!(await c.calendar.until(() => campaignHorizon(c.state.campaign), historyIsLong))) return;
  c.state.phase = 'closed';
}

function registerHandlers(c: CampaignModel, cancelMain: () => void): void {
  const s = c.state;
  const now = () => c.calendar.now();
  const open = () => {
    if (s.phase === 'cancelled' || s.phase === 'closed')
      throw new Error(`The campaign is ${s.phase}`);
  };

  setHandler(campaignStateQuery, () => s);
  setHandler(registrationSignal, (notice) => {
    if (s.phase !== 'cancelled' && s.phase !== 'closed') c.register(notice);
  });

  setHandler(
    approveAssignmentUpdate,
    ({ by }) => {
      c.approve(by, now());
      return s;
    },
    {
      validator: (_input) => {
        open();
        if (s.phase === 'registration')
          throw new Error('Registration is still open: there is no proposal to approve yet');
        if (s.approved) throw new Error(`Already approved by ${s.approved.by} at ${s.approved.at}`);
      },
    },
  );

  setHandler(
    moveMunicipalityUpdate,
    ({ municipalityId, to, by, overCapacity }) => {
      c.move(municipalityId, to, by, overCapacity === true);
      return s;
    },
    {
      validator: ({ municipalityId, to, overCapacity }) => {
        open();
        if (!s.proposal) throw new Error('There is no assignment yet: registration is still open');
        if (!c.active().some((r) => r.municipalityId === municipalityId)) {
          throw new Error(`${municipalityId} has no registration in this campaign`);
        }
        if (to !== 'waiting-list' && !c.network(to)) {
          throw new Error(
            `No network "${to}" (networks: ${s.campaign.networks.map((n) => n.id).join(', ')})`,
          );
        }
        // Dry run: the domain refuses a move that breaks capacity, with its reason, unless
        // the coordinator said --over-capacity (an optional field: older clients omit it).
        c.tryMove(municipalityId, to, overCapacity === true);
      },
    },
  );

  setHandler(
    setGatheringUpdate,
    (setting) => {
      c.setGathering(setting);
      return s;
    },
    {
      validator: (setting) => {
        open();
        const updated = c.withGathering(setting); // throws the reason when the change is wrong
        const g = updated.networks
          .find((n) => n.id === setting.network)!
          .gatherings.find((x) => x.number === setting.number)!;
        if (setting.date && g.startsAt && c.calendar.hasPassed(g.startsAt)) {
          throw new Error(`${setting.date} has already passed`);
        }
      },
    },
  );

  setHandler(
    cancelCampaignUpdate,
    ({ by, reason }) => {
      s.phase = 'cancelled';
      s.cancellation = { by, reason, at: now() };
      c.outbox.push({ kind: 'cancel-journeys', by, reason });
      cancelMain();
      return s;
    },
    {
      validator: ({ reason }) => {
        open();
        if (!reason.trim()) throw new Error('A reason is required');
      },
    },
  );
}

async function runOutbox(c: CampaignModel, finished: () => boolean): Promise<void> {
  for (;;) {
    await condition(() => c.outbox.length > 0 || finished());
    const effect = c.outbox.shift();
    if (!effect) return;
    await carryOut(c, effect);
  }
}

async function carryOut(c: CampaignModel, effect: CampaignEffect): Promise<void> {
  const campaignId = c.state.campaign.id;
  const signal = async (
    municipalityId: string,
    send: (h: ReturnType<typeof getExternalWorkflowHandle>) => Promise<void>,
  ) => {
    try {
      await send(getExternalWorkflowHandle(journeyWorkflowId(campaignId, municipalityId)));
    } catch (error) {
      log.warn('Journey could not be told', { municipalityId, error: (error as Error).message });
    }
  };
  switch (effect.kind) {
    case 'assign':
      await signal(effect.municipalityId, (h) => h.signal(assignedSignal, effect.assignment));
      break;
    case 'network':
      for (const id of effect.municipalityIds)
        await signal(id, (h) => h.signal(networkChangedSignal, effect.network));
      break;
    case 'cancel-journeys':
      await campaignActivities.cancelJourneys({ campaignId, by: effect.by, reason: effect.reason });
      break;
  }
}
