// The flight network compiled into the domain is exactly what data/airports/ holds, and that data
// says where it comes from and under which licence.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FLIGHT_NETWORK, RAIL_NETWORK } from '../../../domain/assignment/travel-network';
import { readFlightNetwork, readRailNetwork } from '../../../scripts/travel-network';

const DIR = path.resolve(__dirname, '../../../data/airports');

describe('data/airports', () => {
  it('matches domain/assignment/travel-network.ts (regenerate with scripts/travel-network.ts)', () => {
    expect(FLIGHT_NETWORK).toEqual(readFlightNetwork());
    expect(RAIL_NETWORK).toEqual(readRailNetwork());
  });

  it('data/rail: the lines around Oslo meet at Oslo S, and Oslo lufthavn serves OSL', () => {
    const { stations, links } = RAIL_NETWORK;
    expect(stations.find((s) => s.name === 'Oslo lufthavn')?.airport).toBe('OSL');
    const fromOslo = links.filter((l) => l.includes('Oslo S')).length;
    expect(fromOslo).toBeGreaterThanOrEqual(4);
    for (const [, , minutes] of links) expect(minutes).toBeGreaterThan(0);
    expect(readFileSync(path.resolve(DIR, '../rail/README.md'), 'utf8')).toMatch(/estimates/);
  });

  it('holds the Norwegian airports with domestic routes, Gardermoen the hub', () => {
    const { airports, routes } = FLIGHT_NETWORK;
    expect(airports.length).toBeGreaterThan(40);
    for (const a of airports) {
      expect(a.lat).toBeGreaterThan(57.5);
      expect(a.lon).toBeGreaterThan(4);
      expect(a.lon).toBeLessThan(31.5);
    }
    const degree = (code: string) => routes.filter((r) => r.includes(code)).length;
    const hub = [...airports].sort((a, b) => degree(b.iata) - degree(a.iata))[0];
    expect(hub.iata).toBe('OSL');
  });

  it('says its source, date and licence, with the licence text beside it', () => {
    const readme = readFileSync(path.join(DIR, 'README.md'), 'utf8');
    expect(readme).toMatch(/OpenFlights/);
    expect(readme).toMatch(/4e6d8d89907b4aac2479ad6e1f6a1afa0853d343/);
    expect(readme).toMatch(/ODbL/);
    expect(readFileSync(path.join(DIR, 'LICENSE-openflights-ODbL.md'), 'utf8')).toMatch(
      /Open Database License/,
    );
  });
});
