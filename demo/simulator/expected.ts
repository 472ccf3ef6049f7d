// What the campaign should end with, from the personas alone: who registers and when, what
// the assignment then does with them (the real `proposeAssignment`), and each journey's final
// stage, given that the coordinator approves the proposal as it stands and sets every
// gathering's date and venue.
import {
  assignmentInput,
  proposeAssignment,
  type AssignmentRegistration,
} from '../../domain/assignment';
import type { Campaign, FlagKind, Stage } from '../../domain/types';
import { placeLateRegistration } from '../../workflows/campaign/late';
import { REGISTERS } from './plan';
import { registrationAt } from './timing';
import type { ExpectedMunicipality, ExpectedOutcome, MunicipalityPlan } from './types';

export function expectedOutcome(plans: MunicipalityPlan[], campaign: Campaign): ExpectedOutcome {
  const invitedAt = campaign.schedule.invitationAt;
  const onTime: AssignmentRegistration[] = [];
  for (const p of plans) {
    const at = registrationAt(p, campaign, invitedAt);
    if (!at || !REGISTERS.has(p.persona)) continue;
    onTime.push({
      municipalityId: p.municipality.id,
      name: p.municipality.name,
      participants: p.participants.length,
      preference: p.networkWish,
      registeredAt: at,
      lat: p.municipality.lat,
      lon: p.municipality.lon,
    });
  }
  const proposal = proposeAssignment(assignmentInput(campaign, onTime));
  // Late registrations arrive after the proposal is approved: the rule the late-registration
  // letter promises places each in a network with room, else at the end of the waiting list.
  const late = plans.filter((p) => p.persona === 'late');
  let after = proposal;
  for (const p of late) {
    after = placeLateRegistration(after, campaign, {
      municipalityId: p.municipality.id,
      name: p.municipality.name,
      participants: p.participants.length,
      preference: p.networkWish,
      registeredAt:
        registrationAt(p, campaign, invitedAt) ?? campaign.schedule.registrationDeadline,
      lat: p.municipality.lat,
      lon: p.municipality.lon,
    });
  }
  const placed = new Set(after.networks.flatMap((n) => n.municipalityIds));
  const waitingList = after.waitingList;

  const municipalities: ExpectedMunicipality[] = plans.map((p) => {
    const id = p.municipality.id;
    let finalStage: Stage;
    if (p.persona === 'decline') finalStage = 'declined';
    else if (p.persona === 'silent' || p.persona === 'bounce') finalStage = 'no_response';
    else if (placed.has(id)) finalStage = 'completed';
    else finalStage = 'waiting_list';
    return {
      municipalityId: id,
      name: p.municipality.name,
      persona: p.persona,
      finalStage,
      participants: p.participants.length,
      networkWish: p.networkWish,
      answersLessons: finalStage === 'completed' && p.lessons !== 'never',
    };
  });

  const counts: Partial<Record<Stage, number>> = {};
  for (const m of municipalities) counts[m.finalStage] = (counts[m.finalStage] ?? 0) + 1;
  const completed = plans.filter((p) => placed.has(p.municipality.id));
  const count = (f: (p: MunicipalityPlan) => boolean) => plans.filter(f).length;
  const flags: Partial<Record<FlagKind, number>> = {
    question: count((p) => p.persona === 'question-then-register'),
    bounce: count((p) => p.persona === 'bounce'),
    'late-registration': late.length,
    'over-limit': count(
      (p) =>
        REGISTERS.has(p.persona) &&
        p.participants.length > campaign.participantsPerMunicipality.max,
    ),
    substitute: completed.filter((p) => p.substitute).length,
  };
  for (const k of Object.keys(flags) as FlagKind[]) if (!flags[k]) delete flags[k];

  return {
    municipalities,
    counts,
    invited: plans.length,
    registeredOnTime: onTime.length,
    registeredLate: late.length,
    declined: count((p) => p.persona === 'decline'),
    noResponse: count((p) => p.persona === 'silent' || p.persona === 'bounce'),
    waitingList,
    placedParticipants: completed.reduce((n, p) => n + p.participants.length, 0),
    flags,
    lessonsReports: municipalities.filter((m) => m.answersLessons).length,
  };
}
