// GreenMail forgets on restart (issue 10, finding 6). The exactly-once check looks for our
// own copy in the TI mailbox (INBOX, then Nettverk/Sendt and Nettverk/Varsler); GreenMail
// 2.1.x keeps mail in memory only and has no option to keep it on disk, so a restart takes
// that record with it. This test pins that down on a private GreenMail started exactly as
// the stack starts it (the same ServiceDefinition from scripts/stack.ts, on free ports, in
// its own state directory, so the shared one is never touched): a copy delivered and filed
// before a SIGKILL is gone after the restart, and the stack says so whenever it starts or
// stops GreenMail. Should GreenMail gain a persistent store and the stack use it, this
// test fails on purpose: turn its expectations around and drop the warning.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { withImap, type MailFolders } from '../../activities/mail/imap';
import { loadConfig, type Config } from '../../platform/config';
import { ensureRunning, portAnswers, startReport, stop, stopReport } from '../../scripts/services';
import { GREENMAIL_FORGETS, greenMail } from '../../scripts/stack';

jest.setTimeout(180_000);

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').length > 0; // a zombie has none
  } catch {
    return false;
  }
};

/** Our copy as the mail activity sends it: to a municipality, blind copy to the TI mailbox. */
async function send(config: Config, messageId: string): Promise<void> {
  const transport = nodemailer.createTransport({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: false,
  });
  try {
    const info = await transport.sendMail({
      from: config.tiAddress,
      to: 'postmottak@voss.kommune.example',
      bcc: config.tiAddress,
      subject: 'Invitasjon til læringsnettverk',
      text: 'Hei!',
      messageId,
    });
    expect(info.accepted).toContain(config.tiAddress);
  } finally {
    transport.close();
  }
}

/** Whether a message with this Message-ID is in that folder, searched as the archive does. */
function holds(config: Config, folder: keyof MailFolders, messageId: string): Promise<boolean> {
  return withImap(config, async (client, folders) => {
    const lock = await client.getMailboxLock(folders[folder]);
    try {
      const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
      return Array.isArray(found) && found.length > 0;
    } finally {
      lock.release();
    }
  });
}

/** Files the copy from the inbox into Nettverk/Sendt, as the inbox watcher does. */
function file(config: Config, messageId: string): Promise<void> {
  return withImap(config, async (client, folders) => {
    const lock = await client.getMailboxLock(folders.inbox);
    try {
      const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
      expect(found).toHaveLength(1);
      await client.messageMove((found as number[]).join(','), folders.sent, { uid: true });
    } finally {
      lock.release();
    }
  });
}

async function waitFor(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('the embedded GreenMail forgets the exactly-once copies when it restarts, and the stack says so', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-greenmail-'));
  const [smtpPort, imapPort] = [await freePort(), await freePort()];
  const id = crypto.randomBytes(4).toString('hex');
  const config = loadConfig({
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    IMAP_URL: `imap://127.0.0.1:${imapPort}`,
    TI_ADDRESS: `dolvik-${id}@transparency.example`,
  });
  const service = greenMail(config, dir);
  const filed = `<nv.it-${id}.4621.invitation@transparency.example>`;
  const waiting = `<nv.it-${id}.4621.reminder-1@transparency.example>`;
  const after = `<nv.it-${id}.4621.reminder-2@transparency.example>`;

  try {
    const first = await ensureRunning(service);
    expect(first.reused).toBe(false);
    // The stack warns on a fresh start, not when it reuses what runs.
    expect(startReport(service, first, 1200).join('\n')).toContain(GREENMAIL_FORGETS);
    expect(startReport(service, { ...first, reused: true }, 0).join('\n')).not.toContain(
      'memory only',
    );

    // Two sends accepted: one copy filed into Nettverk/Sendt, one still in the inbox.
    await send(config, filed);
    await waitFor('the first copy', () => holds(config, 'inbox', filed));
    await file(config, filed);
    await send(config, waiting);
    await waitFor('the second copy', () => holds(config, 'inbox', waiting));
    expect(await holds(config, 'sent', filed)).toBe(true);
    expect(await holds(config, 'inbox', waiting)).toBe(true);

    // The process dies without a word (a crash, the OOM killer, a power cut).
    process.kill(-first.pid, 'SIGKILL');
    await waitFor('GreenMail to die', async () => !alive(first.pid));
    await waitFor('its ports to close', async () => {
      const open = await Promise.all([smtpPort, imapPort].map((p) => portAnswers('127.0.0.1', p)));
      return !open.includes(true);
    });

    const second = await ensureRunning(service);
    expect(second.reused).toBe(false);
    expect(second.pid).not.toBe(first.pid);

    // Everything the exactly-once check would look for is gone: a retried send goes out again.
    expect(await holds(config, 'inbox', waiting)).toBe(false);
    expect(await holds(config, 'sent', filed)).toBe(false);
    expect(await holds(config, 'inbox', filed)).toBe(false);
    // Not a broken server: what arrives after the restart is kept as before.
    await send(config, after);
    await waitFor('a copy sent after the restart', () => holds(config, 'inbox', after));

    expect(await stop(service)).toBe(true);
    expect(stopReport(service, true).join('\n')).toContain(GREENMAIL_FORGETS);
  } finally {
    await stop(service);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
