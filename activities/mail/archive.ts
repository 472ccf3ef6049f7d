// The record of what was sent: every message reaches the TI mailbox as a blind copy in
// the same SMTP transaction as the municipality's copy, so "a copy with this Message-ID
// is in the mailbox" holds exactly when the server accepted the message. Checking it
// before sending makes a retried send (crash, timeout, worker restart) deliver nothing twice.
import type { ImapFlow } from 'imapflow';
import type { Config } from '../../platform/config';
import { createImapClient, ensureFolders, type MailFolders } from './imap';

export class SentArchive {
  private client: ImapFlow | null = null;
  private folders: MailFolders | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly config: Config) {}

  /** Whether a message with this Message-ID has already been accepted for delivery. */
  contains(messageId: string): Promise<boolean> {
    // One question at a time: IMAP selection is per connection.
    const next = this.queue.then(() => this.search(messageId));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async connection(): Promise<{ client: ImapFlow; folders: MailFolders }> {
    if (this.client?.usable && this.folders) return { client: this.client, folders: this.folders };
    const client = createImapClient(this.config);
    await client.connect();
    client.on('close', () => {
      if (this.client === client) this.client = null;
    });
    this.folders = await ensureFolders(client, this.config);
    this.client = client;
    return { client, folders: this.folders };
  }

  private async search(messageId: string): Promise<boolean> {
    const { client, folders } = await this.connection();
    // The watcher moves copies out of the inbox: look there first, then where they go,
    // so a copy moving during the search is seen in one place or the other.
    for (const folder of [folders.inbox, folders.sent, folders.notices]) {
      const lock = await client.getMailboxLock(folder);
      try {
        const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
        if (found && found.length > 0) return true;
      } finally {
        lock.release();
      }
    }
    return false;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.logout().catch(() => client.close());
  }
}
