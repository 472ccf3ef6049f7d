// The coordinator's correction of the timetable while a campaign runs: set a gathering's exact
// date (the letter only promised a month), its times, or its venue. Pure and deterministic, so a
// workflow can apply it to the campaign it holds; the same rules as the campaign file apply.

import type { Campaign, Gathering, NetworkId, Venue } from '../types';
import {
  type ClockTime,
  instantMs,
  isClockTime,
  isLocalDate,
  isYearMonth,
  osloWallClock,
} from '../time';
import { gatheringMonth, gatheringTimes } from './resolve';

export interface GatheringChange {
  /** An exact first day `2013-10-15`, or back to a month only `2013-10`. */
  date?: string;
  /** Wall-clock times in Oslo; kept from the gathering (or defaulted) when left out. */
  starts?: ClockTime;
  ends?: ClockTime;
  lunchToLunch?: boolean;
  /** A candidate venue's id, a venue typed in by the coordinator, or null to clear it. */
  venue?: string | Venue | null;
}

export type CampaignChangeReason =
  'unknown-network' | 'unknown-gathering' | 'unknown-venue' | 'invalid-value' | 'out-of-order';

export class CampaignChangeError extends Error {
  constructor(
    readonly reason: CampaignChangeReason,
    message: string,
    readonly context: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'CampaignChangeError';
  }
}

/** The campaign with one gathering changed; the campaign given is left as it was. */
export function setGathering(
  campaign: Campaign,
  networkId: NetworkId,
  gatheringNumber: number,
  change: GatheringChange,
): Campaign {
  const context = { networkId, gatheringNumber, change };
  const fail = (reason: CampaignChangeReason, message: string) =>
    new CampaignChangeError(reason, message, context);
  const network = campaign.networks.find((n) => n.id === networkId);
  if (!network) throw fail('unknown-network', `there is no network ${networkId}`);
  const index = network.gatherings.findIndex((g) => g.number === gatheringNumber);
  if (index < 0) {
    throw fail('unknown-gathering', `network ${networkId} has no gathering ${gatheringNumber}`);
  }
  const current = network.gatherings[index];

  const date = change.date ?? current.date ?? current.month;
  if (!isLocalDate(date) && !isYearMonth(date)) {
    throw fail('invalid-value', `"${date}" is not a date (YYYY-MM-DD) or month (YYYY-MM)`);
  }
  for (const time of [change.starts, change.ends]) {
    if (time !== undefined && !isClockTime(time)) {
      throw fail('invalid-value', `"${time}" is not a time of day (HH:MM)`);
    }
  }
  const lunchToLunch = change.lunchToLunch ?? current.lunchToLunch;
  const times = gatheringTimes({
    date,
    lunchToLunch,
    starts: change.starts ?? keptTime(current.startsAt, current.lunchToLunch === lunchToLunch),
    ends: change.ends ?? keptTime(current.endsAt, current.lunchToLunch === lunchToLunch),
  });
  if (times && instantMs(times.endsAt) <= instantMs(times.startsAt)) {
    throw fail('invalid-value', `gathering ${gatheringNumber} would end before it starts`);
  }
  const updated: Gathering = {
    ...current,
    month: gatheringMonth(date),
    date: isLocalDate(date) ? date : null,
    startsAt: times?.startsAt ?? null,
    endsAt: times?.endsAt ?? null,
    lunchToLunch,
    venue: change.venue === undefined ? current.venue : venueFor(campaign, change.venue, fail),
  };

  const gatherings = network.gatherings.map((g, i) => (i === index ? updated : g));
  const problem = orderProblem(gatherings, campaign);
  if (problem) throw fail('out-of-order', problem);
  return {
    ...campaign,
    networks: campaign.networks.map((n) => (n.id === networkId ? { ...n, gatherings } : n)),
  };
}

// A time set earlier survives a change of date; a change between one day and lunch to lunch
// takes that kind's defaults, since 11:30–13:30 the next day means nothing for one day.
function keptTime(instant: string | null, sameKind: boolean): ClockTime | undefined {
  return instant && sameKind ? osloWallClock(instant).time : undefined;
}

function venueFor(
  campaign: Campaign,
  venue: string | Venue | null,
  fail: (reason: CampaignChangeReason, message: string) => CampaignChangeError,
): Venue | null {
  if (venue === null || typeof venue === 'object') return venue;
  const candidate = campaign.venues.find((v) => v.id === venue);
  if (!candidate) {
    const known = campaign.venues.map((v) => v.id).join(', ');
    throw fail('unknown-venue', `"${venue}" is not one of the candidate venues (${known})`);
  }
  return candidate;
}

function orderProblem(gatherings: Gathering[], campaign: Campaign): string | null {
  const first = gatherings[0];
  const deadline = campaign.schedule.registrationDeadline;
  const deadlineMonth = osloWallClock(deadline).date.slice(0, 7);
  if (
    first.startsAt ? instantMs(first.startsAt) <= instantMs(deadline) : first.month < deadlineMonth
  ) {
    return `gathering 1 (${first.date ?? first.month}) would come before the registration deadline`;
  }
  for (let i = 1; i < gatherings.length; i++) {
    const [previous, next] = [gatherings[i - 1], gatherings[i]];
    const overlaps =
      previous.endsAt && next.startsAt && instantMs(next.startsAt) < instantMs(previous.endsAt);
    if (next.month < previous.month || overlaps) {
      return `gathering ${next.number} (${next.date ?? next.month}) would come before gathering ${previous.number} (${previous.date ?? previous.month}) ends`;
    }
  }
  return null;
}
