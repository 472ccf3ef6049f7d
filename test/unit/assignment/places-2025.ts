// Municipalities from data/municipalities-2025.csv as registrations, for the travel-time tests:
// real centroids, made-up registration times and participant counts.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { AssignmentRegistration } from '../../../domain/assignment/types';
import { osloInstant } from '../../../domain/time';

interface Row {
  id: string;
  type: string;
  name: string;
  population: string;
  lat: string;
  lon: string;
}

const ROWS = parse(
  readFileSync(path.resolve(__dirname, '../../../data/municipalities-2025.csv'), 'utf8'),
  { columns: true, skip_empty_lines: true },
) as Row[];

export const KOMMUNER = ROWS.filter((r) => r.type === 'kommune');

export function place(name: string): { lat: number; lon: number } {
  const row = KOMMUNER.find((r) => r.name === name);
  if (!row) throw new Error(`fixture: no kommune ${name} in municipalities-2025.csv`);
  return { lat: Number(row.lat), lon: Number(row.lon) };
}

/** The n largest kommuner by population, largest first. */
export function largest(n: number): string[] {
  return [...KOMMUNER]
    .sort((a, b) => Number(b.population) - Number(a.population))
    .slice(0, n)
    .map((r) => r.name);
}

/** One registration per name, in the order given (a minute apart), with these participants. */
export function registrations(
  names: readonly string[],
  participants: (name: string, index: number) => number = () => 2,
): AssignmentRegistration[] {
  return names.map((name, i) => {
    const row = KOMMUNER.find((r) => r.name === name)!;
    return {
      municipalityId: row.id,
      name,
      participants: participants(name, i),
      preference: null,
      registeredAt: osloInstant('2013-05-02', `09:${String(i).padStart(2, '0')}`),
      ...place(name),
    };
  });
}
