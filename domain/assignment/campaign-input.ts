// What the assignment needs from a campaign: its networks with any venue already settled, and the
// candidate venues.

import type { Campaign } from '../types';
import type { AssignmentInput, AssignmentNetwork, AssignmentRegistration } from './types';

/**
 * A network's venue counts as fixed when the coordinator has set one for any of its gatherings
 * (the earliest such): the group is then built around it rather than proposing another.
 */
export function assignmentNetworks(campaign: Campaign): AssignmentNetwork[] {
  return campaign.networks.map((network) => ({
    id: network.id,
    capacity: { ...network.capacity },
    venue: network.gatherings.find((g) => g.venue !== null)?.venue ?? null,
  }));
}

export function assignmentInput(
  campaign: Campaign,
  registrations: AssignmentRegistration[],
): AssignmentInput {
  return { registrations, networks: assignmentNetworks(campaign), venues: campaign.venues };
}
