// The record of what was sent: every message reaches the TI mailbox as a blind copy in
// the same SMTP transaction as the municipality's copy, so "a copy with this Message-ID
// is in the mailbox" holds exactly when the server accepted the message. Checking it
// before sending makes a retried send (crash, timeout, worker restart) deliver nothing twice.
//
// Only our own copy counts, never mail from outside with the same Message-ID: a found
// message must carry the ID exactly, with a valid token (nobody else can make one), our
// headers for the same journey and step, and no failing verdict from our receiving server
// (`ownCopy`). The route itself proves little on its own: GreenMail writes only Return-Path
// and `Received: from 127.0.0.1` (any local sender looks the same), and a real server's
// Received lines name relays an outsider's mail passes too; its Authentication-Results are
// what it knows, and are read when IMAP_AUTHSERV_ID names it.
import type { ImapFlow } from 'imapflow';
import type { Config } from '../../platform/config';
import { headerValue, headerValues, parseHeaderBlock } from '../../mail/incoming/mime';
import { ownCopy, type OurMail } from '../../mail/match';
import { createImapClient, ensureFolders, type MailFolders } from './imap';

/** What tells our mail from anyone else's, from configuration. */
export function ourMail(config: Config): OurMail {
  return {
    domain: config.messageIdDomain,
    key: config.messageKey,
    authservId: config.imap.authservId,
  };
}

/** Headers `ownCopy` decides on. */
export const COPY_HEADERS = [
  'message-id',
  'x-nettverk-journey',
  'x-nettverk-step',
  'x-nettverk-audience',
  'authentication-results',
];

/** Whether a message with these headers (latin1 header block) is our copy of `messageId`. */
export function isOurCopy(head: string, messageId: string, ours: OurMail): boolean {
  const headers = parseHeaderBlock(head);
  const id = headerValue(headers, 'message-id')?.trim() ?? '';
  // IMAP's HEADER search matches substrings: `<x<nv…@…>>` is not our ID.
  if (id !== messageId) return false;
  const own = ownCopy(
    id,
    (name) => headerValue(headers, name),
    (name) => headerValues(headers, name),
    ours,
  );
  return own !== null;
}

/** Message-IDs asked for in one search at most (the OR tree grows with each). */
const MAX_BATCH = 64;

interface Asking {
  resolve(found: boolean): void;
  reject(error: unknown): void;
}

/**
 * One connection kept open on one folder. Selecting a folder costs a round trip (and on
 * GreenMail a 40 ms delayed ACK), so each folder keeps its own connection, selected once.
 * A search is a round trip or two (45 ms on GreenMail, more as the folder grows), and one
 * connection runs one at a time: sends checked one by one capped the whole worker at
 * ~1,300 checks a minute. So the checks asked for while a search runs wait for the next
 * one and go in it together (one SEARCH with OR'ed Message-IDs): a check is still answered
 * by a search that began after it was asked, which is all "is it already there" needs.
 */
class FolderWatch {
  private client: ImapFlow | null = null;
  private opening: Promise<ImapFlow> | null = null;
  private readonly asked = new Map<string, Asking[]>();
  private searching = false;

  private readonly ours: OurMail;

  constructor(
    private readonly config: Config,
    private readonly folder: (folders: MailFolders) => string,
  ) {
    this.ours = ourMail(config);
  }

  search(messageId: string): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const askers = this.asked.get(messageId) ?? [];
      askers.push({ resolve, reject });
      this.asked.set(messageId, askers);
      this.next();
    });
  }

  /** Starts a search for what is asked, unless one runs (its end starts the next). */
  private next(): void {
    if (this.searching || this.asked.size === 0) return;
    const batch = new Map([...this.asked].slice(0, MAX_BATCH));
    for (const id of batch.keys()) this.asked.delete(id);
    this.searching = true;
    this.searchBatch([...batch.keys()])
      .then(
        (found) => {
          for (const [id, askers] of batch) for (const a of askers) a.resolve(found.has(id));
        },
        (error: unknown) => {
          for (const askers of batch.values()) for (const a of askers) a.reject(error);
        },
      )
      .finally(() => {
        this.searching = false;
        this.next();
      });
  }

  private async searchBatch(ids: string[]): Promise<Set<string>> {
    try {
      return await this.searchOnce(ids);
    } catch (error) {
      // A dropped connection (servers restart; GreenMail drops sessions under load) is
      // worth one fresh attempt before the whole send waits for its retry.
      if (this.client?.usable) throw error;
      return this.searchOnce(ids);
    }
  }

  private async searchOnce(ids: string[]): Promise<Set<string>> {
    const client = await this.open();
    const terms = ids.map((id) => ({ header: { 'message-id': id } }));
    const found = await client.search(terms.length === 1 ? terms[0] : { or: terms }, {
      uid: true,
    });
    const ours = new Set<string>();
    if (!found || found.length === 0) return ours;
    const wanted = new Set(ids);
    for await (const m of client.fetch(
      found.join(','),
      { uid: true, headers: COPY_HEADERS },
      { uid: true },
    )) {
      const head = m.headers?.toString('latin1') ?? '';
      const id = headerValue(parseHeaderBlock(head), 'message-id')?.trim() ?? '';
      if (wanted.has(id) && isOurCopy(head, id, this.ours)) ours.add(id);
    }
    return ours;
  }

  private open(): Promise<ImapFlow> {
    if (this.client?.usable) return Promise.resolve(this.client);
    this.opening ??= this.connect().finally(() => (this.opening = null));
    return this.opening;
  }

  private async connect(): Promise<ImapFlow> {
    const client = createImapClient(this.config);
    await client.connect();
    try {
      const folders = await ensureFolders(client, this.config);
      await client.mailboxOpen(this.folder(folders), { readOnly: true });
    } catch (error) {
      await client.logout().catch(() => client.close());
      throw error;
    }
    client.on('close', () => {
      if (this.client === client) this.client = null;
    });
    this.client = client;
    return client;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.logout().catch(() => client.close());
  }
}

export class SentArchive {
  private readonly inbox: FolderWatch;
  private readonly filed: FolderWatch[];

  constructor(config: Config) {
    this.inbox = new FolderWatch(config, (f) => f.inbox);
    this.filed = [
      new FolderWatch(config, (f) => f.sent),
      new FolderWatch(config, (f) => f.notices),
    ];
  }

  /** Whether a message with this Message-ID has already been accepted for delivery. */
  async contains(messageId: string): Promise<boolean> {
    // The watcher moves copies out of the inbox, never back: look there first, then where
    // they go, so a copy moving during the check is seen in one place or the other.
    if (await this.inbox.search(messageId)) return true;
    const found = await Promise.all(this.filed.map((f) => f.search(messageId)));
    return found.some(Boolean);
  }

  async close(): Promise<void> {
    await Promise.all([this.inbox, ...this.filed].map((f) => f.close()));
  }
}
