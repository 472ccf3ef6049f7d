// Message-IDs and subject tokens that carry a journey's identity, so replies
// can be matched back without a lookup table, and a retried send keeps its ID.
//
// Our Message-IDs are `<nv.<campaign>.<municipality>.<step>.<token>@<domain>>`. Everything
// before the token is public (the campaign id is in every subject, kommunenummer are
// public, the step is in `X-Nettverk-Step`), so anyone could mint an ID of the old shape
// `<nv.<campaign>.<municipality>.<step>@<domain>>` for a mail we have not sent yet and file
// it in the TI mailbox, where the exactly-once check would take it for our copy. The token
// is an HMAC of the rest under a key only we hold: it is the same on every retry (the
// check still finds an earlier attempt's copy) and nobody else can compute it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface JourneyStep {
  campaignId: string;
  municipalityId: string;
  /** Unique within the journey: `invitation`, `registration-reminder-1`, `g2-announcement`. */
  step: string;
}

/** What makes a Message-ID ours: its right-hand side and the key its token is made with. */
export interface MessageIdKey {
  domain: string;
  /** `NETTVERK_MESSAGE_KEY`; never logged, never in history. */
  key: string;
}

const SAFE = /^[a-z0-9][a-z0-9-]*$/i;
const SEGMENT = '([a-z0-9][a-z0-9-]*)';
/** 128 bits in lower-case base32 (RFC 4648): 26 letters and digits, no dots or hyphens. */
const TOKEN_LENGTH = 26;
const PATTERN = new RegExp(
  `^<?nv\\.${SEGMENT}\\.${SEGMENT}\\.${SEGMENT}(?:\\.([a-z2-7]{${TOKEN_LENGTH}}))?@([^<>\\s@]+)>?$`,
  'i',
);
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function token({ campaignId, municipalityId, step }: JourneyStep, { domain, key }: MessageIdKey) {
  if (!key)
    throw new Error('no message key: Message-IDs cannot be made without NETTVERK_MESSAGE_KEY');
  // Versioned and separated, so no two different identities hash the same input.
  const input = ['nettverk-message-id/1', campaignId, municipalityId, step, domain.toLowerCase()];
  const mac = createHmac('sha256', key).update(input.join('\n')).digest();
  return base32(mac.subarray(0, 16));
}

export function journeyMessageId(identity: JourneyStep, ours: MessageIdKey): string {
  const { campaignId, municipalityId, step } = identity;
  for (const [field, value] of Object.entries({ campaignId, municipalityId, step })) {
    if (!SAFE.test(value))
      throw new Error(
        `${field} "${value}" cannot go into a Message-ID: use letters, digits and hyphens`,
      );
  }
  const domain = ours.domain.toLowerCase();
  return `<nv.${campaignId}.${municipalityId}.${step}.${token(identity, ours)}@${domain}>`;
}

/**
 * The journey a Message-ID of our shape names, old scheme (no token) or new, token NOT
 * checked. Good enough to claim a journey for a reply's thread (the sender check still
 * decides); never proof that we sent it: use `verifyJourneyMessageId` for that.
 */
export function parseJourneyMessageId(
  messageId: string,
): (JourneyStep & { domain: string; token: string | null }) | null {
  const m = PATTERN.exec(messageId.trim());
  if (!m) return null;
  return {
    campaignId: m[1],
    municipalityId: m[2],
    step: m[3],
    token: m[4]?.toLowerCase() ?? null,
    domain: m[5].toLowerCase(),
  };
}

/** The journey step of a Message-ID we minted (our domain, a token made with our key), or null. */
export function verifyJourneyMessageId(messageId: string, ours: MessageIdKey): JourneyStep | null {
  const parsed = parseJourneyMessageId(messageId);
  if (!parsed || !parsed.token || parsed.domain !== ours.domain.toLowerCase() || !ours.key) {
    return null;
  }
  const identity = {
    campaignId: parsed.campaignId,
    municipalityId: parsed.municipalityId,
    step: parsed.step,
  };
  const expected = Buffer.from(token(identity, ours));
  const given = Buffer.from(parsed.token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? identity : null;
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
