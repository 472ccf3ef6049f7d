// What a reply means depends on where the journey is: before the deadline it registers,
// declines or asks; after it, it is late; once placed it answers attendance, reports
// status or lessons learned. Synchronous: state changes now, mails go through the outbox.
import { patched } from '@temporalio/workflow';
import { applyAttendance } from '../../domain/journey/attendance';
import { assessRegistration, mergeRegistration } from '../../domain/journey/registration';
import { emailDomain } from '../../domain/contacts';
import { isBefore } from '../../domain/journey/schedule';
import { GATHERINGS_UNDERWAY, type ParsedReply, type Stage } from '../../domain/types';
import type { IncomingReply, Report } from '../definitions';
import type { Journey } from './model';
import { register } from './registering';

export function handleReply(j: Journey, incoming: IncomingReply): void {
  const r = incoming.reply;
  if (j.seen.has(r.messageId) || j.isFinal()) return;
  j.seen.add(r.messageId);
  const at = incoming.arrivedAtMs ? j.calendar.at(incoming.arrivedAtMs) : j.now();
  const outcome = route(j, r, at);
  j.state.replies.push({
    messageId: r.messageId,
    at,
    kind: r.kind,
    fromDomain: emailDomain(r.from.address),
    outcome,
  });
}

const excerpt = (r: ParsedReply, at: string) => ({
  from: r.from,
  subject: r.subject,
  text: r.text,
  receivedAt: at,
});

function route(j: Journey, r: ParsedReply, at: string): string {
  if (r.kind === 'auto-reply') return 'ignored: automatic reply';
  if (r.kind === 'bounce') {
    const who = r.bounce?.recipients.join(', ') || 'en adresse';
    j.raiseFlag(
      'bounce',
      `E-post til ${who} kom i retur: ${r.bounce?.diagnostic ?? r.bounce?.status ?? 'ingen grunn oppgitt'}`,
      excerpt(r, at),
      r.bounce,
    );
    return 'flagged: bounce';
  }
  // «Takk, vi gleder oss»: nothing to do and nobody to ask (histories before this: a flag).
  if (r.thanksOnly && patched('thanks-recorded')) return 'recorded: thanks';
  // Journeys that read replies by the time they were read (before this change) keep doing so.
  const byArrival =
    GATHERINGS_UNDERWAY.includes(j.stage) && patched('placed-replies-routed-by-arrival');
  const stage = byArrival ? stageWhenSent(j, at) : j.stage;
  const onTime = isBefore(at, j.campaign.schedule.registrationDeadline);
  if (
    onTime &&
    !j.state.network &&
    ['scheduled', 'invited', 'incomplete', 'declined', 'registered', 'no_response'].includes(stage)
  ) {
    return registrationReply(j, r, at);
  }
  if (stage === 'registered' && !j.state.network) return registrationReply(j, r, at);
  if (stage === 'no_response' || stage === 'declined') return lateReply(j, r, at);
  if (stage === 'lessons') return report(j, r, at, 'lessons');
  if (
    stage.startsWith('followup_') &&
    !r.attendance?.length &&
    r.kind !== 'question' &&
    r.text.trim()
  ) {
    return report(j, r, at, stage === 'followup_1' ? 'status-1' : 'status-2');
  }
  if (r.attendance?.length) return attendance(j, r, byArrival ? at : j.now());
  if (r.kind === 'question') return question(j, r, at);
  j.raiseFlag('unclear-reply', `Et svar i fasen ${stage} må leses av en person`, excerpt(r, at));
  return 'flagged: for the coordinator to read';
}

function question(j: Journey, r: ParsedReply, at: string): string {
  const asked = r.questions.length ? r.questions.join(' ') : 'Se svaret';
  j.raiseFlag('question', asked, excerpt(r, at));
  return 'flagged: question';
}

function registrationReply(j: Journey, r: ParsedReply, at: string): string {
  const s = j.state;
  if (r.kind === 'decline') {
    const wasRegistered = s.stage === 'registered';
    j.setStage('declined');
    j.mail('decline-thanks', { to: [r.from], inReplyTo: r.messageId });
    if (wasRegistered) j.notifyCampaign(true);
    if (r.questions.length) question(j, r, at);
    return wasRegistered ? 'withdrawn' : 'declined';
  }
  const saysSomething =
    r.kind === 'registration' || (r.participants?.length ?? 0) > 0 || r.anchored !== null;
  if (!saysSomething) return r.kind === 'question' ? question(j, r, at) : unclear(j, r, at);

  applyRegistration(j, r, at);
  if (r.questions.length) question(j, r, at);
  return `registration: ${s.stage === 'incomplete' ? 'incomplete' : 'complete'}`;
}

function applyRegistration(j: Journey, r: ParsedReply, at: string): void {
  const s = j.state;
  s.contact = s.contact ?? { name: r.from.name, address: r.from.address };
  const draft = mergeRegistration(
    s.participants.length || s.anchored !== null
      ? {
          participants: s.participants,
          anchored: s.anchored,
          networkPreference: s.networkPreference,
        }
      : null,
    r,
  );
  s.participants = draft.participants;
  s.anchored = draft.anchored;
  s.networkPreference = draft.networkPreference;
  const { status, missing } = assessRegistration(draft, j.campaign.participantsPerMunicipality);
  s.missing = missing;
  if (status === 'incomplete') {
    j.setStage('incomplete');
    j.publishSearchAttributes();
    j.mail('registration-incomplete', { to: [r.from], inReplyTo: r.messageId });
    return;
  }
  register(j, null, { via: 'mail', at, replace: { at: false, via: false } });
  j.publishSearchAttributes();
  if (status === 'over-limit') {
    j.raiseFlag(
      'over-limit',
      `${s.participants.length} deltakere påmeldt; ${j.campaign.participantsPerMunicipality.max} er det høyeste antallet som ønskes`,
    );
    j.mail('registration-over-limit', { to: j.registrationAddresses(), inReplyTo: r.messageId });
  } else {
    j.mail('registration-confirmation', { to: j.registrationAddresses(), inReplyTo: r.messageId });
  }
  // Every change counts: the campaign sizes networks by participants.
  j.notifyCampaign();
}

/** After the deadline: never silently dropped. */
function lateReply(j: Journey, r: ParsedReply, at: string): string {
  if (r.kind === 'registration' || (r.participants?.length ?? 0) > 0) {
    const s = j.state;
    s.contact = s.contact ?? { name: r.from.name, address: r.from.address };
    register(j, mergeRegistration(null, r), {
      via: 'mail',
      at,
      replace: { at: true, via: true },
      late: true,
    });
    j.raiseFlag('late-registration', 'Påmelding mottatt etter fristen', excerpt(r, at));
    j.mail('late-registration', { to: j.registrationAddresses(), inReplyTo: r.messageId });
    j.notifyCampaign();
    return 'late registration';
  }
  if (r.kind === 'decline') {
    // A «no» after the deadline is still a «no», not silence: the report says declined.
    // Journeys that read one before this change keep it as no answer.
    if (j.stage === 'no_response' && patched('late-decline-recorded')) {
      j.setStage('declined');
      j.mail('decline-thanks', { to: [r.from], inReplyTo: r.messageId });
    }
    return 'declined (after the deadline)';
  }
  return r.kind === 'question' ? question(j, r, at) : unclear(j, r, at);
}

/** `at`: when the reply was sent, or (journeys older than that rule) when it was read. */
function attendance(j: Journey, r: ParsedReply, at: string): string {
  const n = upcomingGathering(j, at);
  if (n === null) return unclear(j, r, at);
  const update = applyAttendance(
    j.state.participants,
    j.attendance(n),
    r.attendance ?? [],
    j.now(),
  );
  j.state.participants = update.participants;
  j.state.gatherings[n - 1].attendance = update.records;
  for (const s of update.substitutions) {
    j.raiseFlag('substitute', `${s.in.name} kommer i stedet for ${s.out.name} (samling ${n})`);
  }
  if (update.unmatched.length) {
    j.raiseFlag(
      'unclear-reply',
      `Svar om deltakelse for noen som ikke er påmeldt: ${update.unmatched.join(', ')}`,
    );
  }
  j.publishSearchAttributes();
  if (r.questions.length) question(j, r, at);
  return `attendance for gathering ${n}`;
}

/** The gathering attendance answers are about: the next one not over when the reply came. */
function upcomingGathering(j: Journey, at: string): number | null {
  for (const n of [1, 2, 3]) {
    const g = j.gathering(n);
    if (g && !(g.endsAt && !isBefore(at, g.endsAt))) return n;
  }
  return null;
}

/**
 * Once placed, what a reply answers depends on when it was sent, not on when it was read:
 * a status report that arrived the day before gathering 2 is a status report, even when
 * the inbox reads it after the gathering has begun.
 */
function stageWhenSent(j: Journey, at: string): Stage {
  const stage = j.stage;
  for (const n of [1, 2, 3] as const) {
    const g = j.gathering(n);
    if (!g?.startsAt || !g.endsAt) return stage;
    if (isBefore(at, g.startsAt)) return n === 1 ? 'assigned' : (`followup_${n - 1}` as Stage);
    if (isBefore(at, g.endsAt)) return `gathering_${n}`;
  }
  return 'lessons';
}

function report(j: Journey, r: ParsedReply, at: string, kind: Report['kind']): string {
  j.state.reports.push({ kind, at, from: r.from, text: r.text });
  if (r.questions.length) question(j, r, at);
  return `report: ${kind}`;
}

function unclear(j: Journey, r: ParsedReply, at: string): string {
  j.raiseFlag('unclear-reply', 'Et svar systemet ikke kunne tolke', excerpt(r, at));
  return 'flagged: for the coordinator to read';
}
