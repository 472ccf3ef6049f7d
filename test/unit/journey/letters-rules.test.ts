// The rules the letters promise (issue 11), pure: what counts as a change worth a letter,
// when the networks are final, where a late registration is placed.
import path from 'node:path';
import { loadCampaignFile } from '../../../platform/files/campaign-file';
import { assignmentInput, proposeAssignment } from '../../../domain/assignment';
import type { AssignmentRegistration } from '../../../domain/assignment/types';
import { gatheringChange } from '../../../domain/journey/gathering-change';
import { networksFinal } from '../../../domain/journey/schedule';
import type { Campaign, Gathering, Venue } from '../../../domain/types';
import { placeLateRegistration } from '../../../workflows/campaign/late';

const file = loadCampaignFile(path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml'));
const venue = (id: string): Venue => file.venues.find((v) => v.id === id)!;
const month = (m: string, over: Partial<Gathering> = {}): Gathering => ({
  number: 2,
  month: m,
  date: null,
  startsAt: null,
  endsAt: null,
  lunchToLunch: false,
  venue: null,
  ...over,
});
const dated = (d: string, over: Partial<Gathering> = {}): Gathering =>
  month(d.slice(0, 7), {
    date: d,
    startsAt: `${d}T08:00:00.000Z`,
    endsAt: `${d}T14:00:00.000Z`,
    ...over,
  });

describe('gatheringChange: only what contradicts what they were told', () => {
  it('a day set within the month they were told is not a change; another month is', () => {
    expect(gatheringChange(month('2013-10'), dated('2013-10-15'))).toBeNull();
    expect(gatheringChange(month('2013-10'), dated('2013-11-05'))).toEqual({
      date: true,
      venue: false,
    });
    expect(gatheringChange(month('2013-10'), month('2013-11'))).toEqual({
      date: true,
      venue: false,
    });
  });

  it('a date they were told that moves, by a day or by its times, is a change', () => {
    expect(gatheringChange(dated('2013-10-15'), dated('2013-10-16'))).toMatchObject({ date: true });
    expect(
      gatheringChange(
        dated('2013-10-15'),
        dated('2013-10-15', { startsAt: '2013-10-15T10:00:00.000Z' }),
      ),
    ).toMatchObject({ date: true });
    expect(gatheringChange(dated('2013-10-15'), dated('2013-10-15'))).toBeNull();
  });

  it('a venue they were told that changes is a change; one decided where they read «Sted kommer» is not', () => {
    const oslo = { venue: venue('oslo') };
    expect(
      gatheringChange(dated('2013-10-15', oslo), dated('2013-10-15', { venue: venue('bergen') })),
    ).toEqual({
      date: false,
      venue: true,
    });
    // Told «Sted kommer» (nothing, or only the assignment's proposal).
    expect(gatheringChange(dated('2013-10-15'), dated('2013-10-15', oslo))).toBeNull();
    const proposed = { venue: venue('bergen'), venueProposed: true };
    expect(gatheringChange(dated('2013-10-15', proposed), dated('2013-10-15', oslo))).toBeNull();
    // Taking back a decided venue is a change: the letter says «Sted kommer» again.
    expect(gatheringChange(dated('2013-10-15', oslo), dated('2013-10-15', proposed))).toEqual({
      date: false,
      venue: true,
    });
  });
});

describe('networksFinal', () => {
  it('is when every network has held its first gathering: B and C only say September', () => {
    expect(networksFinal(file)).toBe('2013-09-30T23:59:59.999Z');
    const dates: Campaign = {
      ...file,
      networks: file.networks.map((n) => ({
        ...n,
        gatherings: n.gatherings.map((g, i) =>
          i === 0 ? { ...g, endsAt: `2013-09-1${n.id === 'C' ? 2 : 1}T11:30:00.000Z` } : g,
        ),
      })),
    };
    expect(networksFinal(dates)).toBe('2013-09-12T11:30:00.000Z');
  });
});

describe('placeLateRegistration', () => {
  const tiny: Campaign = {
    ...file,
    networks: file.networks.map((n) => ({ ...n, capacity: { min: 1, max: 3 } })),
  };
  const reg = (
    id: string,
    participants: number,
    preference: string | null,
    lat = 60.39,
    lon = 5.32,
  ): AssignmentRegistration => ({
    municipalityId: id,
    name: `K${id}`,
    participants,
    preference,
    registeredAt: '2013-05-01T08:00:00.000Z',
    lat,
    lon,
  });
  const approved = () =>
    proposeAssignment(
      assignmentInput(tiny, [reg('1', 2, 'A'), reg('2', 2, 'B'), reg('3', 2, 'C')]),
    );

  it('places where its wish has room, else in another network with room', () => {
    const wish = placeLateRegistration(approved(), tiny, reg('9', 1, 'C'));
    expect(wish.networks.find((n) => n.id === 'C')!.municipalityIds).toContain('9');
    expect(wish.waitingList).toEqual([]);
    const full = placeLateRegistration(wish, tiny, reg('10', 1, 'C'));
    expect(full.networks.find((n) => n.id === 'C')!.municipalityIds).not.toContain('10');
    expect(full.networks.some((n) => n.municipalityIds.includes('10'))).toBe(true);
  });

  it('no network has room: the end of the waiting list, and among the placements so it can be moved', () => {
    const p = placeLateRegistration(approved(), tiny, reg('9', 2, 'A'));
    expect(p.waitingList).toEqual(['9']);
    expect(p.placements.find((x) => x.municipalityId === '9')).toMatchObject({ networkId: null });
    expect(p.registrations.map((r) => r.municipalityId)).toContain('9');
  });
});
