// How a sweep cuts the waiting replies into batches and a batch into lanes. A batch is
// fetched with one IMAP command and its messages moved with one command per folder, so a
// burst of replies costs a few round trips instead of two per reply. Within a batch, the
// replies that may concern the same journey (the same claimed journey or the same sender
// domain) form one lane, read and delivered in arrival order; lanes run side by side.
// Pure: no IMAP, no Temporal.
import { emailDomain, FREEMAIL_DOMAINS } from '../../domain/contacts';
import {
  headerValue,
  parseAddresses,
  parseHeaderBlock,
  parseMessageIds,
} from '../../mail/incoming/mime';
import { parseJourneyMessageId, parseSubjectToken } from '../../mail/message-id';

/** Bounds of one batch: what the worker holds in memory at once. */
export interface BatchLimits {
  messages: number;
  bytes: number;
}

export const BATCH_LIMITS: BatchLimits = { messages: 50, bytes: 8 * 1024 * 1024 };

/** Replies read side by side (different journeys); each is a query and a signal to Temporal. */
export const LANE_CONCURRENCY = 8;

export interface Waiting {
  uid: number;
  /** RFC822.SIZE as the server reports it; 0 when unknown. */
  size: number;
}

/**
 * Batches in arrival (UID) order. A message larger than the byte bound, and one that already
 * failed an attempt (a suspect: it may be what hung or killed the last attempt), goes alone,
 * so a poison message is counted, and sent to review, without taking innocent ones along.
 */
export function planBatches(
  waiting: Waiting[],
  suspect: (uid: number) => boolean,
  limits: BatchLimits = BATCH_LIMITS,
): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length) batches.push(current);
    current = [];
    bytes = 0;
  };
  for (const w of [...waiting].sort((a, b) => a.uid - b.uid)) {
    if (suspect(w.uid) || w.size > limits.bytes) {
      flush();
      batches.push([w.uid]);
      continue;
    }
    if (current.length >= limits.messages || bytes + w.size > limits.bytes) flush();
    current.push(w.uid);
    bytes += w.size;
  }
  flush();
  return batches;
}

/** Header bytes looked at for the lane keys; the reader itself reads the message later. */
const HEADER_BYTES = 64 * 1024;

/**
 * What a message may concern, from its headers alone: the journeys its thread headers and
 * subject token name, and its sender's domain (its address at a free-mail domain).
 */
export function laneKeys(source: Buffer): string[] {
  const raw = source.subarray(0, HEADER_BYTES).toString('latin1');
  const end = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaderBlock(end >= 0 ? raw.slice(0, end) : raw);
  const keys = new Set<string>();
  const ids = [
    ...parseMessageIds(headerValue(headers, 'in-reply-to')),
    ...parseMessageIds(headerValue(headers, 'references')),
  ];
  for (const id of ids) {
    const parsed = parseJourneyMessageId(id);
    if (parsed) keys.add(`j:${parsed.campaignId}/${parsed.municipalityId}`);
  }
  const token = parseSubjectToken(headerValue(headers, 'subject') ?? '');
  if (token) keys.add(`j:${token.campaignId}/${token.municipalityId}`);
  const from = parseAddresses(headerValue(headers, 'from'))[0]?.address?.toLowerCase();
  if (from) {
    const domain = emailDomain(from);
    keys.add(FREEMAIL_DOMAINS.has(domain) ? `a:${from}` : `d:${domain}`);
  }
  return [...keys];
}

/**
 * Lanes: messages sharing any key, directly or through others, in one lane, in the order
 * given; a message without keys alone. Lanes come out in the order of their first message.
 */
export function lanes<T>(items: T[], keysOf: (item: T) => string[]): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  items.forEach((item, i) => {
    for (const key of keysOf(item)) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()].sort((a, b) => items.indexOf(a[0]) - items.indexOf(b[0]));
}

/**
 * Runs each lane's items in order, at most `concurrency` lanes at once. A lane stops at its
 * first failure (what follows may depend on it); the others finish. Returns the first error.
 */
export async function runLanes<T>(
  groups: T[][],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<unknown> {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (next < groups.length) {
      const lane = groups[next++];
      for (const item of lane) {
        try {
          await run(item);
        } catch (error) {
          failure ??= error;
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
  return failure;
}

/** The journeys a message's lane keys name (its thread headers and subject token). */
export function claimedJourneys(keys: string[]): { campaignId: string; municipalityId: string }[] {
  return keys
    .filter((k) => k.startsWith('j:'))
    .map((k) => {
      const [campaignId, municipalityId] = k.slice(2).split('/');
      return { campaignId, municipalityId };
    });
}

/** The sender's domain from a message's lane keys; null at a free-mail domain or unknown. */
export function senderDomain(keys: string[]): string | null {
  const key = keys.find((k) => k.startsWith('d:'));
  return key ? key.slice(2) : null;
}
