// One municipality's journey through the programme, from invitation to lessons learned.
import {
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  setHandler,
} from '@temporalio/workflow';
import { validateParticipants } from '../../domain/journey/registration';
import { emptyAttendance } from '../../domain/journey/attendance';
import { redactAddresses } from '../../domain/contacts';
import type { OutgoingMail } from '../../mail/outgoing/send-request';
import { mailActivities } from '../activities';
import {
  assignedSignal,
  campaignWorkflowId,
  cancelJourneyUpdate,
  changeParticipantsUpdate,
  journeyStateQuery,
  networkChangedSignal,
  registerUpdate,
  registrationSignal,
  replySignal,
  resolveFlagUpdate,
  type Assignment,
  type JourneyInput,
  type RegistrationNotice,
} from '../definitions';
import { REGISTERED_OPEN } from '../../domain/types';
import { Journey } from './model';
import { register } from './registering';
import { handleReply } from './replies';
import { timeline } from './timeline';
import { onNetworkChanged } from './changes';

export interface JourneyResult {
  stage: string;
  network: string | null;
  participants: number;
  flags: number;
}

export async function journey(input: JourneyInput): Promise<JourneyResult> {
  const j = new Journey(input);
  const main = new CancellationScope({ cancellable: true });
  registerHandlers(j, () => main.cancel());
  j.publishSearchAttributes();

  let finished = false;
  const outbox = runOutbox(j, () => finished);
  try {
    await main.run(() => timeline(j));
  } catch (error) {
    if (!isCancellation(error)) throw error;
  }
  finished = true;
  await outbox;
  const s = j.state;
  return {
    stage: s.stage,
    network: s.network?.id ?? null,
    participants: s.participants.length,
    flags: s.flags.filter((f) => !f.resolved).length,
  };
}

function registerHandlers(j: Journey, cancelMain: () => void): void {
  const s = j.state;
  setHandler(journeyStateQuery, () => ({ ...s, pendingEffects: j.outbox.length + j.inFlight }));
  setHandler(replySignal, (incoming) => handleReply(j, incoming));
  setHandler(assignedSignal, (a) => onAssigned(j, a));
  setHandler(networkChangedSignal, (network) => onNetworkChanged(j, network));

  setHandler(
    registerUpdate,
    (input) => {
      const late = j.deadlinePassed() && (j.stage === 'no_response' || j.stage === 'declined');
      const draft = {
        participants: input.participants.map((p) => ({ ...p })),
        anchored: input.anchored,
        networkPreference: input.networkPreference,
      };
      register(j, draft, {
        via: 'coordinator',
        at: j.now(),
        replace: { at: false, via: true },
        late,
      });
      j.publishSearchAttributes();
      j.mail('registration-confirmation', { to: j.registrationAddresses() });
      j.notifyCampaign();
      return s;
    },
    {
      validator: (input) => {
        if (j.isFinal()) throw new Error(`The journey is ${j.stage}; nothing can be registered`);
        if (s.network) {
          throw new Error(
            `Already placed in network ${s.network.id}: change the participants instead`,
          );
        }
        const problems = validateParticipants(input.participants);
        if (problems.length) throw new Error(problems.join('; '));
      },
    },
  );

  setHandler(
    changeParticipantsUpdate,
    ({ participants }) => {
      s.participants = participants.map((p) => ({ ...p }));
      for (const slot of s.gatherings) {
        if (slot.attendance.length === 0) continue;
        const kept = new Map(slot.attendance.map((r) => [r.key, r]));
        slot.attendance = emptyAttendance(s.participants).map((r) => kept.get(r.key) ?? r);
      }
      j.publishSearchAttributes();
      j.notifyCampaign();
      return s;
    },
    {
      validator: ({ participants }) => {
        if (!REGISTERED_OPEN.includes(j.stage)) {
          throw new Error(
            `The journey is ${j.stage}: only a registered municipality has participants to change`,
          );
        }
        const problems = validateParticipants(participants);
        if (problems.length) throw new Error(problems.join('; '));
      },
    },
  );

  setHandler(
    resolveFlagUpdate,
    ({ flagId, by, note }) => {
      const flag = s.flags.find((f) => f.id === flagId)!;
      flag.resolved = { at: j.now(), by, note };
      j.publishSearchAttributes();
      return s;
    },
    {
      validator: ({ flagId }) => {
        const flag = s.flags.find((f) => f.id === flagId);
        if (!flag)
          throw new Error(
            `No flag "${flagId}" (flags: ${s.flags.map((f) => f.id).join(', ') || 'none'})`,
          );
        if (flag.resolved)
          throw new Error(`Flag "${flagId}" was already resolved by ${flag.resolved.by}`);
      },
    },
  );

  setHandler(
    cancelJourneyUpdate,
    ({ by, reason }) => {
      const wasRegistered = j.isRegistered();
      j.dropPendingMail();
      s.cancellation = { by, reason, at: j.now() };
      j.setStage('cancelled');
      if (wasRegistered) {
        j.mail('withdrawal', { to: j.registrationAddresses() });
        j.notifyCampaign(true);
      }
      cancelMain();
      return s;
    },
    {
      validator: ({ reason, by }) => {
        if (j.isFinal()) throw new Error(`The journey is already ${j.stage}`);
        if (!reason.trim()) throw new Error('A reason is required');
        if (!by.trim()) throw new Error('Say who cancels');
      },
    },
  );
}

function onAssigned(j: Journey, a: Assignment): void {
  const s = j.state;
  if (j.isFinal() || !j.isRegistered()) return;
  if (a.network) {
    const changed = s.network?.id !== a.network.id;
    s.network = a.network;
    s.waitingListPosition = null;
    if (j.stage === 'registered' || j.stage === 'waiting_list') j.setStage('assigned');
    j.publishSearchAttributes();
    if (changed) {
      j.announced.clear();
      j.told.clear();
      j.mail('assignment', { to: j.participantAddresses() });
    }
  } else {
    const wasPlaced = s.network !== null;
    s.network = null;
    s.waitingListPosition = a.waitingListPosition;
    j.setStage('waiting_list');
    j.publishSearchAttributes();
    if (wasPlaced || j.state.mails.every((m) => m.template !== 'waiting-list')) {
      j.mail('waiting-list', { to: j.participantAddresses() });
    }
  }
}

async function runOutbox(j: Journey, finished: () => boolean): Promise<void> {
  for (;;) {
    await condition(() => j.outbox.length > 0 || finished());
    const effect = j.outbox.shift();
    if (!effect) return;
    j.inFlight = 1;
    try {
      if (effect.kind === 'mail') await deliver(j, effect.mail);
      else await tellCampaign(j, effect.notice);
    } finally {
      j.inFlight = 0;
    }
  }
}

async function deliver(j: Journey, mail: OutgoingMail): Promise<void> {
  // Stamped when the send completed: the mail queue is rate-limited, so that can be later.
  const record = () => ({
    step: mail.step,
    template: mail.template,
    at: j.now(),
    recipients: mail.to.length,
  });
  try {
    const outcome = await mailActivities().sendMail(mail);
    j.state.mails.push({ ...record(), status: outcome.status });
    const refused =
      outcome.status === 'rejected'
        ? outcome.rejected
        : outcome.status === 'sent'
          ? outcome.rejected
          : [];
    if (refused.length && mail.audience === 'municipality') {
      j.raiseFlag('bounce', `E-postserveren avviste ${refused.join(', ')} (${mail.template})`);
    }
  } catch (error) {
    j.state.mails.push({ ...record(), status: 'failed' });
    log.warn('Mail could not be sent', {
      step: mail.step,
      error: redactAddresses((error as Error).message),
    });
    if (mail.audience === 'municipality') {
      j.raiseFlag(
        'send-failed',
        `E-posten «${mail.template}» kunne ikke sendes: ${(error as Error).message}`,
      );
    }
  }
}

async function tellCampaign(j: Journey, notice: RegistrationNotice): Promise<void> {
  try {
    await getExternalWorkflowHandle(campaignWorkflowId(j.campaign.id)).signal(
      registrationSignal,
      notice,
    );
  } catch (error) {
    log.warn('Campaign workflow could not be told about a registration', {
      error: (error as Error).message,
    });
  }
}
