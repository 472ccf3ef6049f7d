// Door-to-door travel time between two places in Norway: «der det er enklest reisemuligheter».
// Straight lines say little here (fjords; most flights go through Oslo), so a journey is the
// fastest of driving all the way; taking the train around Oslo (rail.ts); and driving (or the
// train) to an airport, flying (non-stop where a route exists, otherwise with connections,
// usually at Gardermoen) and driving (or the train) on. Pure and deterministic: it
// runs inside the campaign workflow. The figures are estimates to rank venues with, not a
// timetable; the constants below say where each comes from.

import { haversineKm, type Coordinates } from './geo';
import type { Airport, FlightNetwork, Journey } from './travel-types';
import { RAIL, railTable, type RailTable } from './rail';
import { FLIGHT_NETWORK, RAIL_NETWORK } from './travel-network';

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

export interface TravelTables {
  flights: FlightTable;
  rail: RailTable;
}

let defaults: TravelTables | null = null;

/** The tables for the carried networks, computed once (deterministic, so safe in a workflow). */
export function defaultTables(): TravelTables {
  defaults ??= { flights: flightTable(FLIGHT_NETWORK), rail: railTable(RAIL_NETWORK) };
  return defaults;
}

/** How to get between a place and each station, and each airport: road, or road and train. */
interface Access {
  /** Hours to each station: by road to the best station to board at (`via`), then by train. */
  byTrain: { hours: number; station: number; via: number }[];
  /** Hours to each airport, and the train ride on the way if any. */
  airport: { hours: number; rail: [string, string] | null }[];
}

// Access is the costly part of a journey and the same few places (registrations, venues) come
// back for every pair: remembered per place and tables. Pure, so remembering changes no result;
// bounded, so a long-lived worker does not grow.
const remembered = new Map<string, Access>();
const REMEMBER_AT_MOST = 4096;
// Tables by identity: the carried ones, and the few a test builds.
const tableIds = new Map<TravelTables, number>();

function access(place: Coordinates, tables: TravelTables): Access {
  if (!tableIds.has(tables)) tableIds.set(tables, tableIds.size);
  const key = `${tableIds.get(tables)}:${place.lat},${place.lon}`;
  const known = remembered.get(key);
  if (known) return known;
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  const computed = computeAccess(place, tables);
  remembered.set(key, computed);
  return computed;
}

function computeAccess(place: Coordinates, tables: TravelTables): Access {
  const { stations, hours } = tables.rail;
  const road = stations.map((s) => roadHours(place, s));
  const byTrain = stations.map((_, to) => {
    let best = { hours: Infinity, station: to, via: to };
    for (let from = 0; from < stations.length; from++) {
      const h = road[from] + RAIL.boardingHours + hours[from][to];
      if (h < best.hours) best = { hours: h, station: to, via: from };
    }
    return best;
  });
  const airport = tables.flights.airports.map((a) => {
    let best: Access['airport'][number] = { hours: roadHours(place, a), rail: null };
    stations.forEach((s, i) => {
      const t = byTrain[i];
      if (s.airport === a.iata && t.via !== i && t.hours < best.hours)
        best = { hours: t.hours, rail: [stations[t.via].name, s.name] };
    });
    return best;
  });
  return { byTrain, airport };
}

/**
 * The fastest door-to-door journey from `from` to `to`: by road; by road to a station, train and
 * road on; or by road (or train) to any airport, by air to any other, and on by road (or train).
 * Symmetric: the way back takes as long.
 */
export function journey(
  from: Coordinates,
  to: Coordinates,
  tables: TravelTables = defaultTables(),
): Journey {
  let best: Journey = { hours: roadHours(from, to), mode: 'road', airports: [], trains: [] };
  const [start, end] = [access(from, tables), access(to, tables)];
  const { stations } = tables.rail;
  start.byTrain.forEach((t, i) => {
    if (t.via === i) return; // no train ridden
    const hours = t.hours + roadHours(stations[i], to);
    if (hours < best.hours)
      best = {
        hours,
        mode: 'rail',
        airports: [],
        trains: [{ from: stations[t.via].name, to: stations[i].name, afterFlight: false }],
      };
  });
  const { airports, hours: flying } = tables.flights;
  const fixed = TRAVEL.departureAirportHours + TRAVEL.arrivalAirportHours;
  let pair: [number, number] | null = null;
  for (let a = 0; a < airports.length; a++) {
    // An airport farther than the whole journey so far can never help.
    if (start.airport[a].hours + fixed >= best.hours) continue;
    for (let b = 0; b < airports.length; b++) {
      if (a === b || end.airport[b].hours + fixed >= best.hours) continue;
      const total = start.airport[a].hours + fixed + flying[a][b] + end.airport[b].hours;
      if (total < best.hours) {
        best = { hours: total, mode: 'air', airports: [], trains: [] };
        pair = [a, b];
      }
    }
  }
  if (best.mode === 'air' && pair) {
    const [a, b] = pair;
    best.airports = path(tables.flights, a, b);
    const before = start.airport[a].rail;
    const after = end.airport[b].rail;
    // The ride from the arrival airport is the way `to` reaches it, backwards.
    if (before) best.trains.push({ from: before[0], to: before[1], afterFlight: false });
    if (after) best.trains.push({ from: after[1], to: after[0], afterFlight: true });
  }
  return best;
}

/** Hours only: the cost the assignment minimises. */
export function travelHours(from: Coordinates, to: Coordinates): number {
  return journey(from, to).hours;
}
