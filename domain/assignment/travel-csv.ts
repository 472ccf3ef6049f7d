// Reading the flight network from the CSV files under data/airports/ (text in, data out: the
// files are read by the caller). Used by scripts/travel-network.ts to generate the module the
// domain imports, and by the test that checks that module still matches the files.

import { parse } from 'csv-parse/sync';
import type { Airport, FlightNetwork } from './travel-types';

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
