// A private stack for one fault test file: its own Temporal dev server (SQLite file in a
// temporary folder) and its own GreenMail, on free ports, started from the same service
// definitions as the shared stack (scripts/stack.ts), with a cuttable relay in front of
// SMTP and of IMAP. The shared stack (7233, 3025, 3143) is never touched: everything here
// is stopped by the pid this file started.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Connection, type Client } from '@temporalio/client';
import { loadConfig, type Config } from '../../../platform/config';
import { createClient, ensureSearchAttributes } from '../../../platform/temporal';
import { ensureRunning, stop, type ServiceDefinition } from '../../../scripts/services';
import { devServer, greenMail } from '../../../scripts/stack';
import { FaultProxy } from './proxy';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface PrivateStack {
  dir: string;
  /** What the workers use: Temporal direct, SMTP and IMAP through the relays. */
  env: Record<string, string>;
  /** The test's own view: mail servers direct, never through a relay. */
  config: Config;
  client: Client;
  greenmail: { smtpPort: number; imapPort: number };
  smtpProxy: FaultProxy;
  imapProxy: FaultProxy;
  /** SIGKILLs the dev server (its whole process group) and starts it on the same file. */
  killTemporal(): Promise<void>;
  restartTemporal(): Promise<void>;
  close(): Promise<void>;
}

const readPid = (s: ServiceDefinition) =>
  Number(fs.readFileSync(path.join(s.stateDir, `${s.name}.pid`), 'utf8').trim());

export async function startPrivateStack(name: string): Promise<PrivateStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nettverk-faults-${name}-`));
  const [tPort, uiPort, smtpPort, imapPort, smtpRelay, imapRelay] = await Promise.all(
    Array.from({ length: 6 }, freePort),
  );
  const id = crypto.randomBytes(3).toString('hex');
  const base = {
    NETTVERK_ENV_FILE: '/dev/null',
    TEMPORAL_ADDRESS: `127.0.0.1:${tPort}`,
    TI_ADDRESS: `koordinator-${id}@ti.example`,
    NETTVERK_TASK_QUEUE: `faults-${id}`,
    IMAP_SWEEP_SECONDS: '5',
  };
  const direct = loadConfig({
    ...base,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    IMAP_URL: `imap://127.0.0.1:${imapPort}`,
  });
  const temporal = devServer({
    host: '127.0.0.1',
    port: tPort,
    uiPort,
    dbFile: path.join(dir, 'temporal.db'),
    stateDir: dir,
    name: 'faults-temporal',
  });
  const mail = greenMail(direct, dir);
  let connection: Connection | null = null;
  const started: ServiceDefinition[] = [];
  try {
    // One after the other: both at once on two CPUs only slows each start.
    await ensureRunning(temporal);
    started.push(temporal);
    await ensureRunning(mail);
    started.push(mail);
    connection = await Connection.connect({ address: base.TEMPORAL_ADDRESS });
    await ensureSearchAttributes(connection, 'default');
  } catch (error) {
    for (const s of started) await stop(s);
    throw error;
  }
  const smtpProxy = await FaultProxy.start(smtpRelay, { host: '127.0.0.1', port: smtpPort });
  const imapProxy = await FaultProxy.start(imapRelay, { host: '127.0.0.1', port: imapPort });
  const conn = connection;
  return {
    dir,
    env: {
      ...base,
      SMTP_URL: `smtp://127.0.0.1:${smtpRelay}`,
      IMAP_URL: `imap://127.0.0.1:${imapRelay}`,
    },
    config: direct,
    client: createClient(conn, direct),
    greenmail: { smtpPort, imapPort },
    smtpProxy,
    imapProxy,
    async killTemporal() {
      const pid = readPid(temporal);
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        process.kill(pid, 'SIGKILL');
      }
      for (let i = 0; i < 200; i++) {
        try {
          process.kill(pid, 0);
          if (fs.readFileSync(`/proc/${pid}/status`, 'utf8').includes('State:\tZ')) break;
        } catch {
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async restartTemporal() {
      await ensureRunning(temporal);
    },
    async close() {
      await smtpProxy.cut();
      await imapProxy.cut();
      await conn.close().catch(() => undefined);
      await stop(mail);
      await stop(temporal);
      // NETTVERK_FAULTS_KEEP=1 keeps the servers' and workers' logs for a post-mortem.
      if (!process.env.NETTVERK_FAULTS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
      else console.log(`faults: logs kept in ${dir}`);
    },
  };
}
