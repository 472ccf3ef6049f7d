// The coordinator changed a gathering (`nettverk gathering set`): the campaign signals the
// network's journeys, and each tells its municipality at once when what it was told is no
// longer true («Endret dato/sted for … samling»), not silently at the next announcement.
import { patched } from '@temporalio/workflow';
import { gatheringChange } from '../../domain/journey/gathering-change';
import type { Network } from '../../domain/types';
import type { Journey } from './model';
import { announce } from './timeline';

export function onNetworkChanged(j: Journey, network: Network): void {
  if (j.isFinal() || j.state.network?.id !== network.id) return;
  j.state.network = network;
  if (!patched('gathering-change-notices')) {
    // Before change letters: gatherings already announced were announced again.
    for (const n of [...j.announced.keys()]) {
      const g = network.gatherings.find((x) => x.number === n);
      if (g?.endsAt && j.calendar.hasPassed(g.endsAt)) continue;
      announce(j, n);
    }
    return;
  }
  for (const g of network.gatherings) {
    if (g.endsAt && j.calendar.hasPassed(g.endsAt)) continue;
    const told = j.told.get(g.number);
    if (!told) continue;
    // The timeline announces this one now, with the new date and venue: that is the news.
    if (j.announcing === g.number && g.startsAt && g.venue) continue;
    const change = gatheringChange(told, g);
    if (!change) continue;
    if (j.announced.has(g.number)) j.announced.set(g.number, `${g.startsAt}|${g.venue?.id}`);
    j.mail('gathering-change', {
      gathering: g.number,
      to: j.participantAddresses(),
      change: { ...change, before: told },
    });
  }
}
