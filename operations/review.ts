// The review queue is an IMAP folder in the TI mailbox («Nettverk/Til vurdering»): the
// coordinator sees it in Outlook as well as here. Listing re-runs the matching to say why
// each message is there; assigning delivers it to a journey as if the municipality had
// sent it (the coordinator vouches for it); dismissing files it under «Avvist».
import type { Client } from '@temporalio/client';
import type { NetworkId, Participant, ParsedReply, ReplyKind } from '../domain/types';
import type { Route } from '../mail/match';
import type { Config } from '../platform/config';
import { ourMail } from '../activities/mail/archive';
import { withImap } from '../activities/mail/imap';
import { visibilityDirectory } from '../activities/inbox/directory';
import { deliverToJourney, readingDependencies } from '../activities/inbox/process';
import {
  NOTE_FAILED,
  NOTE_TOO_LARGE,
  NOTE_UNSURE,
  understandAndMatch,
} from '../mail/inbox-reading';
import { emailDomain } from '../domain/contacts';
import { OperationError } from './errors';
import { campaignState } from './journeys';

export interface ReviewItem {
  uid: number;
  receivedAt: string | null;
  fromDomain: string;
  subject: string;
  kind: string;
  reason: string;
  candidate: string | null;
  /** Why the inbox set it aside, from its IMAP keyword: too large, failed, unsure. */
  note: 'too large' | 'failed to read' | 'unsure reading' | null;
}

function noteOf(flags: Set<string> | undefined): ReviewItem['note'] {
  if (flags?.has(NOTE_UNSURE)) return 'unsure reading';
  if (flags?.has(NOTE_TOO_LARGE)) return 'too large';
  if (flags?.has(NOTE_FAILED)) return 'failed to read';
  return null;
}

function reasonFor(reply: ParsedReply, route: Route): string {
  if (reply.needsReview && route.kind === 'journey') {
    const doubts = (reply.evidence ?? [])
      .filter((e) => e.startsWith('doubt: '))
      .map((e) => e.slice(7));
    return `reads as ${reply.kind} but not surely (${doubts.join('; ') || 'weak evidence'}): nettverk review show`;
  }
  if (route.kind === 'review') return route.reason;
  return `now matches ${route.kind === 'journey' ? `${route.ref.campaignId}/${route.ref.municipalityId}` : 'our own mail'}`;
}

export async function listReview(client: Client, config: Config): Promise<ReviewItem[]> {
  const deps = {
    client,
    directory: visibilityDirectory(client),
    ours: ourMail(config),
  };
  return withImap(config, async (imap, folders) => {
    const lock = await imap.getMailboxLock(folders.review);
    try {
      const items: ReviewItem[] = [];
      const uids = (await imap.search({ all: true }, { uid: true })) || [];
      for (const uid of uids) {
        const m = await imap.fetchOne(
          String(uid),
          { source: true, internalDate: true, flags: true },
          { uid: true },
        );
        if (!m || !m.source) continue;
        let item: ReviewItem = {
          uid,
          receivedAt: m.internalDate ? new Date(m.internalDate).toISOString() : null,
          fromDomain: '',
          subject: '',
          kind: 'unreadable',
          reason: 'the message could not be read',
          candidate: null,
          note: noteOf(m.flags),
        };
        try {
          const { reply, route } = await understandAndMatch(m.source, readingDependencies(deps));
          item = {
            ...item,
            fromDomain: emailDomain(reply.from.address),
            subject: reply.subject,
            kind: reply.kind,
            reason: reasonFor(reply, route),
            candidate:
              route.kind === 'review' && route.candidate
                ? `${route.candidate.campaignId}/${route.candidate.municipalityId}`
                : null,
          };
        } catch {
          /* keep the unreadable item */
        }
        items.push(item);
      }
      return items;
    } finally {
      lock.release();
    }
  });
}

interface ReviewMessage {
  reply: ParsedReply;
  route: Route;
  arrivedAtMs: number | null;
}

/** One message of the review queue, read and matched, with the queue locked meanwhile. */
async function withReviewMessage<T>(
  client: Client,
  config: Config,
  uid: number,
  fn: (message: ReviewMessage, move: (to: 'processed') => Promise<void>) => Promise<T>,
): Promise<T> {
  const deps = { client, directory: visibilityDirectory(client), ours: ourMail(config) };
  return withImap(config, async (imap, folders) => {
    const lock = await imap.getMailboxLock(folders.review);
    try {
      const m = await imap.fetchOne(
        String(uid),
        { source: true, internalDate: true },
        { uid: true },
      );
      if (!m || !m.source)
        throw new OperationError(
          `There is no message ${uid} in the review queue (see nettverk review list).`,
        );
      const { reply, route } = await understandAndMatch(m.source, readingDependencies(deps));
      const arrivedAtMs = m.internalDate ? new Date(m.internalDate).getTime() : null;
      const move = async (to: 'processed') => {
        await imap.messageMove(String(uid), folders[to], { uid: true });
      };
      return await fn({ reply, route, arrivedAtMs }, move);
    } finally {
      lock.release();
    }
  });
}

export async function assignReview(
  client: Client,
  config: Config,
  uid: number,
  target: { campaignId: string; municipalityId: string },
  by: string,
): Promise<void> {
  await withReviewMessage(client, config, uid, async ({ reply, arrivedAtMs }, move) => {
    const delivered = await deliverToJourney(client, target, reply, arrivedAtMs, by);
    if (!delivered) {
      throw new OperationError(
        `There is no running journey ${target.campaignId}/${target.municipalityId}.`,
      );
    }
    // Only once the journey has it does it leave the queue.
    await move('processed');
  });
}

/** A message in the queue with the reading the inbox proposes and its evidence. */
export async function showReview(
  client: Client,
  config: Config,
  uid: number,
): Promise<{ reply: ParsedReply; journey: string | null; reason: string }> {
  return withReviewMessage(client, config, uid, async ({ reply, route }) => ({
    reply,
    journey: journeyOf(route),
    reason: reasonFor(reply, route),
  }));
}

export interface Correction {
  kind?: Exclude<ReplyKind, 'auto-reply' | 'bounce'>;
  participants?: Participant[];
  anchored?: boolean;
  networkPreference?: NetworkId;
}

/** «--network D» in a campaign of A, B and C would be a wish nobody can meet. */
export function checkNetworkWish(wish: NetworkId, campaignId: string, networks: NetworkId[]): void {
  if (!networks.includes(wish))
    throw new OperationError(
      `--network ${wish}: campaign ${campaignId} has networks ${networks.join(', ')}.`,
    );
}

/** The reading a person confirmed: their corrections over the proposal, and sure. */
export function correctedReading(reply: ParsedReply, c: Correction, by: string): ParsedReply {
  const kind = c.kind ?? reply.kind;
  if (kind === 'registration' && !(c.participants ?? reply.participants)?.length && !c.anchored)
    throw new OperationError(
      'A registration needs its participants: add --participant "Name; title; email" (repeatable).',
    );
  const changed = Object.keys(c).filter((k) => c[k as keyof Correction] !== undefined);
  return {
    ...reply,
    kind,
    participants: kind === 'registration' ? (c.participants ?? reply.participants ?? []) : null,
    anchored: c.anchored ?? reply.anchored,
    networkPreference: c.networkPreference ?? reply.networkPreference,
    needsReview: false,
    evidence: [
      ...(reply.evidence ?? []),
      changed.length
        ? `confirmed by ${by}, corrected: ${changed.join(', ')}`
        : `confirmed by ${by}`,
    ],
  };
}

/**
 * Applies the proposed reading (or a corrected one) to the journey the message belongs to,
 * through the same signal as the inbox: once, since the journey ignores a Message-ID it has
 * seen and the message leaves the queue when it is delivered.
 */
export async function acceptReview(
  client: Client,
  config: Config,
  uid: number,
  correction: Correction,
  by: string,
  target: { campaignId: string; municipalityId: string } | null = null,
): Promise<{ journey: string; reply: ParsedReply }> {
  return withReviewMessage(client, config, uid, async ({ reply, route, arrivedAtMs }, move) => {
    const ref = target ?? (route.kind === 'journey' ? route.ref : null);
    if (!ref)
      throw new OperationError(
        `Message ${uid} belongs to no journey by itself (${reasonFor(reply, route)}): ` +
          'say which with `nettverk review assign` or `review accept --to MUNICIPALITY`.',
      );
    if (reply.kind === 'auto-reply' || reply.kind === 'bounce')
      throw new OperationError(
        `Message ${uid} is ${reply.kind === 'bounce' ? 'a bounce' : 'an automatic reply'}: there is nothing to accept; dismiss it.`,
      );
    if (correction.networkPreference !== undefined) {
      const { campaign } = await campaignState(client, ref.campaignId);
      checkNetworkWish(
        correction.networkPreference,
        campaign.id,
        campaign.networks.map((n) => n.id),
      );
    }
    const confirmed = correctedReading(reply, correction, by);
    if (!(await deliverToJourney(client, ref, confirmed, arrivedAtMs, by)))
      throw new OperationError(
        `There is no running journey ${ref.campaignId}/${ref.municipalityId}.`,
      );
    await move('processed');
    return { journey: `${ref.campaignId}/${ref.municipalityId}`, reply: confirmed };
  });
}

function journeyOf(route: Route): string | null {
  if (route.kind === 'journey') return `${route.ref.campaignId}/${route.ref.municipalityId}`;
  if (route.kind === 'review' && route.candidate)
    return `${route.candidate.campaignId}/${route.candidate.municipalityId}`;
  return null;
}

export async function dismissReview(config: Config, uid: number): Promise<void> {
  await withImap(config, async (imap, folders) => {
    const lock = await imap.getMailboxLock(folders.review);
    try {
      const moved = await imap.messageMove(String(uid), folders.dismissed, { uid: true });
      if (!moved)
        throw new OperationError(
          `There is no message ${uid} in the review queue (see nettverk review list).`,
        );
    } finally {
      lock.release();
    }
  });
}

export async function reviewQueueSize(config: Config): Promise<number> {
  return withImap(config, async (imap, folders) => {
    const status = await imap.status(folders.review, { messages: true });
    return status ? (status.messages ?? 0) : 0;
  });
}
