// Integration tests run the real workers against the real dev server and GreenMail that
// `npm test` brought up. Each test file gets its own task queue and its own TI mailbox,
// so files run in parallel and beside a running demo without touching each other.
import crypto from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { loadConfig, type Config } from '../../platform/config';
import { createClient } from '../../platform/temporal';
import { loadCampaignFile } from '../../platform/files/campaign-file';
import { compressCampaign, shiftCampaign } from '../../domain/campaign/clock';
import type { Campaign } from '../../domain/types';
import { parseMime, headerValue, type ParsedMime } from '../../mail/incoming/mime';
import { createWorkers, type RunningWorkers } from '../../worker/workers';
import { quietRuntime } from './time-skipping';

export const root = path.resolve(__dirname, '../..');

export function testConfig(extra: Record<string, string> = {}): Config {
  const id = crypto.randomBytes(4).toString('hex');
  return loadConfig({
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    SMTP_URL: 'smtp://127.0.0.1:3025',
    IMAP_URL: 'imap://127.0.0.1:3143',
    TI_ADDRESS: `koordinator-${id}@ti.example`,
    NETTVERK_TASK_QUEUE: `it-${id}`,
    MAIL_RATE_PER_MINUTE: '6000',
    IMAP_SWEEP_SECONDS: '5',
    ...extra,
  });
}

/** The 2013 campaign under a fresh id, its mail from and to this test's TI mailbox. */
export function testCampaign(
  config: Config,
  options: { msPerDay?: number; startInMs?: number } = {},
): Campaign {
  const base = loadCampaignFile(path.join(root, 'campaigns', 'ks-ti-2013.yaml'));
  const start = new Date(Date.now() + (options.startInMs ?? 0)).toISOString();
  const shifted = options.msPerDay
    ? compressCampaign(base, { start, msPerDay: options.msPerDay })
    : shiftCampaign(base, start);
  return {
    ...shifted,
    id: `it-${crypto.randomBytes(3).toString('hex')}`,
    sender: { name: 'Tor Dølvik, Transparency International Norge', address: config.tiAddress },
    replyTo: config.tiAddress,
  };
}

export interface Harness {
  config: Config;
  client: Client;
  workers: RunningWorkers;
  close(): Promise<void>;
}

export async function startHarness(config: Config, options: { inbox: boolean }): Promise<Harness> {
  quietRuntime();
  let connection: Connection;
  try {
    connection = await Connection.connect({
      address: config.temporal.address,
      connectTimeout: '3s',
    });
  } catch (error) {
    throw new Error(
      `The dev server does not answer at ${config.temporal.address}: run the tests with npm test, which starts it (${(error as Error).message})`,
    );
  }
  const client = createClient(connection, config);
  const native = await NativeConnection.connect({ address: config.temporal.address });
  const workers = await createWorkers({ config, connection: native, client, inbox: options.inbox });
  const running = workers.run();
  return {
    config,
    client,
    workers,
    async close() {
      if (options.inbox) {
        await client.workflow
          .getHandle(`inbox/${config.tiAddress}`)
          .terminate('test over')
          .catch(() => undefined);
      }
      await workers.shutdown();
      await running;
      await native.close();
      await connection.close();
    },
  };
}

export interface FetchedMail {
  uid: number;
  source: Buffer;
  mime: ParsedMime;
  header(name: string): string | null;
}

/** Every message in a GreenMail mailbox folder, read over real IMAP. */
export async function readMailbox(address: string, folder = 'INBOX'): Promise<FetchedMail[]> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: 3143,
    secure: false,
    auth: { user: address, pass: 'x' },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const exists = (await client.list()).some((f) => f.path === folder);
    if (!exists) return [];
    const lock = await client.getMailboxLock(folder);
    try {
      const out: FetchedMail[] = [];
      for await (const m of client.fetch('1:*', { uid: true, source: true })) {
        if (!m.source) continue;
        const mime = parseMime(m.source);
        out.push({
          uid: m.uid,
          source: m.source,
          mime,
          header: (n) => headerValue(mime.headers, n),
        });
      }
      return out;
    } catch (error) {
      if (/empty|no messages|invalid messageset/i.test((error as Error).message)) return [];
      throw error;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Sends a raw message over real SMTP, as a municipality's mail server would. */
export async function smtpSend(
  raw: string | Buffer,
  envelope: { from: string; to: string[] },
): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: 3025, secure: false });
  try {
    await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
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
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
  );
}
