import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ClockError,
  compressCampaign,
  shiftCampaign,
  toCampaignTime,
  toRealDuration,
  toRealTime,
} from '../../../domain/campaign/clock';
import { parseCampaign } from '../../../domain/campaign/parse';
import type { CampaignClock } from '../../../domain/types';
import { DAY_MS, HOUR_MS, instantMs } from '../../../domain/time';

const campaign = parseCampaign(
  readFileSync(path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml'), 'utf8'),
  'ks-ti-2013.yaml',
);
const { invitationAt, registrationDeadline } = campaign.schedule;
const gatheringA1 = campaign.networks[0].gatherings[0].startsAt as string;

describe('the identity clock of a production campaign', () => {
  it('maps campaign instants to the same real time and back, exactly', () => {
    for (const instant of [invitationAt, registrationDeadline, gatheringA1]) {
      expect(toRealTime(campaign.clock, instant)).toBe(instantMs(instant));
      expect(toCampaignTime(campaign.clock, instantMs(instant))).toBe(instant);
    }
    expect(toRealDuration(campaign.clock, 7 * DAY_MS)).toBe(7 * DAY_MS);
  });
});

describe('compressCampaign', () => {
  const start = '2025-01-06T12:00:00.000Z';
  const demo = compressCampaign(campaign, { start, msPerDay: 60_000 });

  it('sends the invitation at start and lets a campaign day last msPerDay', () => {
    expect(demo.clock).toEqual({ origin: invitationAt, start, factor: 1440 });
    expect(toRealTime(demo.clock, invitationAt)).toBe(instantMs(start));
    expect(toRealTime(demo.clock, '2013-04-24T07:00:00.000Z')).toBe(instantMs(start) + 60_000);
    expect(toRealDuration(demo.clock, 7 * DAY_MS)).toBe(7 * 60_000);
  });

  it('puts the deadline and the first gathering where the compression says', () => {
    const days = (instant: string) => (instantMs(instant) - instantMs(invitationAt)) / DAY_MS;
    expect(toRealTime(demo.clock, registrationDeadline)).toBe(
      Math.round(instantMs(start) + days(registrationDeadline) * 60_000),
    );
    // 18 June 11:30 is 56 days and 2.5 hours after 23 April 09:00.
    expect(days(gatheringA1)).toBeCloseTo(56 + 2.5 / 24, 10);
    expect(toRealTime(demo.clock, gatheringA1)).toBe(instantMs(start) + 56 * 60_000 + 6_250);
  });

  it('changes only the clock: the campaign keeps its 2013 dates', () => {
    expect({ ...demo, clock: campaign.clock }).toEqual(campaign);
    expect(demo.networks[0].gatherings[0].startsAt).toBe('2013-06-18T09:30:00.000Z');
    expect(campaign.clock.factor).toBe(1);
  });

  it('round-trips within half a compressed millisecond', () => {
    for (const instant of [
      invitationAt,
      registrationDeadline,
      gatheringA1,
      '2014-03-31T23:00:00.000Z',
    ]) {
      const back = toCampaignTime(demo.clock, toRealTime(demo.clock, instant));
      expect(Math.abs(instantMs(back) - instantMs(instant))).toBeLessThanOrEqual(
        demo.clock.factor / 2,
      );
    }
    const real = instantMs(start) + 12_345;
    const campaignNow = toCampaignTime(demo.clock, real);
    expect(toRealTime(demo.clock, campaignNow)).toBe(real);
  });

  it('reads real moments before the start as campaign time before the invitation', () => {
    expect(toCampaignTime(demo.clock, instantMs(start) - 60_000)).toBe('2013-04-22T07:00:00.000Z');
  });

  it('refuses a day length that is not positive, and a start that is not an instant', () => {
    expect(() => compressCampaign(campaign, { start, msPerDay: 0 })).toThrow(ClockError);
    expect(() => compressCampaign(campaign, { start, msPerDay: Number.NaN })).toThrow(
      'msPerDay must be a positive number',
    );
    expect(() => compressCampaign(campaign, { start: 'now', msPerDay: 1000 })).toThrow(ClockError);
  });
});

describe('shiftCampaign', () => {
  it('runs at real speed from a new start, exactly', () => {
    const start = '2025-03-01T08:00:00.000Z';
    const shifted = shiftCampaign(campaign, start);
    expect(shifted.clock).toEqual({ origin: invitationAt, start, factor: 1 });
    const delay = instantMs(registrationDeadline) - instantMs(invitationAt);
    expect(toRealTime(shifted.clock, registrationDeadline)).toBe(instantMs(start) + delay);
    expect(toCampaignTime(shifted.clock, instantMs(start) + delay)).toBe(registrationDeadline);
    expect(toRealDuration(shifted.clock, 36 * HOUR_MS)).toBe(36 * HOUR_MS);
  });
});

describe('clock errors', () => {
  it('refuses a broken clock with its context', () => {
    const broken: CampaignClock = { origin: invitationAt, start: invitationAt, factor: -2 };
    expect(() => toRealTime(broken, invitationAt)).toThrow(ClockError);
    let caught: unknown;
    try {
      toCampaignTime(broken, 0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ClockError);
    expect((caught as ClockError).clock).toEqual(broken);
    expect(() => toCampaignTime(campaign.clock, Number.POSITIVE_INFINITY)).toThrow(ClockError);
  });
});
