// Reading the flight and rail networks from the CSV files under data/airports/ and data/rail/ (text in, data out: the
// files are read by the caller). Used by scripts/travel-network.ts to generate the module the
// domain imports, and by the test that checks that module still matches the files.

import { parse } from 'csv-parse/sync';
import type { Airport, FlightNetwork, RailNetwork, RailStation } from './travel-types';

type Row = Record<string, string>;

function rows(text: string, required: string[], file: string): Row[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
  const missing = required.filter((c) => records.length > 0 && !(c in records[0]));
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  return records;
}

/**
 * Airports from airports-no.csv, and the pairs of them with a scheduled non-stop flight from
 * routes-no.csv. A route listed in one direction counts both ways (domestic routes are flown
 * both ways; the 2014 list sometimes has only one); codeshares count (someone flies it).
 */
export function parseFlightNetwork(airportsCsv: string, routesCsv: string): FlightNetwork {
  const airports: Airport[] = rows(airportsCsv, ['iata', 'name', 'city', 'lat', 'lon'], 'airports')
    .map((r) => ({
      iata: r.iata,
      name: r.name,
      city: r.city,
      lat: Number(r.lat),
      lon: Number(r.lon),
    }))
    .sort((a, b) => (a.iata < b.iata ? -1 : 1));
  const known = new Set(airports.map((a) => a.iata));
  for (const a of airports) {
    if (!/^[A-Z]{3}$/.test(a.iata) || !Number.isFinite(a.lat) || !Number.isFinite(a.lon))
      throw new Error(`airports: bad row for ${JSON.stringify(a)}`);
  }
  const pairs = new Set<string>();
  for (const r of rows(routesCsv, ['source', 'destination', 'stops'], 'routes')) {
    if (r.stops !== '0') continue;
    for (const code of [r.source, r.destination]) {
      if (!known.has(code)) throw new Error(`routes: ${code} is not in airports`);
    }
    if (r.source === r.destination) continue;
    pairs.add([r.source, r.destination].sort().join('-'));
  }
  const routes = [...pairs].sort().map((p) => p.split('-') as [string, string]);
  return { airports, routes };
}

/**
 * Stations and the links between neighbours from data/rail/*.csv: one row per station per line,
 * in line order, with the minutes from the line's first station. A station on several lines
 * (Oslo S, Drammen) is one station: its rows must agree on where it is.
 */
export function parseRailNetwork(linesCsv: string): RailNetwork {
  const records = rows(linesCsv, ['line', 'station', 'lat', 'lon', 'minutes', 'airport'], 'rail');
  const stations = new Map<string, RailStation>();
  const links = new Map<string, [string, string, number]>();
  let previous = null as { line: string; station: string; minutes: number } | null;
  for (const r of records) {
    const station = {
      name: r.station,
      lat: Number(r.lat),
      lon: Number(r.lon),
      airport: r.airport || null,
    };
    const minutes = Number(r.minutes);
    if (!Number.isFinite(station.lat) || !Number.isFinite(station.lon) || !Number.isFinite(minutes))
      throw new Error(`rail: bad row for ${r.line} ${r.station}`);
    const known = stations.get(station.name);
    if (known && (known.lat !== station.lat || known.lon !== station.lon))
      throw new Error(`rail: ${station.name} is in two places`);
    stations.set(station.name, known ?? station);
    if (previous?.line === r.line) {
      if (minutes <= previous.minutes)
        throw new Error(`rail: ${r.line} goes back in time at ${r.station}`);
      const key = [previous.station, r.station].sort().join('|');
      links.set(key, [previous.station, r.station, minutes - previous.minutes]);
    }
    previous = { line: r.line, station: r.station, minutes };
  }
  return {
    stations: [...stations.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    links: [...links.keys()].sort().map((key) => links.get(key)!),
  };
}
