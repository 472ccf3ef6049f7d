// Becoming registered, written once for the four ways a municipality gets there: the
// coordinator's register update, a reply before the deadline, a reply after it, and the deadline
// accepting an incomplete registration. State only, and the stage last: `setStage` publishes the
// search attributes, and each caller still sends its mail and tells the campaign itself, so the
// commands come in the order the recorded histories hold.
import { assessRegistration, type RegistrationDraft } from '../../domain/journey/registration';
import type { Instant } from '../../domain/types';
import type { JourneyState } from '../definitions';
import type { Journey } from './model';

export interface Registering {
  via: NonNullable<JourneyState['registeredVia']>;
  at: Instant;
  /**
   * Whether `at` and `via` replace what an earlier registration recorded (a municipality that
   * registered, then withdrew or became incomplete) or only fill in what is missing. Each path
   * kept the rule it had before this was written once; the journeys' reports depend on them.
   */
  replace: { at: boolean; via: boolean };
  /** After the deadline: once late, a registration stays late. */
  late?: boolean;
}

/**
 * The registration is `draft` (its `missing` assessed against the campaign's wanted numbers),
 * or the one the journey already holds when `draft` is null; then the stage is `registered`.
 */
export function register(j: Journey, draft: RegistrationDraft | null, how: Registering): void {
  const s = j.state;
  if (how.late !== undefined) s.lateRegistration = s.lateRegistration || how.late;
  if (draft) {
    s.participants = draft.participants;
    s.anchored = draft.anchored;
    s.networkPreference = draft.networkPreference;
    s.missing = assessRegistration(draft, j.campaign.participantsPerMunicipality).missing;
  }
  s.registeredAt = how.replace.at ? how.at : (s.registeredAt ?? how.at);
  s.registeredVia = how.replace.via ? how.via : (s.registeredVia ?? how.via);
  j.setStage('registered');
}
