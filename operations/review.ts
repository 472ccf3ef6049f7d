// The review queue is an IMAP folder in the TI mailbox («Nettverk/Til vurdering»): the
// coordinator sees it in Outlook as well as here. Listing re-runs the matching to say why
// each message is there; assigning delivers it to a journey as if the municipality had
// sent it (the coordinator vouches for it); dismissing files it under «Avvist».
import type { Client } from '@temporalio/client';
import type { Config } from '../platform/config';
import { ourMail } from '../activities/mail/archive';
import { withImap } from '../activities/mail/imap';
import { visibilityDirectory } from '../activities/inbox/directory';
import { deliverToJourney, understandAndMatch } from '../activities/inbox/process';
import { emailDomain } from '../domain/contacts';
import { OperationError } from './errors';

export interface ReviewItem {
  uid: number;
  receivedAt: string | null;
  fromDomain: string;
  subject: string;
  kind: string;
  reason: string;
  candidate: string | null;
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
          { source: true, internalDate: true },
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
        };
        try {
          const { reply, route } = await understandAndMatch(m.source, deps);
          item = {
            ...item,
            fromDomain: emailDomain(reply.from.address),
            subject: reply.subject,
            kind: reply.kind,
            reason:
              route.kind === 'review'
                ? route.reason
                : `now matches ${route.kind === 'journey' ? `${route.ref.campaignId}/${route.ref.municipalityId}` : 'our own mail'}`,
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

export async function assignReview(
  client: Client,
  config: Config,
  uid: number,
  target: { campaignId: string; municipalityId: string },
  by: string,
): Promise<void> {
  const deps = {
    client,
    directory: visibilityDirectory(client),
    ours: ourMail(config),
  };
  await withImap(config, async (imap, folders) => {
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
      const { reply } = await understandAndMatch(m.source, deps);
      const arrived = m.internalDate ? new Date(m.internalDate).getTime() : null;
      const delivered = await deliverToJourney(client, target, reply, arrived, by);
      if (!delivered) {
        throw new OperationError(
          `There is no running journey ${target.campaignId}/${target.municipalityId}.`,
        );
      }
      // Only once the journey has it does it leave the queue.
      await imap.messageMove(String(uid), folders.processed, { uid: true });
    } finally {
      lock.release();
    }
  });
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
