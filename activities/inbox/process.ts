// One message in the TI inbox: understood, matched, delivered to its journey as a
// signal; the sweep moves it to the folder for its outcome only after that. A crash
// anywhere leaves it in the inbox for the next sweep; the journey ignores a Message-ID it
// has seen.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ImapFlow } from 'imapflow';
import type { JourneyDirectory, JourneyRef, OurMail } from '../../mail/match';
import {
  folderFor,
  NOTE_FAILED,
  NOTE_TOO_LARGE,
  NOTE_UNSURE,
  understandAndMatch,
  type Outcome,
  type ReadingDependencies,
} from '../../mail/inbox-reading';
import type { Participant, ParsedReply } from '../../domain/types';
import { journeyStateQuery, journeyWorkflowId, replySignal } from '../../workflows/definitions';
import { isPayloadTooLarge, isTemporalUnavailable } from './poison';

export interface ProcessDependencies {
  client: Client;
  directory: JourneyDirectory;
  /** What tells our own mail (copies, the mail a bounce returns) from anyone else's. */
  ours: OurMail;
}

export { NOTE_FAILED, NOTE_TOO_LARGE, NOTE_UNSURE, type Outcome };

/** The inbox's reading, with the journey's participants asked of Temporal. */
export function readingDependencies(deps: ProcessDependencies): ReadingDependencies {
  return {
    directory: deps.directory,
    ours: deps.ours,
    participantsOf: (ref) => journeyParticipants(deps.client, ref),
  };
}

/** The journey's participants, or none when it cannot say (closed, or Temporal busy). */
async function journeyParticipants(client: Client, ref: JourneyRef): Promise<Participant[]> {
  try {
    const state = await client.workflow
      .getHandle(journeyWorkflowId(ref.campaignId, ref.municipalityId))
      .query(journeyStateQuery);
    return state.participants;
  } catch (error) {
    if (isTemporalUnavailable(error)) throw error;
    return [];
  }
}

/** Delivers a matched reply; false if its journey is gone (closed), so it goes to review. */
export async function deliverToJourney(
  client: Client,
  ref: { campaignId: string; municipalityId: string },
  reply: ParsedReply,
  arrivedAtMs: number | null,
  assignedBy: string | null,
): Promise<boolean> {
  try {
    await client.workflow
      .getHandle(journeyWorkflowId(ref.campaignId, ref.municipalityId))
      .signal(replySignal, { reply, arrivedAtMs, assignedBy });
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/** Where a message goes and why, decided before any IMAP command touches it. */
export interface Reading {
  outcome: Outcome;
  /** The review keyword, if it goes to review for a reason a person should see. */
  note: string | null;
}

/**
 * Reads one message and, when it answers a journey, delivers it: everything but the IMAP
 * commands, which the sweep gathers per batch (activities/inbox/batch.ts). When this
 * returns, the reply's effect is durable (the signal is in the journey's history), so the
 * message may be moved; Temporal being unreachable throws and leaves it in the inbox.
 */
export async function readMessage(
  source: Buffer,
  arrivedAtMs: number | null,
  deps: ProcessDependencies,
): Promise<Reading> {
  try {
    const { reply, route, truncated } = await understandAndMatch(source, readingDependencies(deps));
    const outcome = folderFor(reply, route);
    if (route.kind === 'journey' && truncated) {
      // Read only in part (megabytes of text): a person decides, the journey is not told.
      return { outcome: 'review', note: NOTE_TOO_LARGE };
    }
    if (route.kind === 'journey' && reply.needsReview) {
      // Conflicting or weak evidence: the journey is not told until a person confirms.
      return { outcome: 'review', note: NOTE_UNSURE };
    }
    if (route.kind === 'journey') {
      const delivered = await deliverToJourney(deps.client, route.ref, reply, arrivedAtMs, null);
      if (!delivered) return { outcome: 'review', note: null };
    }
    return { outcome, note: null };
  } catch (error) {
    // A message we cannot read is a person's job, not a reason to stop the inbox;
    // Temporal being unreachable is not: leave the message for the next sweep. A signal
    // refused for its size would be refused again: that is a person's job too.
    if (isTemporalUnavailable(error)) throw error;
    return { outcome: 'review', note: isPayloadTooLarge(error) ? NOTE_TOO_LARGE : NOTE_FAILED };
  }
}

/** Marks why messages go to review; a server without keywords only loses the note. */
export async function addNote(imap: ImapFlow, uids: number[], note: string): Promise<void> {
  if (!uids.length) return;
  await imap.messageFlagsAdd(uids.join(','), [note], { uid: true }).catch(() => false);
}
