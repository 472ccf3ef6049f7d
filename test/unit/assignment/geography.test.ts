import { readFileSync } from 'node:fs';
import path from 'node:path';
import { proposeAssignment } from '../../../domain/assignment/propose';
import { parseCampaign } from '../../../domain/campaign/parse';
import type { Venue } from '../../../domain/types';
import { membersOf, travelKm } from './brute-force';

const VENUES = parseCampaign(
  readFileSync(path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml'), 'utf8'),
  'ks-ti-2013.yaml',
).venues;

describe('geography', () => {
  const at = (id: string, lat: number, lon: number, preference: string | null = null, n = 0) => ({
    municipalityId: id,
    name: id,
    participants: 2,
    preference,
    registeredAt: new Date(Date.UTC(2013, 4, 1, 8) + n * 60_000).toISOString(),
    lat,
    lon,
  });
  const south = [
    at('4204', 58.15, 8.0, null, 0),
    at('4203', 58.46, 8.77, null, 1),
    at('1103', 58.97, 5.73, null, 2),
  ];
  const north = [
    at('5501', 69.65, 18.96, null, 3),
    at('5601', 69.97, 23.27, null, 4),
    at('1804', 67.28, 14.4, null, 5),
  ];
  const two = [
    { id: 'A', capacity: { min: 0, max: 10 }, venue: null },
    { id: 'B', capacity: { min: 0, max: 10 }, venue: null },
  ];

  it('keeps neighbours together and meets where they are', () => {
    const proposal = proposeAssignment({
      registrations: [...south, ...north],
      networks: two,
      venues: VENUES,
    });
    const groups = proposal.networks.map((n) => [...n.municipalityIds].sort().join(' '));
    expect(groups.sort()).toEqual(['1103 4203 4204', '1804 5501 5601']);
    const venues = proposal.networks.map((n) => n.venue?.id).sort();
    expect(venues).toEqual(['kristiansand', 'tromso']);
  });

  it('lets a stated preference win over distance', () => {
    // The south wishes X; Bodø, far north, wishes X too, and goes there rather than with its neighbours.
    const registrations = [
      ...south.map((r) => ({ ...r, preference: 'X' })),
      ...north.slice(0, 2),
      at('1804', 67.28, 14.4, 'X', 9),
    ];
    const keyed = [
      { ...two[0], id: 'X' },
      { ...two[1], id: 'Y' },
    ];
    const proposal = proposeAssignment({ registrations, networks: keyed, venues: VENUES });
    const [x, y] = proposal.networks;
    expect(x.municipalityIds).toEqual(['4204', '4203', '1103', '1804']);
    expect(y.municipalityIds).toEqual(['5501', '5601']);
    expect(y.venue?.id).toBe('tromso');
    expect(proposal.placements.find((p) => p.municipalityId === '1804')?.preferenceMet).toBe(true);
  });

  it('grants an earlier wish before seating later registrations', () => {
    // X has 4 seats: the first two groups wishing X get it; the third is seated in Y.
    const networks = [
      { id: 'X', capacity: { min: 0, max: 4 }, venue: null },
      { id: 'Y', capacity: { min: 0, max: 4 }, venue: null },
    ];
    const registrations = [
      at('4204', 58.15, 8.0, 'X', 0),
      at('5501', 69.65, 18.96, 'X', 1),
      at('4203', 58.46, 8.77, 'X', 2),
      at('5601', 69.97, 23.27, null, 3),
      at('1103', 58.97, 5.73, null, 4),
    ];
    const proposal = proposeAssignment({ registrations, networks, venues: VENUES });
    expect(proposal.networks[0].municipalityIds).toEqual(['4204', '5501']);
    expect(proposal.networks[1].municipalityIds).toEqual(['4203', '5601']);
    expect(proposal.waitingList).toEqual(['1103']);
  });

  it('fills networks to their minimum before shortening journeys', () => {
    const networks = two.map((n) => ({ ...n, capacity: { min: 4, max: 10 } }));
    const proposal = proposeAssignment({
      registrations: [...south, north[0]],
      networks,
      venues: VENUES,
    });
    expect(proposal.networks.map((n) => n.participants)).toEqual([4, 4]);
  });

  it('keeps a venue the coordinator has fixed, and measures distances to it', () => {
    const gardermoen = VENUES.find((v) => v.id === 'gardermoen') as Venue;
    const networks = [{ ...two[0], venue: gardermoen }, two[1]];
    const proposal = proposeAssignment({
      registrations: [...south, ...north],
      networks,
      venues: VENUES,
    });
    const a = proposal.networks[0];
    expect(a.venue).toEqual(gardermoen);
    expect(a.venueFixed).toBe(true);
    expect(a.totalTravelKm).toBeCloseTo(travelKm(membersOf(proposal, 'A'), gardermoen), 6);
  });

  it('warns about networks below their minimum and wishes for networks that do not exist', () => {
    const networks = two.map((n) => ({ ...n, capacity: { min: 20, max: 30 } }));
    const registrations = [...south, at('4601', 60.39, 5.32, 'D', 5)];
    const proposal = proposeAssignment({ registrations, networks, venues: VENUES });
    expect(proposal.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Network [AB] has \d+ participants, below its minimum of 20$/),
        expect.stringMatching(
          /^4601 \(4601\) asked for network D, which the campaign does not have and is placed in [AB]$/,
        ),
      ]),
    );
  });
});
