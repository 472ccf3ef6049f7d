import { loadCampaignFile } from '../../../platform/files/campaign-file';
import { dayLengthFor, gatheringDates } from '../../../demo/schedule';
import { campaignFile } from '../../support/scenario';

const campaign = loadCampaignFile(campaignFile);
const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();

test('each gathering promised as a month gets a Tuesday in it, a different week per network', () => {
  const dates = gatheringDates(campaign, '2013-05-22T08:00:00.000Z');
  expect(dates.length).toBeGreaterThan(0);
  for (const d of dates) {
    expect(weekday(d.date)).toBe(2);
    const g = campaign.networks
      .find((n) => n.id === d.network)!
      .gatherings.find((x) => x.number === d.number)!;
    expect(g.date).toBeNull();
    expect(d.date.slice(0, 7)).toBe(g.month);
  }
  const september = dates.filter((d) => d.date.startsWith('2013-09')).map((d) => d.date);
  expect(new Set(september).size).toBe(september.length);
});

test('set late, a date moves to three weeks ahead and keeps a month between gatherings', () => {
  const dates = gatheringDates(campaign, '2013-09-20T08:00:00.000Z');
  for (const d of dates) {
    expect(weekday(d.date)).toBe(2);
    expect(d.date >= '2013-10-11').toBe(true);
  }
  for (const network of ['B', 'C']) {
    const own = dates.filter((d) => d.network === network).map((d) => Date.parse(d.date));
    for (let i = 1; i < own.length; i++) {
      expect(own[i] - own[i - 1]).toBeGreaterThanOrEqual(28 * 86_400_000);
    }
  }
});

test('the demo day lengthens with the list: 900 ms for the demo list of 36, 9.3 s for all 371', () => {
  expect(dayLengthFor(36)).toBe(900);
  expect(dayLengthFor(10)).toBe(900);
  expect(dayLengthFor(371)).toBe(9300);
  expect(dayLengthFor(400)).toBe(10_000);
});
