// A registration that comes after the coordinator approved the networks (a late one, or one
// taken back after a withdrawal). The rule the late-registration letter promises: placed at
// once in a network with room for its participants (its wish first, then the network that
// meets nearest), else at the end of the waiting list, from where the coordinator may move it.
// Pure over the proposal, so it runs inside the campaign workflow.
import type { Campaign, NetworkId } from '../../domain/types';
import type { AssignmentProposal, AssignmentRegistration } from '../../domain/assignment/types';
import { AssignmentError, haversineKm, moveMunicipality } from '../../domain/assignment';

/** The proposal with the registration in it: in a network when one has room, else waiting. */
export function placeLateRegistration(
  proposal: AssignmentProposal,
  campaign: Campaign,
  registration: AssignmentRegistration,
): AssignmentProposal {
  const id = registration.municipalityId;
  // In the proposal's registrations and placements, so a move (now or the coordinator's) knows it.
  const waiting: AssignmentProposal = {
    ...proposal,
    registrations: [...proposal.registrations.filter((r) => r.municipalityId !== id), registration],
    placements: [
      ...proposal.placements.filter((p) => p.municipalityId !== id),
      {
        municipalityId: id,
        name: registration.name,
        participants: registration.participants,
        networkId: null,
        distanceKm: null,
        preference: registration.preference,
        preferenceMet: null,
      },
    ],
    waitingList: [...proposal.waitingList.filter((m) => m !== id), id],
  };
  for (const network of candidateNetworks(campaign, registration)) {
    try {
      return moveMunicipality(waiting, id, network);
    } catch (error) {
      if (!(error instanceof AssignmentError)) throw error;
      // No room there (or no such network in the proposal): try the next.
    }
  }
  return waiting;
}

/** Its wish first, then by the distance to where each network's first gathering is. */
function candidateNetworks(campaign: Campaign, r: AssignmentRegistration): NetworkId[] {
  const distance = (id: NetworkId): number => {
    const venue = campaign.networks.find((n) => n.id === id)?.gatherings[0]?.venue;
    return venue?.lat != null && venue.lon != null
      ? haversineKm(r, { lat: venue.lat, lon: venue.lon })
      : Number.POSITIVE_INFINITY;
  };
  const others = campaign.networks
    .map((n) => n.id)
    .filter((id) => id !== r.preference)
    .sort((a, b) => distance(a) - distance(b) || a.localeCompare(b));
  return r.preference && campaign.networks.some((n) => n.id === r.preference)
    ? [r.preference, ...others]
    : others;
}
