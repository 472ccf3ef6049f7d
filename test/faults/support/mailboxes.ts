// What the recipients got, counted in our private GreenMail over real IMAP (straight to the
// server, never through a relay the test may have cut): each recipient's INBOX, each of
// our messages told by its X-Nettverk-Journey and X-Nettverk-Step headers.
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { parseMime, headerValue } from '../../../mail/incoming/mime';

export interface Delivered {
  messageId: string | null;
  journey: string | null;
  step: string | null;
}

/** Every message in one mailbox folder of the private GreenMail. */
export async function mailbox(
  imapPort: number,
  address: string,
  folder = 'INBOX',
): Promise<Delivered[]> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: imapPort,
    secure: false,
    auth: { user: address, pass: 'x' },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    if (!(await client.list()).some((f) => f.path === folder)) return [];
    const lock = await client.getMailboxLock(folder);
    try {
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      const out: Delivered[] = [];
      for await (const m of client.fetch('1:*', { source: true })) {
        if (!m.source) continue;
        const mime = parseMime(m.source);
        out.push({
          messageId: mime.messageId,
          journey: headerValue(mime.headers, 'x-nettverk-journey'),
          step: headerValue(mime.headers, 'x-nettverk-step'),
        });
      }
      return out;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * How many copies of a campaign's step each recipient holds (`registration-confirmation`
 * counts every `registration-confirmation-<n>`): `{ address: count }`, with 0
 * for a recipient who got none. A few mailboxes at a time, so a loaded machine copes.
 */
export async function countStep(
  imapPort: number,
  campaignId: string,
  step: string,
  recipients: string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const queue = [...recipients];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let r = queue.shift(); r !== undefined; r = queue.shift()) {
        const mails = await mailbox(imapPort, r);
        counts[r] = mails.filter(
          (m) =>
            (m.step === step || m.step?.startsWith(`${step}-`)) &&
            m.journey?.startsWith(`${campaignId}/`),
        ).length;
      }
    }),
  );
  return counts;
}

/** Sends a raw message straight to the private GreenMail, as a municipality's server would. */
export async function deliver(
  smtpPort: number,
  raw: string,
  envelope: { from: string; to: string[] },
): Promise<void> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
  });
  try {
    await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  everyMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(
    `Timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
  );
}
