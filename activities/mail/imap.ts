// IMAP connections to the TI mailbox and the folders nettverk keeps there.
import { ImapFlow } from 'imapflow';
import type { Config } from '../../platform/config';
import { explainTransportError, mailSecurity } from '../../platform/transport-security';

export interface MailFolders {
  /** Where replies arrive and the watcher looks. */
  inbox: string;
  /** Copies of everything sent (the exactly-once record). */
  sent: string;
  /** Notices to the coordinator. */
  notices: string;
  processed: string;
  review: string;
  autoReplies: string;
  bounces: string;
  dismissed: string;
}

const NAMES: Omit<MailFolders, 'inbox'> = {
  sent: 'Sendt',
  notices: 'Varsler',
  processed: 'Behandlet',
  review: 'Til vurdering',
  autoReplies: 'Automatiske svar',
  bounces: 'Returmeldinger',
  dismissed: 'Avvist',
};

/** `idleAfterMs`: how soon an idle connection enters IDLE (imapflow waits 15 s by default). */
export function createImapClient(config: Config, options: { idleAfterMs?: number } = {}): ImapFlow {
  const { imap } = config;
  const security = mailSecurity(imap, config.allowPlaintext);
  const client = new ImapFlow({
    autoIdleDelay: options.idleAfterMs,
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    // STARTTLS required off loopback unless allowed (platform/transport-security.ts).
    doSTARTTLS: security === 'starttls' ? true : undefined,
    auth: imap.accessToken
      ? { user: imap.user, accessToken: imap.accessToken }
      : { user: imap.user, pass: imap.password ?? '' },
    logger: false,
    // imapflow's own reconnect is absent: callers make a new client on 'close'.
    emitLogs: false,
  });
  // Without a listener an IDLE drop would crash the process (imapflow emits 'error').
  client.on('error', () => {});
  const connect = client.connect.bind(client);
  client.connect = () =>
    connect().catch((error: unknown) => {
      throw explainTransportError('IMAP', imap, security, error);
    });
  return client;
}

/** Folder paths in the server's own hierarchy delimiter, created when missing. */
export async function ensureFolders(client: ImapFlow, config: Config): Promise<MailFolders> {
  const list = await client.list();
  const delimiter =
    list.find((f) => f.path.toUpperCase() === 'INBOX')?.delimiter || list[0]?.delimiter || '/';
  const prefix = config.imap.folderPrefix;
  const folders = { inbox: config.imap.folder } as MailFolders;
  for (const [key, name] of Object.entries(NAMES)) {
    (folders as unknown as Record<string, string>)[key] = `${prefix}${delimiter}${name}`;
  }
  const existing = new Set(list.map((f) => f.path));
  if (!existing.has(prefix)) await client.mailboxCreate(prefix).catch(() => undefined);
  const missing = (Object.keys(NAMES) as (keyof typeof NAMES)[])
    .map((key) => folders[key])
    .filter((path) => !existing.has(path));
  for (const path of missing) {
    // Another connection (a second worker, the watcher) may create it at the same moment.
    await client.mailboxCreate(path).catch(async (error: Error) => {
      const now = await client.list();
      if (!now.some((f) => f.path === path)) throw error;
    });
  }
  return folders;
}

/** Runs `fn` on a fresh connection and always logs out. */
export async function withImap<T>(
  config: Config,
  fn: (client: ImapFlow, folders: MailFolders) => Promise<T>,
): Promise<T> {
  const client = createImapClient(config);
  await client.connect();
  try {
    return await fn(client, await ensureFolders(client, config));
  } finally {
    await client.logout().catch(() => client.close());
  }
}
