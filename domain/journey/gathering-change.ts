// Whether a gathering as it stands now contradicts what a municipality was told about it.
// Only a contradiction earns a change letter: a day set within the month they were told, or a
// venue decided where they read «Sted kommer», is news the announcement brings in due time.
import type { Gathering } from '../types';

export interface GatheringChangeKind {
  date: boolean;
  venue: boolean;
}

/** The decided venue's id: a venue only proposed by the assignment was told as «Sted kommer». */
const decidedVenue = (g: Gathering): string | null =>
  g.venue && !g.venueProposed ? g.venue.id : null;

/** What in `now` is no longer what the municipality was told (`told`); null if nothing. */
export function gatheringChange(told: Gathering, now: Gathering): GatheringChangeKind | null {
  const toldDated = told.date !== null || told.startsAt !== null;
  const date = toldDated
    ? told.date !== now.date || told.startsAt !== now.startsAt || told.endsAt !== now.endsAt
    : told.month !== now.month;
  const toldVenue = decidedVenue(told);
  const venue = toldVenue !== null && toldVenue !== decidedVenue(now);
  return date || venue ? { date, venue } : null;
}
