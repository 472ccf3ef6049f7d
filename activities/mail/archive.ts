// The record of what was sent: every message reaches the TI mailbox as a blind copy in
// the same SMTP transaction as the municipality's copy, so "a copy with this Message-ID
// is in the mailbox" holds exactly when the server accepted the message. Checking it
// before sending makes a retried send (crash, timeout, worker restart) deliver nothing twice.
import type { ImapFlow } from 'imapflow';
import type { Config } from '../../platform/config';
import { createImapClient, ensureFolders, type MailFolders } from './imap';

/**
 * One connection kept open on one folder. Selecting a folder costs a round trip (and on
 * GreenMail a 40 ms delayed ACK), so each folder keeps its own connection, selected once,
 * and a check costs two searches instead of three selects and three searches.
 */
class FolderWatch {
  private client: ImapFlow | null = null;
  private opening: Promise<ImapFlow> | null = null;

  constructor(
    private readonly config: Config,
    private readonly folder: (folders: MailFolders) => string,
  ) {}

  async search(messageId: string): Promise<boolean> {
    try {
      return await this.searchOnce(messageId);
    } catch (error) {
      // A dropped connection (servers restart; GreenMail drops sessions under load) is
      // worth one fresh attempt before the whole send waits for its retry.
      if (this.client?.usable) throw error;
      return this.searchOnce(messageId);
    }
  }

  private async searchOnce(messageId: string): Promise<boolean> {
    const client = await this.open();
    const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
    return Boolean(found && found.length > 0);
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
