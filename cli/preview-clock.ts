// `preview --campaign-file`: the sample mail's «now» (the day the mail is written, and every
// deadline counted from it) belongs to the 2013 sample campaign. It is moved to the same
// moment in the given file's campaign: as far after its invitation, or after the gathering
// the mail is about, as the sample is after the sample's.
import { instantMs, osloInstant, toInstant } from '../domain/time';
import type { Campaign, Instant } from '../domain/types';

export interface PreviewMoment {
  now: Instant;
  network: { id: string } | null;
  gathering: number | null;
}

function anchor(campaign: Campaign, at: PreviewMoment): Instant {
  const g = at.network
    ? campaign.networks
        .find((n) => n.id === at.network!.id)
        ?.gatherings.find((x) => x.number === at.gathering)
    : undefined;
  if (g) return g.startsAt ?? osloInstant(`${g.month}-01`, '09:00');
  return campaign.schedule.invitationAt;
}

/** `at.now` moved from the sample campaign's calendar into `file`'s. */
export function previewNow(at: PreviewMoment, sample: Campaign, file: Campaign): Instant {
  return toInstant(instantMs(at.now) - instantMs(anchor(sample, at)) + instantMs(anchor(file, at)));
}
