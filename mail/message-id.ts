// Message-IDs and subject tokens that carry a journey's identity, so replies
// can be matched back without a lookup table, and a retried send keeps its ID.

export interface JourneyStep {
  campaignId: string;
  municipalityId: string;
  /** Unique within the journey: `invitation`, `registration-reminder-1`, `g2-announcement`. */
  step: string;
}

const SAFE = /^[a-z0-9][a-z0-9-]*$/i;

export function journeyMessageId(
  { campaignId, municipalityId, step }: JourneyStep,
  domain: string,
): string {
  for (const [field, value] of Object.entries({ campaignId, municipalityId, step })) {
    if (!SAFE.test(value))
      throw new Error(
        `${field} "${value}" cannot go into a Message-ID: use letters, digits and hyphens`,
      );
  }
  return `<nv.${campaignId}.${municipalityId}.${step}@${domain.toLowerCase()}>`;
}

const PATTERN =
  /<?nv\.([a-z0-9][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*)@([^>\s]+)>?/i;

/** The journey a Message-ID of ours belongs to, or null for anyone else's. */
export function parseJourneyMessageId(
  messageId: string,
): (JourneyStep & { domain: string }) | null {
  const m = PATTERN.exec(messageId.trim());
  if (!m) return null;
  return { campaignId: m[1], municipalityId: m[2], step: m[3], domain: m[4].toLowerCase() };
}

/** The token that ends every subject: `[ref. ks-ti-2013/4601]`. Survives forwarding and new threads. */
export function subjectToken(campaignId: string, municipalityId: string): string {
  return `[ref. ${campaignId}/${municipalityId}]`;
}

export function parseSubjectToken(
  subject: string,
): { campaignId: string; municipalityId: string } | null {
  const m = /\[ref\.\s*([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)\]/i.exec(subject);
  return m ? { campaignId: m[1], municipalityId: m[2] } : null;
}
