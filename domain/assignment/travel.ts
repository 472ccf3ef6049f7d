// Door-to-door travel time between two places in Norway: «der det er enklest reisemuligheter».
// Straight lines say little here (fjords; most flights go through Oslo), so a journey is the
// faster of driving all the way and driving to an airport, flying (non-stop where a route exists,
// otherwise with connections, usually at Gardermoen) and driving on. Pure and deterministic: it
// runs inside the campaign workflow. The figures are estimates to rank venues with, not a
// timetable; the constants below say where each comes from.

import { haversineKm, type Coordinates } from './geo';
import type { Airport, FlightNetwork, Journey } from './travel-types';
import { FLIGHT_NETWORK } from './travel-network';

export const TRAVEL = {
  /**
   * Road km per straight-line km. Road networks run 1.2–1.4 times the air line; Norway's fjords
   * and mountains put it at the high end (Oslo–Trondheim 390 km → 495 km by E6; Oslo–Kristiansand
   * 250 → 320). Ferries are not modelled, so fjord coasts come out somewhat fast by road.
   */
  roadDetour: 1.35,
  /** Average road speed, km/h: mostly 80 km/h roads, towns at 50, motorway near the cities. */
  roadKmh: 70,
  /** At the departure airport before take-off: getting there, security, boarding (domestic). */
  departureAirportHours: 0.75,
  /** From landing to leaving the arrival airport with hand luggage. */
  arrivalAirportHours: 0.25,
  /** Per flight: taxi, climb and descent (OSL–BGO, 300 km, is blocked at about 50 minutes). */
  flightFixedHours: 0.4,
  /** Cruise speed over the great circle; with the fixed part OSL–TOS (1,110 km) takes ~1 h 50. */
  cruiseKmh: 750,
  /** Changing planes: minimum connecting time at Gardermoen plus the wait for the next departure. */
  connectionHours: 1.0,
} as const;

export function roadHours(a: Coordinates, b: Coordinates): number {
  return (haversineKm(a, b) * TRAVEL.roadDetour) / TRAVEL.roadKmh;
}

export function flightHours(a: Coordinates, b: Coordinates): number {
  return TRAVEL.flightFixedHours + haversineKm(a, b) / TRAVEL.cruiseKmh;
}

/** Airport-to-airport times (first take-off to last landing, connections included) and paths. */
export interface FlightTable {
  airports: readonly Airport[];
  /** hours[a][b]: Infinity when b cannot be reached from a by air. */
  hours: number[][];
  /** next[a][b]: the airport index after a on the fastest way to b, -1 if none. */
  next: number[][];
}

/** All-pairs fastest flights (Floyd–Warshall; each change of plane costs a connection). */
export function flightTable(network: FlightNetwork): FlightTable {
  const { airports } = network;
  const index = new Map(airports.map((a, i) => [a.iata, i]));
  const n = airports.length;
  const hours = airports.map((_, i) => airports.map((__, j) => (i === j ? 0 : Infinity)));
  const next = airports.map((_, i) => airports.map((__, j) => (i === j ? j : -1)));
  for (const [from, to] of network.routes) {
    const [a, b] = [index.get(from), index.get(to)];
    if (a === undefined || b === undefined) throw new Error(`route ${from}-${to}: unknown airport`);
    hours[a][b] = hours[b][a] = flightHours(airports[a], airports[b]);
    next[a][b] = b;
    next[b][a] = a;
  }
  for (let k = 0; k < n; k++) {
    for (let a = 0; a < n; a++) {
      if (a === k || hours[a][k] === Infinity) continue;
      for (let b = 0; b < n; b++) {
        if (b === k || b === a) continue;
        const via = hours[a][k] + TRAVEL.connectionHours + hours[k][b];
        if (via < hours[a][b]) {
          hours[a][b] = via;
          next[a][b] = next[a][k];
        }
      }
    }
  }
  return { airports, hours, next };
}

function path(table: FlightTable, a: number, b: number): string[] {
  const codes = [table.airports[a].iata];
  for (let at = a; at !== b;) {
    at = table.next[at][b];
    codes.push(table.airports[at].iata);
  }
  return codes;
}

let defaultTable: FlightTable | null = null;

/** The table for the carried network, computed once (deterministic, so safe in a workflow). */
export function defaultFlightTable(): FlightTable {
  defaultTable ??= flightTable(FLIGHT_NETWORK);
  return defaultTable;
}

/**
 * The fastest door-to-door journey from `from` to `to`: by road, or by road to any airport, by
 * air to any other, and by road from there (the airports are chosen to make the whole fastest).
 */
export function journey(
  from: Coordinates,
  to: Coordinates,
  table: FlightTable = defaultFlightTable(),
): Journey {
  const byRoad = roadHours(from, to);
  let best: Journey = { hours: byRoad, mode: 'road', airports: [] };
  const { airports, hours } = table;
  // An airport farther by road than the destination itself can never help.
  const out = airports.map((a) => roadHours(from, a));
  const into = airports.map((a) => roadHours(a, to));
  const fixed = TRAVEL.departureAirportHours + TRAVEL.arrivalAirportHours;
  let pair: [number, number] | null = null;
  for (let a = 0; a < airports.length; a++) {
    if (out[a] + fixed >= best.hours) continue;
    for (let b = 0; b < airports.length; b++) {
      if (a === b) continue;
      const total = out[a] + fixed + hours[a][b] + into[b];
      if (total < best.hours) {
        best = { hours: total, mode: 'air', airports: [] };
        pair = [a, b];
      }
    }
  }
  if (pair) best.airports = path(table, pair[0], pair[1]);
  return best;
}

/** Hours only: the cost the assignment minimises. */
export function travelHours(from: Coordinates, to: Coordinates): number {
  return journey(from, to).hours;
}
