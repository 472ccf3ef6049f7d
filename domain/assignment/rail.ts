// Trains where they beat the car: the lines around Oslo (to Gardermoen, Hamar and Lillehammer,
// Drammen and Vestfold, Kongsberg, Østfold, Gjøvik). Station-to-station times are the fastest
// regular trains (data/rail/oslo-region.csv); lines meet at Oslo S and Drammen, and trains run
// through Oslo S, so a ride across it needs no extra change.

import type { RailNetwork, RailStation } from './travel-types';

export const RAIL = {
  /**
   * Per train journey: to the platform and the wait for the train (half the usual 20–30 minute
   * interval on the regional lines; Flytoget runs every 10 minutes, the InterCity lines hourly).
   */
  boardingHours: 0.25,
} as const;

export interface RailTable {
  stations: readonly RailStation[];
  /** hours[a][b]: fastest ride, Infinity if not connected. */
  hours: number[][];
}

export function railTable(network: RailNetwork): RailTable {
  const { stations } = network;
  const index = new Map(stations.map((s, i) => [s.name, i]));
  const hours = stations.map((_, i) => stations.map((__, j) => (i === j ? 0 : Infinity)));
  for (const [from, to, minutes] of network.links) {
    const [a, b] = [index.get(from), index.get(to)];
    if (a === undefined || b === undefined) throw new Error(`rail ${from}-${to}: unknown station`);
    hours[a][b] = hours[b][a] = Math.min(hours[a][b], minutes / 60);
  }
  for (let k = 0; k < stations.length; k++)
    for (let a = 0; a < stations.length; a++)
      for (let b = 0; b < stations.length; b++)
        if (hours[a][k] + hours[k][b] < hours[a][b]) hours[a][b] = hours[a][k] + hours[k][b];
  return { stations, hours };
}
