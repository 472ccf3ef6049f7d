// The campaign's own state: who registered, the proposed and approved assignment, the
// networks with their gatherings. Its history grows with registrations, never with the
// number of municipalities invited (journeys are started by the client, not by this).
import { patched } from '@temporalio/workflow';
import type { Campaign, Instant, Network, NetworkId } from '../../domain/types';
import type { AssignmentProposal, AssignmentRegistration } from '../../domain/assignment/types';
import {
  AssignmentError,
  assignmentInput,
  moveMunicipality,
  proposeAssignment,
} from '../../domain/assignment';
import { setGathering } from '../../domain/campaign/gatherings';
import type {
  Assignment,
  CampaignPhase,
  CampaignState,
  GatheringSetting,
  RegistrationNotice,
} from '../definitions';
import type { CampaignCalendar } from '../calendar';
import { placeLateRegistration } from './late';

export type CampaignEffect =
  | { kind: 'assign'; municipalityId: string; assignment: Assignment }
  | { kind: 'network'; municipalityIds: string[]; network: Network }
  | { kind: 'cancel-journeys'; by: string; reason: string };

export class CampaignModel {
  readonly outbox: CampaignEffect[] = [];
  readonly state: CampaignState;

  constructor(
    campaign: Campaign,
    readonly calendar: CampaignCalendar,
    carried?: CampaignState,
  ) {
    this.state = carried ?? {
      campaign,
      phase: 'registration',
      registrations: [],
      proposal: null,
      approved: null,
      moves: [],
      cancellation: null,
    };
  }

  get phase(): CampaignPhase {
    return this.state.phase;
  }

  active(): RegistrationNotice[] {
    return this.state.registrations
      .filter((r) => !r.withdrawn)
      .sort(
        (a, b) =>
          a.registeredAt.localeCompare(b.registeredAt) ||
          a.municipalityId.localeCompare(b.municipalityId),
      );
  }

  /** Records a registration, a change to one, or a withdrawal. */
  register(notice: RegistrationNotice): void {
    const list = this.state.registrations;
    const i = list.findIndex((r) => r.municipalityId === notice.municipalityId);
    const previous = i >= 0 ? list[i] : null;
    // Registration order is the first registration's time, whatever changed since.
    const merged = {
      ...notice,
      registeredAt: previous && !previous.withdrawn ? previous.registeredAt : notice.registeredAt,
    };
    if (i >= 0) list[i] = merged;
    else list.push(merged);

    if (this.phase === 'awaiting-approval') this.propose();
    if (this.phase === 'running') this.registerWhileRunning(merged, previous);
  }

  private registerWhileRunning(
    notice: RegistrationNotice,
    previous: RegistrationNotice | null,
  ): void {
    const proposal = this.state.proposal!;
    const placed = proposal.networks.find((n) => n.municipalityIds.includes(notice.municipalityId));
    if (notice.withdrawn) {
      this.state.proposal = withoutMunicipality(proposal, notice.municipalityId);
      return;
    }
    if (placed) {
      this.state.proposal = recount(proposal, this.active());
      return;
    }
    const isNew = !proposal.waitingList.includes(notice.municipalityId) || previous?.withdrawn;
    if (isNew && patched('late-registration-placed-when-room')) {
      // What the late-registration letter promises: a network with room, else the waiting list.
      this.state.proposal = placeLateRegistration(
        proposal,
        this.state.campaign,
        toAssignmentRegistration(notice),
      );
    } else if (isNew) {
      // Before that rule: a new registration joined the end of the waiting list; the
      // coordinator moved it into a network if there was room.
      this.state.proposal = {
        ...proposal,
        waitingList: [
          ...proposal.waitingList.filter((id) => id !== notice.municipalityId),
          notice.municipalityId,
        ],
      };
    }
    this.assignOne(notice.municipalityId);
  }

  /** Proposes an assignment from the registrations, then replays the coordinator's moves. */
  propose(): void {
    let proposal = proposeAssignment(
      assignmentInput(this.state.campaign, this.active().map(toAssignmentRegistration)),
    );
    for (const move of this.state.moves) {
      try {
        proposal = moveMunicipality(proposal, move.municipalityId, move.to, {
          overCapacity: move.overCapacity,
        });
      } catch {
        // A move that no longer fits (capacity changed, registration withdrawn) lapses.
      }
    }
    this.state.proposal = proposal;
  }

  /** Throws the domain's reason if the move would break a rule; changes nothing. */
  tryMove(municipalityId: string, to: NetworkId | 'waiting-list', overCapacity = false): void {
    moveMunicipality(this.state.proposal!, municipalityId, to, { overCapacity });
  }

  move(
    municipalityId: string,
    to: NetworkId | 'waiting-list',
    by: string,
    overCapacity = false,
  ): void {
    const before = this.state.proposal!;
    let warning: string | null = null;
    if (overCapacity) {
      // The rule the coordinator overrode, kept in the change log beside who did it.
      try {
        moveMunicipality(before, municipalityId, to);
      } catch (error) {
        if (error instanceof AssignmentError && error.reason === 'over-capacity')
          warning = `over capacity: ${error.message}`;
      }
    }
    this.state.proposal = moveMunicipality(before, municipalityId, to, { overCapacity });
    // Older entries have neither field: a move within capacity is recorded as it always was.
    this.state.moves.push(
      warning ? { municipalityId, to, by, overCapacity, warning } : { municipalityId, to, by },
    );
    if (this.phase === 'running') this.assignOne(municipalityId);
  }

  approve(by: string, at: Instant): void {
    this.state.approved = { by, at };
    this.state.phase = 'running';
    // The proposed venue becomes the venue of every gathering not yet given one.
    // For gatherings 2 and 3 it stays a proposal until the coordinator sets one (letters say
    // «Sted kommer»); campaigns approved before that rule named it as decided.
    const marked = patched('proposed-venue-marked');
    const campaign = this.state.campaign;
    campaign.networks = campaign.networks.map((network) => {
      const venue = this.state.proposal!.networks.find((n) => n.id === network.id)?.venue ?? null;
      return {
        ...network,
        gatherings: network.gatherings.map((g) =>
          g.venue || !venue
            ? g
            : marked && g.number > 1
              ? { ...g, venue, venueProposed: true }
              : { ...g, venue },
        ),
      };
    });
    for (const r of this.active()) this.assignOne(r.municipalityId);
  }

  network(id: NetworkId): Network | undefined {
    return this.state.campaign.networks.find((n) => n.id === id);
  }

  assignmentOf(municipalityId: string): Assignment {
    const proposal = this.state.proposal!;
    const placed = proposal.networks.find((n) => n.municipalityIds.includes(municipalityId));
    if (placed) return { network: this.network(placed.id)!, waitingListPosition: null };
    const position = proposal.waitingList.indexOf(municipalityId);
    return { network: null, waitingListPosition: position >= 0 ? position + 1 : null };
  }

  private assignOne(municipalityId: string): void {
    this.outbox.push({
      kind: 'assign',
      municipalityId,
      assignment: this.assignmentOf(municipalityId),
    });
  }

  /** The campaign with one gathering changed; throws the domain's reason (nothing changes). */
  withGathering(g: GatheringSetting) {
    return setGathering(this.state.campaign, g.network, g.number, {
      date: g.date,
      starts: g.starts,
      ends: g.ends,
      venue: g.venue,
    });
  }

  /** The coordinator named the venue: no longer the assignment's proposal. */
  private venueDecided(networkId: NetworkId, number: number): void {
    for (const network of this.state.campaign.networks) {
      if (network.id !== networkId) continue;
      network.gatherings = network.gatherings.map((x) => {
        if (x.number !== number || !x.venueProposed) return x;
        const { venueProposed: _proposed, ...decided } = x;
        return decided;
      });
    }
  }

  /** Sets a gathering's date, times or venue, and tells the network's journeys. */
  setGathering(g: GatheringSetting): void {
    this.state.campaign = this.withGathering(g);
    if (g.venue !== undefined) this.venueDecided(g.network, g.number);
    if (this.phase === 'awaiting-approval') this.propose();
    const members =
      this.state.proposal?.networks.find((n) => n.id === g.network)?.municipalityIds ?? [];
    if (this.phase === 'running' && members.length) {
      this.outbox.push({
        kind: 'network',
        municipalityIds: members,
        network: this.network(g.network)!,
      });
    }
  }
}

function toAssignmentRegistration(r: RegistrationNotice): AssignmentRegistration {
  return {
    municipalityId: r.municipalityId,
    name: r.name,
    participants: Math.max(1, r.participants),
    preference: r.preference,
    registeredAt: r.registeredAt,
    lat: r.lat,
    lon: r.lon,
  };
}

function withoutMunicipality(p: AssignmentProposal, id: string): AssignmentProposal {
  return {
    ...p,
    networks: p.networks.map((n) => {
      if (!n.municipalityIds.includes(id)) return n;
      const gone = p.placements.find((x) => x.municipalityId === id)?.participants ?? 0;
      return {
        ...n,
        municipalityIds: n.municipalityIds.filter((m) => m !== id),
        participants: n.participants - gone,
      };
    }),
    waitingList: p.waitingList.filter((m) => m !== id),
    placements: p.placements.filter((x) => x.municipalityId !== id),
  };
}

/** Participant counts change when a registered municipality changes its list. */
function recount(p: AssignmentProposal, active: RegistrationNotice[]): AssignmentProposal {
  const count = new Map(active.map((r) => [r.municipalityId, Math.max(1, r.participants)]));
  const placements = p.placements.map((x) => ({
    ...x,
    participants: count.get(x.municipalityId) ?? x.participants,
  }));
  return {
    ...p,
    placements,
    networks: p.networks.map((n) => ({
      ...n,
      participants: n.municipalityIds.reduce((sum, id) => sum + (count.get(id) ?? 0), 0),
    })),
  };
}
