// The travel-time model: door-to-door hours that a Norwegian would recognise, the fastest of
// road and air, flights non-stop where the 2014 route list has them and through a hub otherwise.

import {
  TRAVEL,
  defaultTables,
  flightTable,
  journey,
  roadHours,
  travelHours,
} from '../../../domain/assignment/travel';
import { FLIGHT_NETWORK } from '../../../domain/assignment/travel-network';
import { place } from './places-2025';

// Venue coordinates as campaigns/ks-ti-2013.yaml has them.
const OSLO_S = { lat: 59.9111, lon: 10.7528 };
const BERGEN = { lat: 60.3913, lon: 5.3221 };
const ALESUND = { lat: 62.4722, lon: 6.1495 };
const STAVANGER = { lat: 58.97, lon: 5.7331 };
const GARDERMOEN = { lat: 60.1939, lon: 11.1004 };

describe('door-to-door travel time', () => {
  it('Oslo–Bergen takes 2.5–4.5 hours door to door, by air through Flesland', () => {
    for (const [from, to] of [
      [place('Oslo'), BERGEN],
      [place('Bergen'), OSLO_S],
    ]) {
      const j = journey(from, to);
      expect(j.mode).toBe('air');
      expect(j.airports.sort()).toEqual(['BGO', 'OSL']);
      expect(j.hours).toBeGreaterThanOrEqual(2.5);
      expect(j.hours).toBeLessThanOrEqual(4.5);
    }
  });

  it('other long journeys are plausible too', () => {
    const cases: [string, { lat: number; lon: number }, number, number][] = [
      ['Trondheim', OSLO_S, 2.5, 4.5],
      ['Tromsø', OSLO_S, 3.5, 5.5],
      ['Sør-Varanger', OSLO_S, 3.5, 6],
      ['Kristiansand', OSLO_S, 2.5, 4.5],
    ];
    for (const [name, to, low, high] of cases) {
      const hours = travelHours(place(name), to);
      expect([name, hours >= low && hours <= high]).toEqual([name, true]);
    }
  });

  it('drives or takes the train within Østlandet, and drives short hops', () => {
    for (const name of ['Bærum', 'Asker', 'Lillestrøm', 'Drammen', 'Fredrikstad', 'Hamar']) {
      const j = journey(place(name), OSLO_S);
      expect([name, ['road', 'rail'].includes(j.mode), j.airports]).toEqual([name, true, []]);
      expect(j.hours).toBeLessThan(2);
    }
    expect(journey(place('Bærum'), OSLO_S).mode).toBe('road');
    expect(journey(place('Molde'), ALESUND).mode).toBe('road');
  });

  it('takes the train where it beats the car: Hamar–Oslo S, Drammen–Gardermoen', () => {
    const hamar = journey(place('Hamar'), OSLO_S);
    expect(hamar.mode).toBe('rail');
    expect(hamar.trains).toEqual([{ from: 'Hamar', to: 'Oslo S', afterFlight: false }]);
    expect(hamar.hours).toBeGreaterThan(1);
    expect(hamar.hours).toBeLessThan(2);
    expect(hamar.hours).toBeLessThan(roadHours(place('Hamar'), OSLO_S));
    const drammen = journey(place('Drammen'), GARDERMOEN);
    expect(drammen.trains.map((t) => t.to)).toEqual(['Oslo lufthavn']);
  });

  it('flies in and takes the airport train into Oslo', () => {
    const j = journey(place('Bergen'), OSLO_S);
    expect(j.airports).toEqual(['BGO', 'OSL']);
    expect(j.trains).toEqual([{ from: 'Oslo lufthavn', to: 'Oslo S', afterFlight: true }]);
    const back = journey(OSLO_S, place('Bergen'));
    expect(back.trains).toEqual([{ from: 'Oslo S', to: 'Oslo lufthavn', afterFlight: false }]);
    expect(back.hours).toBeCloseTo(j.hours, 9);
  });

  it('flies non-stop where the route exists, and connects where it does not', () => {
    expect(journey(place('Stavanger'), place('Trondheim')).airports).toEqual(['SVG', 'TRD']);
    // No Kirkenes–Ålesund flight: the way goes through a hub, with a change of planes.
    const far = journey(place('Sør-Varanger'), ALESUND);
    expect(far.airports[0]).toBe('KKN');
    expect(far.airports[far.airports.length - 1]).toBe('AES');
    expect(far.airports.length).toBeGreaterThanOrEqual(3);
    expect(far.hours).toBeGreaterThan(travelHours(place('Sør-Varanger'), OSLO_S));
  });

  it('is the same both ways', () => {
    const pairs = [
      ['Bergen', 'Tromsø'],
      ['Molde', 'Sør-Varanger'],
      ['Bærum', 'Stavanger'],
      ['Hamar', 'Fredrikstad'],
      ['Lillehammer', 'Bergen'],
    ];
    for (const [a, b] of pairs) {
      expect(travelHours(place(a), place(b))).toBeCloseTo(travelHours(place(b), place(a)), 9);
    }
  });

  it('counts a change of planes: without SVG–TRD, Stavanger–Trondheim connects', () => {
    const without = {
      ...defaultTables(),
      flights: flightTable({
        ...FLIGHT_NETWORK,
        routes: FLIGHT_NETWORK.routes.filter(([a, b]) => !(a === 'SVG' && b === 'TRD')),
      }),
    };
    const direct = journey(place('Stavanger'), place('Trondheim'));
    const connecting = journey(place('Stavanger'), place('Trondheim'), without);
    expect(connecting.airports).toHaveLength(3);
    expect(connecting.hours - direct.hours).toBeGreaterThan(TRAVEL.connectionHours);
  });

  it('reaches every airport in the network from every other', () => {
    const { hours } = defaultTables().flights;
    for (const row of hours) for (const h of row) expect(Number.isFinite(h)).toBe(true);
  });

  it('drives at the documented detour and speed', () => {
    // Bærum's centroid to Oslo S: some 16 km as the crow flies.
    const hours = roadHours(place('Bærum'), OSLO_S);
    expect(hours).toBeGreaterThan(0.2);
    expect(hours).toBeLessThan(0.5);
    expect(travelHours(STAVANGER, STAVANGER)).toBe(0);
  });
});
