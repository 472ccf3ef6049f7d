// The journey's calendar, read top to bottom like the invitation letter: invite, remind,
// close registration, wait for the network, three gatherings with follow-up between
// them, then lessons learned.
import { condition, patched } from '@temporalio/workflow';
import { allAnswered } from '../../domain/journey/attendance';
import {
  campaignHorizon,
  minus,
  networksFinal,
  plus,
  reminderTimes,
  isBefore,
} from '../../domain/journey/schedule';
import type { Journey } from './model';
import { register } from './registering';

export async function timeline(j: Journey): Promise<void> {
  await invite(j);
  await registrationPeriod(j);
  closeRegistration(j);
  if (!(await placedInNetwork(j))) return;
  // The follow-up after one gathering and the preparation of the next overlap in time
  // (attendance is asked for four weeks ahead, status three), so they run side by side.
  let followingUp: Promise<void> = Promise.resolve();
  for (const n of [1, 2, 3] as const) {
    const [took] = await Promise.all([gathering(j, n), followingUp]);
    followingUp = took && n < 3 ? followUp(j, n as 1 | 2) : Promise.resolve();
  }
  await lessonsLearned(j);
  j.setStage('completed');
}

async function invite(j: Journey): Promise<void> {
  // A registration by phone before the invitation goes out makes the invitation moot.
  await j.calendar.until(
    () => j.campaign.schedule.invitationAt,
    () => j.stage !== 'scheduled',
  );
  if (j.stage !== 'scheduled') return;
  j.mail('invitation');
  j.invitationSentAt = j.now();
  j.setStage('invited');
}

async function registrationPeriod(j: Journey): Promise<void> {
  const sentAt = j.invitationSentAt ?? j.now();
  let number = 0;
  for (const at of reminderTimes(j.campaign)) {
    // A journey that started late skips reminders that were due before its invitation.
    if (isBefore(at, sentAt)) continue;
    await j.calendar.until(() => at);
    number += 1;
    if (j.stage === 'invited') j.mail('registration-reminder', { reminderNumber: number });
  }
  await j.calendar.until(() => j.campaign.schedule.registrationDeadline);
}

function closeRegistration(j: Journey): void {
  const s = j.state;
  if (j.stage === 'invited' || j.stage === 'scheduled') {
    j.setStage('no_response');
    j.mail('no-response-closing');
  } else if (j.stage === 'incomplete') {
    if (s.participants.some((p) => p.email)) {
      // «Det er ønskelig», not a requirement: accept what came, and tell the coordinator.
      register(j, null, { via: 'mail', at: j.now(), replace: { at: false, via: true } });
      j.raiseFlag(
        'incomplete-at-deadline',
        `Påmeldt med mangler ved fristen: ${s.missing.map((m) => MISSING[m] ?? m).join(', ')}`,
      );
      j.notifyCampaign();
    } else {
      j.setStage('no_response');
      j.raiseFlag(
        'incomplete-at-deadline',
        'Ville være med, men hadde ikke oppgitt noen deltaker med e-postadresse ved fristen',
      );
    }
  }
}

/**
 * Waits for a network; those who never get one stay open until the campaign is over. One
 * still on the waiting list when the networks are final (every first gathering held), or
 * put there later and still on it when the campaign ends, hears so once.
 */
async function placedInNetwork(j: Journey): Promise<boolean> {
  const horizon = campaignHorizon(j.campaign);
  const placed = () => j.state.network !== null && j.isRegistered();
  // Journeys that waited before this rule keep waiting without the letter.
  if (patched('waiting-list-closing')) {
    await j.calendar.until(() => networksFinal(j.campaign), placed);
    closeWaitingList(j);
    await j.calendar.until(() => horizon, placed);
    closeWaitingList(j);
  } else {
    await j.calendar.until(() => horizon, placed);
  }
  return placed();
}

function closeWaitingList(j: Journey): void {
  if (j.stage !== 'waiting_list' || j.waitingListClosed) return;
  j.waitingListClosed = true;
  j.mail('waiting-list-closing', { to: j.participantAddresses() });
}

/**
 * Prepares and holds one gathering: announce it once its date and venue are known, ask
 * for attendance, remind, send the practical information, then the gathering itself.
 * False if it was already held when the journey got there (placed late).
 */
async function gathering(j: Journey, n: 1 | 2 | 3): Promise<boolean> {
  const s = j.campaign.schedule;
  const g = () => j.gathering(n);
  const starts = (offset: number) => () => (g()?.startsAt ? minus(g()!.startsAt!, offset) : null);
  const held = g()?.endsAt && j.calendar.hasPassed(g()!.endsAt!);
  if (held) return false;

  j.announcing = n;
  await condition(() => Boolean(g()?.startsAt && g()?.venue));
  announce(j, n);
  j.announcing = null;

  await j.calendar.until(starts(s.attendanceRequestBefore));
  j.attendance(n);
  j.mail('attendance-request', { gathering: n, to: j.participantAddresses() });
  const requestedAt = j.now();

  await j.calendar.until(starts(s.attendanceReminderBefore));
  const reminderAt = starts(s.attendanceReminderBefore)();
  const silent = j
    .attendance(n)
    .filter((r) => r.attending === null)
    .map((r) => r.key);
  if (reminderAt && !isBefore(reminderAt, requestedAt) && !allAnswered(j.attendance(n))) {
    const to = j.participantAddresses().filter((a) => silent.includes(a.address.toLowerCase()));
    j.mail('gathering-reminder', { gathering: n, to: to.length ? to : j.participantAddresses() });
  }

  await j.calendar.until(starts(s.practicalInfoBefore));
  const coming = j
    .participantAddresses()
    .filter((a) =>
      j.attendance(n).every((r) => r.key !== a.address.toLowerCase() || r.attending !== false),
    );
  if (coming.length) j.mail('gathering-practical', { gathering: n, to: coming });

  await j.calendar.until(() => g()?.startsAt ?? null);
  j.setStage(`gathering_${n}`);
  await j.calendar.until(() => g()?.endsAt ?? null);
  if (n < 3) j.setStage(`followup_${n as 1 | 2}`);
  return true;
}

/** Announces a gathering, or announces it again when its date or venue changed. */
export function announce(j: Journey, n: number): void {
  const g = j.gathering(n);
  if (!g?.startsAt || !g.venue) return;
  const key = `${g.startsAt}|${g.venue.id}`;
  if (j.announced.get(n) === key) return;
  j.announced.set(n, key);
  j.mail('gathering-announcement', { gathering: n, to: j.participantAddresses() });
}

async function followUp(j: Journey, n: 1 | 2): Promise<void> {
  const s = j.campaign.schedule;
  const end = j.gathering(n)!.endsAt!;
  const next = () => j.gathering(n + 1);
  const reported = () => j.state.reports.some((r) => r.kind === `status-${n}`);

  await j.calendar.until(() => plus(end, s.followUpAfter));
  j.mail(n === 1 ? 'followup-1' : 'followup-2', { gathering: n, to: j.participantAddresses() });

  const statusRequestAt = () =>
    next()?.startsAt ? minus(next()!.startsAt!, s.statusRequestBefore) : null;
  const reminderAt = plus(end, s.followUpReminderAfter);
  if (await j.calendar.until(() => reminderAt, reported)) {
    const request = statusRequestAt();
    // Only worth it if the status request is still some way off.
    if (!request || isBefore(reminderAt, request)) {
      j.mail('followup-reminder', { gathering: n, to: j.participantAddresses() });
    }
  }
  if (await j.calendar.until(statusRequestAt, reported)) {
    j.mail('status-request', { gathering: n, to: j.participantAddresses() });
  }
}

/** What a registration lacks, as the coordinator reads it in the flag. */
const MISSING: Record<string, string> = {
  participants: 'for få deltakere',
  'participant-name': 'navn på deltaker',
  'participant-title': 'stillingstittel',
  'participant-email': 'e-postadresse',
  anchoring: 'bekreftelse på forankring i administrativ ledelse',
};

async function lessonsLearned(j: Journey): Promise<void> {
  const s = j.campaign.schedule;
  const end = j.gathering(3)!.endsAt!;
  const answered = () => j.state.reports.some((r) => r.kind === 'lessons');
  j.setStage('lessons');
  await j.calendar.until(() => plus(end, s.lessonsRequestAfter));
  j.mail('lessons-request', { gathering: 3, to: j.participantAddresses() });
  if (await j.calendar.until(() => plus(end, s.lessonsReminderAfter), answered)) {
    j.mail('lessons-reminder', { gathering: 3, to: j.participantAddresses(), reminderNumber: 1 });
  }
  await j.calendar.until(() => plus(end, s.lessonsCloseAfter), answered);
}
