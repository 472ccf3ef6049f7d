// What one message in the TI inbox means and where it goes: read (once, bounded), matched to
// a journey or not, read again with the journey's participants when it answers a gathering,
// and the folder for its outcome. No Temporal, no IMAP: the lookups come in as functions, so
// the inbox activity, `nettverk review` and the tests share one reading.
import type { Participant, ParsedReply } from '../domain/types';
import { headerValue, headerValues } from './incoming/mime';
import { parseMimeAsync } from './incoming/mime-postal';
import { understandReply } from './incoming/understand';
import {
  matchReply,
  type JourneyDirectory,
  type JourneyRef,
  type OurMail,
  type Route,
} from './match';
import { toParsedReply } from './reply-signal';

export interface ReadingDependencies {
  directory: JourneyDirectory;
  /** What tells our own mail (copies, the mail a bounce returns) from anyone else's. */
  ours: OurMail;
  /** The journey's participants («alle tre», «Kari», «jeg» in an attendance answer). */
  participantsOf?: (ref: JourneyRef) => Promise<Participant[]>;
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

/** Reads and matches a raw message; pure apart from the lookups it is given. */
export async function understandAndMatch(
  source: Buffer,
  deps: ReadingDependencies,
): Promise<Understood> {
  // Parsed once, by the MIME library (mail/incoming/mime-postal.ts), and read twice at most.
  const mime = await parseMimeAsync(source);
  let understood = understandReply(source, { mime });
  let reply = toParsedReply(understood);
  const header = (name: string) => headerValue(mime.headers, name);
  const headers = (name: string) => headerValues(mime.headers, name);
  const route = await matchReply({ reply, header, headers, ours: deps.ours }, deps.directory);
  if (route.kind === 'journey' && understood.attendance?.length && deps.participantsOf) {
    // «Kristin kan ikke», «alle tre», «jeg»: read again knowing who the journey's people are.
    const participants = await deps.participantsOf(route.ref);
    if (participants.length) {
      understood = understandReply(source, { participants, mime });
      reply = toParsedReply(understood);
    }
  }
  return { reply, route, truncated: understood.truncated };
}

/** The folders a message leaves the inbox for (see activities/mail/imap.ts MailFolders). */
export type Outcome = 'sent' | 'notices' | 'processed' | 'review' | 'autoReplies' | 'bounces';

export function folderFor(reply: ParsedReply, route: Route): Outcome {
  if (route.kind === 'own') return route.audience === 'coordinator' ? 'notices' : 'sent';
  if (route.kind === 'review') return 'review';
  if (reply.kind === 'bounce') return 'bounces';
  if (reply.kind === 'auto-reply') return 'autoReplies';
  return 'processed';
}
