import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CampaignChangeError, setGathering } from '../../../domain/campaign/gatherings';
import { parseCampaign } from '../../../domain/campaign/parse';

const campaign = parseCampaign(
  readFileSync(path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml'), 'utf8'),
  'ks-ti-2013.yaml',
);
const snapshot = JSON.parse(JSON.stringify(campaign));

function refusal(action: () => unknown): CampaignChangeError {
  try {
    action();
  } catch (error) {
    if (error instanceof CampaignChangeError) return error;
    throw error;
  }
  throw new Error('expected the change to be refused');
}

describe('setGathering', () => {
  it('sets the exact date of a month-only gathering, with the default one-day times', () => {
    const changed = setGathering(campaign, 'A', 2, { date: '2013-10-22', venue: 'gardermoen' });
    expect(changed.networks[0].gatherings[1]).toEqual({
      number: 2,
      month: '2013-10',
      date: '2013-10-22',
      startsAt: '2013-10-22T08:00:00.000Z',
      endsAt: '2013-10-22T14:00:00.000Z',
      lunchToLunch: false,
      venue: campaign.venues.find((v) => v.id === 'gardermoen'),
    });
    expect(campaign).toEqual(snapshot);
  });

  it('sets a lunch-to-lunch gathering over two days in CEST, and a March one in CET', () => {
    const changed = setGathering(campaign, 'B', 1, { date: '2013-09-24' });
    expect(changed.networks[1].gatherings[0]).toMatchObject({
      startsAt: '2013-09-24T09:30:00.000Z',
      endsAt: '2013-09-25T11:30:00.000Z',
      lunchToLunch: true,
    });
    const march = setGathering(campaign, 'C', 3, { date: '2014-03-11', starts: '09:30' });
    expect(march.networks[2].gatherings[2]).toMatchObject({
      startsAt: '2014-03-11T08:30:00.000Z',
      endsAt: '2014-03-11T15:00:00.000Z',
    });
  });

  it('keeps times set earlier when only the date or venue changes', () => {
    const first = setGathering(campaign, 'A', 3, {
      date: '2014-03-04',
      starts: '09:00',
      ends: '15:00',
    });
    const moved = setGathering(first, 'A', 3, { date: '2014-03-05' });
    expect(moved.networks[0].gatherings[2]).toMatchObject({
      startsAt: '2014-03-05T08:00:00.000Z',
      endsAt: '2014-03-05T14:00:00.000Z',
    });
    const typedIn = {
      id: 'thon-hotel-hamar',
      name: 'Thon Hotel Hamar',
      address: null,
      lat: null,
      lon: null,
    };
    const withVenue = setGathering(moved, 'A', 3, { venue: typedIn });
    expect(withVenue.networks[0].gatherings[2].venue).toEqual(typedIn);
    expect(withVenue.networks[0].gatherings[2].startsAt).toBe('2014-03-05T08:00:00.000Z');
  });

  it('refuses a change that breaks the order of gatherings or the deadline', () => {
    const early = refusal(() => setGathering(campaign, 'A', 2, { date: '2013-06-19' }));
    expect(early.reason).toBe('out-of-order');
    expect(early.message).toBe(
      'gathering 2 (2013-06-19) would come before gathering 1 (2013-06-18) ends',
    );
    const beforeDeadline = refusal(() => setGathering(campaign, 'B', 1, { date: '2013-05-15' }));
    expect(beforeDeadline.message).toBe(
      'gathering 1 (2013-05-15) would come before the registration deadline',
    );
  });

  it('refuses unknown networks, gatherings and venues, and values that do not read', () => {
    expect(refusal(() => setGathering(campaign, 'D', 1, {})).reason).toBe('unknown-network');
    expect(refusal(() => setGathering(campaign, 'A', 4, {})).reason).toBe('unknown-gathering');
    const venue = refusal(() => setGathering(campaign, 'A', 1, { venue: 'molde' }));
    expect(venue.reason).toBe('unknown-venue');
    expect(venue.message).toMatch(/^"molde" is not one of the candidate venues \(oslo, gardermoen/);
    expect(refusal(() => setGathering(campaign, 'A', 2, { date: '22.10.2013' })).reason).toBe(
      'invalid-value',
    );
    expect(
      refusal(() => setGathering(campaign, 'A', 2, { date: '2013-10-22', starts: '17:00' }))
        .message,
    ).toBe('gathering 2 would end before it starts');
  });
});
