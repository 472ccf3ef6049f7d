// Is a registration complete? What exactly does it lack? Pure rules from the
// invitation: 2–3 participants («det er ønskelig»), each with name, job title and email,
// and participation anchored in the administrative leadership.
import type { MissingItem, NetworkId, Participant } from '../types';

export interface RegistrationDraft {
  participants: Participant[];
  anchored: boolean | null;
  networkPreference: NetworkId | null;
}

export type RegistrationStatus = 'complete' | 'incomplete' | 'over-limit';

export interface Assessment {
  status: RegistrationStatus;
  missing: MissingItem[];
}

const normalise = (s: string | null) =>
  (s ?? '').toLowerCase().normalize('NFC').replace(/\s+/g, ' ').trim();

export function sameParticipant(a: Participant, b: Participant): boolean {
  if (a.email && b.email) return normalise(a.email) === normalise(b.email);
  return normalise(a.name) !== '' && normalise(a.name) === normalise(b.name);
}

/**
 * A follow-up reply completes an earlier one rather than replacing it: a participant
 * named again gets the fields that were missing, a new one is added. Nothing given
 * earlier is lost (the coordinator can replace the list by hand).
 */
export function mergeRegistration(
  previous: RegistrationDraft | null,
  reply: {
    participants: Participant[] | null;
    anchored: boolean | null;
    networkPreference: NetworkId | null;
  },
): RegistrationDraft {
  const participants = previous ? previous.participants.map((p) => ({ ...p })) : [];
  for (const incoming of reply.participants ?? []) {
    const known = participants.find((p) => sameParticipant(p, incoming));
    if (known) {
      known.name = known.name || incoming.name;
      known.title = known.title ?? incoming.title;
      known.email = known.email ?? incoming.email;
      known.phone = known.phone ?? incoming.phone;
    } else {
      participants.push({ ...incoming });
    }
  }
  return {
    participants,
    // A clear «yes» stays; a later «not yet» does not undo it; null means unsaid.
    anchored: previous?.anchored === true ? true : (reply.anchored ?? previous?.anchored ?? null),
    networkPreference: reply.networkPreference ?? previous?.networkPreference ?? null,
  };
}

export function assessRegistration(
  draft: RegistrationDraft,
  wanted: { min: number; max: number },
): Assessment {
  const missing: MissingItem[] = [];
  const { participants } = draft;
  if (participants.length < wanted.min) missing.push('participants');
  if (participants.some((p) => !p.name.trim())) missing.push('participant-name');
  if (participants.some((p) => !p.title)) missing.push('participant-title');
  if (participants.some((p) => !p.email)) missing.push('participant-email');
  if (draft.anchored !== true) missing.push('anchoring');
  if (missing.length > 0) return { status: 'incomplete', missing };
  return { status: participants.length > wanted.max ? 'over-limit' : 'complete', missing };
}

/** Problems with a registration typed in by the coordinator: refused, not half-applied. */
export function validateParticipants(participants: Participant[]): string[] {
  const problems: string[] = [];
  if (participants.length === 0) problems.push('at least one participant is needed');
  participants.forEach((p, i) => {
    const where = `participant ${i + 1}`;
    if (!p.name || !p.name.trim()) problems.push(`${where}: name is missing`);
    if (p.email !== null && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(p.email)) {
      problems.push(`${where}: "${p.email}" is not an email address`);
    }
  });
  const emails = participants.map((p) => normalise(p.email)).filter(Boolean);
  if (new Set(emails).size !== emails.length) problems.push('the same email is given twice');
  return problems;
}
