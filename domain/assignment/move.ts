// The coordinator's correction before approving a proposal: move one municipality to another
// network or to the waiting list. The rest stays as proposed (the coordinator's judgement is not
// second-guessed); venues and distances are recomputed, except venues that were fixed.

import type { NetworkId } from '../types';
import { AssignmentError } from './errors';
import { summarise } from './summary';
import type { AssignmentProposal } from './types';

export const WAITING_LIST = 'waiting-list';

export interface MoveOptions {
  /**
   * The coordinator knows better than the maximum (a room that takes one more table, a
   * municipality sending two instead of three): the move is made, and the proposal warns.
   */
  overCapacity?: boolean;
}

export function moveMunicipality(
  proposal: AssignmentProposal,
  municipalityId: string,
  to: NetworkId | typeof WAITING_LIST,
  options: MoveOptions = {},
): AssignmentProposal {
  const placement = proposal.placements.find((p) => p.municipalityId === municipalityId);
  if (!placement) {
    throw new AssignmentError(
      'unknown-municipality',
      `${municipalityId} is not among the registrations in this proposal`,
      { municipalityId },
    );
  }
  const who = `${placement.name} (${municipalityId})`;
  const from = placement.networkId;
  const context = { municipalityId, from: from ?? WAITING_LIST, to };

  if (to === WAITING_LIST) {
    if (from === null) {
      throw new AssignmentError('already-there', `${who} is already on the waiting list`, context);
    }
  } else {
    const target = proposal.networks.find((n) => n.id === to);
    if (!target) {
      const known = proposal.networks.map((n) => n.id).join(', ');
      throw new AssignmentError('unknown-network', `there is no network ${to} (${known})`, context);
    }
    if (from === to) {
      throw new AssignmentError('already-there', `${who} is already in network ${to}`, context);
    }
    const after = target.participants + placement.participants;
    if (after > target.capacity.max && !options.overCapacity) {
      throw new AssignmentError(
        'over-capacity',
        `moving ${who} with ${placement.participants} participants to network ${to} would make it ` +
          `${after} participants, above its maximum of ${target.capacity.max}`,
        { ...context, participants: after, max: target.capacity.max },
      );
    }
  }

  const membership = new Map(proposal.placements.map((p) => [p.municipalityId, p.networkId]));
  membership.set(municipalityId, to === WAITING_LIST ? null : to);
  // The placements are the current state: a registration dropped from them (withdrawn) stays
  // out, and a changed participant count there is the one that counts.
  const current = new Map(proposal.placements.map((p) => [p.municipalityId, p.participants]));
  const registrations = proposal.registrations.flatMap((r) => {
    const participants = current.get(r.municipalityId);
    return participants === undefined ? [] : [{ ...r, participants }];
  });
  return summarise(
    registrations,
    proposal.networks.map((n) => ({
      id: n.id,
      capacity: n.capacity,
      fixedVenue: n.venueFixed ? n.venue : null,
    })),
    proposal.venues,
    membership,
  );
}
