// One message in the TI inbox: understood, matched, delivered to its journey as a
// signal, and only then moved to the folder for its outcome. A crash anywhere leaves it
// in the inbox for the next sweep; the journey ignores a Message-ID it has seen.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ImapFlow } from 'imapflow';
import { headerValue, headerValues, parseMime } from '../../mail/incoming/mime';
import { understandReply } from '../../mail/incoming/understand';
import { matchReply, type JourneyDirectory, type OurMail, type Route } from '../../mail/match';
import type { Participant, ParsedReply } from '../../domain/types';
import { journeyStateQuery, journeyWorkflowId, replySignal } from '../../workflows/definitions';
import type { MailFolders } from '../mail/imap';
import { isPayloadTooLarge, isTemporalUnavailable, toParsedReply } from './poison';

export interface ProcessDependencies {
  client: Client;
  directory: JourneyDirectory;
  /** What tells our own mail (copies, the mail a bounce returns) from anyone else's. */
  ours: OurMail;
}

export interface Understood {
  reply: ParsedReply;
  route: Route;
  /** The reply was longer than the reader reads: only its start was read. */
  truncated: boolean;
}

/** IMAP keywords that say why a message went to review (Outlook ignores them; `nettverk` can read them). */
export const NOTE_TOO_LARGE = 'NettverkTooLarge';
export const NOTE_FAILED = 'NettverkFailed';
/** The reader was not sure of its reading: a person confirms it (`nettverk review accept`). */
export const NOTE_UNSURE = 'NettverkUnsure';

/** Parses and matches a raw message; pure apart from the directory lookups. */
export async function understandAndMatch(
  source: Buffer,
  deps: ProcessDependencies,
): Promise<Understood> {
  const mime = parseMime(source);
  let understood = understandReply(source);
  let reply = toParsedReply(understood);
  const header = (name: string) => headerValue(mime.headers, name);
  const headers = (name: string) => headerValues(mime.headers, name);
  const route = await matchReply({ reply, header, headers, ours: deps.ours }, deps.directory);
  if (route.kind === 'journey' && understood.attendance?.length) {
    // «Kristin kan ikke», «alle tre», «jeg»: read again knowing who the journey's people are.
    const participants = await journeyParticipants(deps.client, route.ref);
    if (participants.length) {
      understood = understandReply(source, { participants });
      reply = toParsedReply(understood);
    }
  }
  return { reply, route, truncated: understood.truncated };
}

/** The journey's participants, or none when it cannot say (closed, or Temporal busy). */
async function journeyParticipants(
  client: Client,
  ref: { campaignId: string; municipalityId: string },
): Promise<Participant[]> {
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

/** The bounded reply signal, here as well, for the inbox's callers. */
export { toParsedReply };

export type Outcome = keyof Omit<MailFolders, 'inbox' | 'dismissed'>;

export function folderFor(reply: ParsedReply, route: Route): Outcome {
  if (route.kind === 'own') return route.audience === 'coordinator' ? 'notices' : 'sent';
  if (route.kind === 'review') return 'review';
  if (reply.kind === 'bounce') return 'bounces';
  if (reply.kind === 'auto-reply') return 'autoReplies';
  return 'processed';
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
    const { reply, route, truncated } = await understandAndMatch(source, deps);
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
