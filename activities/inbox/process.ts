// One message in the TI inbox: understood, matched, delivered to its journey as a
// signal, and only then moved to the folder for its outcome. A crash anywhere leaves it
// in the inbox for the next sweep; the journey ignores a Message-ID it has seen.
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
import type { MailFolders } from '../mail/imap';
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

export async function processMessage(
  imap: ImapFlow,
  folders: MailFolders,
  uid: number,
  source: Buffer,
  arrivedAtMs: number | null,
  deps: ProcessDependencies,
): Promise<Outcome> {
  let outcome: Outcome;
  let note: string | null = null;
  try {
    const { reply, route, truncated } = await understandAndMatch(source, readingDependencies(deps));
    outcome = folderFor(reply, route);
    if (route.kind === 'journey' && truncated) {
      // Read only in part (megabytes of text): a person decides, the journey is not told.
      outcome = 'review';
      note = NOTE_TOO_LARGE;
    } else if (route.kind === 'journey' && reply.needsReview) {
      // Conflicting or weak evidence: the journey is not told until a person confirms.
      outcome = 'review';
      note = NOTE_UNSURE;
    } else if (route.kind === 'journey') {
      const delivered = await deliverToJourney(deps.client, route.ref, reply, arrivedAtMs, null);
      if (!delivered) outcome = 'review';
    }
  } catch (error) {
    // A message we cannot read is a person's job, not a reason to stop the inbox;
    // Temporal being unreachable is not: leave the message for the next sweep. A signal
    // refused for its size would be refused again: that is a person's job too.
    if (isTemporalUnavailable(error)) throw error;
    outcome = 'review';
    note = isPayloadTooLarge(error) ? NOTE_TOO_LARGE : NOTE_FAILED;
  }
  if (note) await addNote(imap, uid, note);
  await imap.messageMove(String(uid), folders[outcome], { uid: true });
  return outcome;
}

/** Marks why a message goes to review; a server without keywords only loses the note. */
export async function addNote(imap: ImapFlow, uid: number, note: string): Promise<void> {
  await imap.messageFlagsAdd(String(uid), [note], { uid: true }).catch(() => false);
}
