// Why a network meets where it does, in a line the coordinator can read under `assignment show`:
// the venue's total and longest travel time, and how much the next best candidate would cost.

import type { Journey, TrainRide } from './travel-types';
import type { NetworkAssignment, Placement } from './types';

/** «2.4 h»: one decimal is as precise as the model is. */
export const hours = (h: number): string => `${h.toFixed(1)} h`;

/** «0.3 h, road», «1.3 h, train Fredrikstad–Oslo S», «2.7 h, air BGO–OSL, train Oslo lufthavn–Oslo S». */
export function describeJourney(journey: Journey): string {
  const train = (t: TrainRide) => `train ${t.from}–${t.to}`;
  const parts = [hours(journey.hours)];
  if (journey.mode === 'road') parts.push('road');
  parts.push(...journey.trains.filter((t) => !t.afterFlight).map(train));
  if (journey.mode === 'air') parts.push(`air ${journey.airports.join('–')}`);
  parts.push(...journey.trains.filter((t) => t.afterFlight).map(train));
  return parts.join(', ');
}

/**
 * One line per network with a venue, or null when the proposal predates travel time (or the
 * network is empty).
 */
export function explainVenue(
  network: NetworkAssignment,
  placements: readonly Placement[],
): string | null {
  const { venue, totalTravelHours: total, maxTravelHours: longest } = network;
  if (!venue || total === undefined || longest === undefined) return null;
  const members = placements.filter((p) => p.networkId === network.id && p.travel);
  const farthest = members.reduce<Placement | null>(
    (far, p) => (!far || p.travel!.hours > far.travel!.hours ? p : far),
    null,
  );
  const how = network.venueFixed ? ' (set by the coordinator)' : '';
  const average = network.participants > 0 ? total / network.participants : 0;
  let text =
    `Network ${network.id} meets at ${venue.name}${how}: ${hours(total)} of travel for ` +
    `${network.participants} participants (${hours(average)} each on average), the longest ` +
    `${hours(longest)}${farthest ? ` (${farthest.name})` : ''}.`;
  const other = network.runnerUp;
  if (!other) return `${text} ${network.venueFixed ? '' : 'It is the only candidate.'}`.trim();
  const difference = other.totalTravelHours - total;
  // Compared as shown (one decimal), so a contrast is never drawn between equal figures.
  const shorter = hours(other.maxTravelHours) !== hours(longest) && other.maxTravelHours < longest;
  const its = `the longest journey would be ${hours(other.maxTravelHours)}`;
  text +=
    difference >= 0
      ? ` Next best: ${other.venue.name}, ${hours(difference)} more in all, ${shorter ? 'but' : 'and'} ${its}.`
      : ` The best candidate would be ${other.venue.name}, ${hours(-difference)} less in all, ` +
        `${shorter ? `and ${its}` : `but ${its}`}.`;
  return text;
}
