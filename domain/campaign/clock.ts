// The campaign keeps its own calendar (the 2013 dates stay 2013 dates in every mail); the clock
// says when each campaign instant happens in real time. Workflows convert only when they sleep,
// so a demo can run ten months in an afternoon and a test can start «now» without rewriting dates.
// Imported by workflow code: deterministic, no Intl, no Date.now.

import type { Campaign, CampaignClock, Instant } from '../types';
import { DAY_MS, TimeFormatError, instantMs, toInstant } from '../time';

export class ClockError extends Error {
  constructor(
    message: string,
    readonly clock: Partial<CampaignClock>,
  ) {
    super(message);
    this.name = 'ClockError';
  }
}

function checked(clock: CampaignClock): CampaignClock {
  if (!Number.isFinite(clock.factor) || clock.factor <= 0) {
    throw new ClockError(`clock factor must be a positive number, got ${clock.factor}`, clock);
  }
  try {
    instantMs(clock.origin);
    instantMs(clock.start);
  } catch (error) {
    if (error instanceof TimeFormatError) {
      throw new ClockError(`clock ${error.message}`, clock);
    }
    throw error;
  }
  return clock;
}

/** Real epoch ms at which a campaign instant happens: `start + (campaign − origin) / factor`. */
export function toRealTime(clock: CampaignClock, campaignInstant: Instant): number {
  checked(clock);
  const sinceOrigin = instantMs(campaignInstant) - instantMs(clock.origin);
  return Math.round(instantMs(clock.start) + sinceOrigin / clock.factor);
}

/**
 * The campaign instant at a real moment (for «now» in a workflow). With a compressed clock a
 * real millisecond spans `factor` campaign ms, so a round trip is exact to within factor/2 ms.
 */
export function toCampaignTime(clock: CampaignClock, realMs: number): Instant {
  checked(clock);
  if (!Number.isFinite(realMs)) throw new ClockError(`not a point in time: ${realMs}`, clock);
  const sinceStart = realMs - instantMs(clock.start);
  return toInstant(Math.round(instantMs(clock.origin) + sinceStart * clock.factor));
}

/** How long a campaign duration lasts in real time (for sleeps measured as offsets). */
export function toRealDuration(clock: CampaignClock, campaignMs: number): number {
  return Math.round(campaignMs / checked(clock).factor);
}

/**
 * The same campaign, run so that its invitation goes out at `start` and one campaign day lasts
 * `msPerDay` real ms. Only the clock changes: the campaign's dates are what the mails show.
 */
export function compressCampaign(
  campaign: Campaign,
  options: { start: Instant; msPerDay: number },
): Campaign {
  const { start, msPerDay } = options;
  if (!Number.isFinite(msPerDay) || msPerDay <= 0) {
    throw new ClockError(`msPerDay must be a positive number, got ${msPerDay}`, { start });
  }
  const clock = checked({
    origin: campaign.schedule.invitationAt,
    start,
    factor: DAY_MS / msPerDay,
  });
  return { ...campaign, clock };
}

/** The same campaign at real speed, with its invitation going out at `start` (tests skip time). */
export function shiftCampaign(campaign: Campaign, start: Instant): Campaign {
  return compressCampaign(campaign, { start, msPerDay: DAY_MS });
}
