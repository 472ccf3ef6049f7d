// One message in the TI inbox: understood, matched, delivered to its journey as a
// signal, and only then moved to the folder for its outcome. A crash anywhere leaves it
// in the inbox for the next sweep; the journey ignores a Message-ID it has seen.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { ImapFlow } from 'imapflow';
import { headerValue, parseMime } from '../../mail/incoming/mime';
import { understandReply } from '../../mail/incoming/understand';
import { matchReply, type JourneyDirectory, type Route } from '../../mail/match';
import type { ParsedReply } from '../../domain/types';
import { journeyWorkflowId, replySignal } from '../../workflows/definitions';
import type { MailFolders } from '../mail/imap';

export interface ProcessDependencies {
  client: Client;
  directory: JourneyDirectory;
  messageIdDomain: string;
}

export interface Understood {
  reply: ParsedReply;
  route: Route;
}

/** Parses and matches a raw message; pure apart from the directory lookups. */
export async function understandAndMatch(
  source: Buffer,
  deps: ProcessDependencies,
): Promise<Understood> {
  const mime = parseMime(source);
  const reply = toParsedReply(understandReply(source));
  const header = (name: string) => headerValue(mime.headers, name);
  const route = await matchReply(
    { reply, header, messageIdDomain: deps.messageIdDomain },
    deps.directory,
  );
  return { reply, route };
}

/** Only what the journey needs travels into its history: no signature blocks, no raw source. */
export function toParsedReply(u: ParsedReply): ParsedReply {
  return {
    messageId: u.messageId,
    from: u.from,
    subject: u.subject,
    date: u.date,
    inReplyTo: u.inReplyTo,
    references: u.references,
    kind: u.kind,
    text: u.text,
    participants: u.participants,
    anchored: u.anchored,
    networkPreference: u.networkPreference,
    questions: u.questions,
    attendance: u.attendance,
    bounce: u.bounce,
    attachments: u.attachments,
  };
}

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
  try {
    const { reply, route } = await understandAndMatch(source, deps);
    outcome = folderFor(reply, route);
    if (route.kind === 'journey') {
      const delivered = await deliverToJourney(deps.client, route.ref, reply, arrivedAtMs, null);
      if (!delivered) outcome = 'review';
    }
  } catch (error) {
    // A message we cannot read is a person's job, not a reason to stop the inbox;
    // Temporal being unreachable is not: leave the message for the next sweep.
    if (isTemporalUnavailable(error)) throw error;
    outcome = 'review';
  }
  await imap.messageMove(String(uid), folders[outcome], { uid: true });
  return outcome;
}

function isTemporalUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: number };
  return e?.name === 'ServiceError' || e?.name === 'ConnectionError' || e?.code === 14;
}
