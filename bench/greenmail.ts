// A GreenMail of the bench's own, on free ports, for the outgoing-mail rows: they send some
// 1,500 messages (with calendar attachments), and GreenMail keeps every one in memory, so
// on the shared stack's (384 MB heap) they would crowd out, and at worst exhaust, what the
// tests beside it need. Same jar and settings as the shared one (scripts/stack.ts), a
// larger heap; stopped by the pid this file started.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../platform/config';
import { ensureRunning, stop } from '../scripts/services';
import { greenMail } from '../scripts/stack';

export interface OwnGreenMail {
  /** SMTP_URL and IMAP_URL for configurations and spawned workers. */
  env: { SMTP_URL: string; IMAP_URL: string };
  smtpPort: number;
  close(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export async function startOwnGreenMail(): Promise<OwnGreenMail> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-bench-mail-'));
  const [smtpPort, imapPort] = await Promise.all([freePort(), freePort()]);
  const env = {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    IMAP_URL: `imap://127.0.0.1:${imapPort}`,
  };
  const base = greenMail(loadConfig({ NETTVERK_ENV_FILE: '/dev/null', ...env }), dir);
  const service = {
    ...base,
    name: 'bench-greenmail',
    args: base.args.map((a) => (a.startsWith('-Xmx') ? '-Xmx1g' : a)),
  };
  await ensureRunning(service);
  return {
    env,
    smtpPort,
    async close() {
      await stop(service);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
