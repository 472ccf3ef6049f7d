// The replies the ingestion benchmark sends, and its two baselines: reading the same messages
// back with imapflow and parsing them with postal-mime (what any IMAP reader pays), and a
// no-op signal to the same journeys (what any signal to them costs on this server).
import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import PostalMime from 'postal-mime';
import type { Config } from '../platform/config';
import type { Campaign, Municipality } from '../domain/types';
import { journeyMessageId, subjectToken } from '../mail/message-id';
import { ourMail } from '../activities/mail/archive';
import { journeyWorkflowId } from '../workflows/definitions';

export interface BenchReply {
  municipalityId: string;
  from: string;
  messageId: string;
  raw: string;
}

/** A registration in bokmål, threaded under the journey's invitation, from its own domain. */
export function registrationReply(config: Config, campaign: Campaign, m: Municipality): BenchReply {
  const domain = m.email.split('@')[1];
  const from = `kari.nordmann@${domain}`;
  const messageId = `<${crypto.randomBytes(8).toString('hex')}@${domain}>`;
  const invitation = journeyMessageId(
    { campaignId: campaign.id, municipalityId: m.id, step: 'invitation' },
    ourMail(config),
  );
  const raw = [
    `From: Kari Nordmann <${from}>`,
    `To: <${config.tiAddress}>`,
    `Subject: SV: Invitasjon til korrupsjonsforebyggende nettverk ${subjectToken(campaign.id, m.id)}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    `In-Reply-To: ${invitation}`,
    `References: ${invitation}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Hei!',
    '',
    `${m.name} melder på disse to:`,
    '',
    `Kari Nordmann, kommunalsjef, ${from}`,
    `Ola Hansen, rådgiver, ola.hansen@${domain}`,
    '',
    'Deltakelsen er forankret i administrativ ledelse. Vi ønsker nettverk A.',
    '',
    'Vennlig hilsen',
    'Kari Nordmann',
    '',
  ].join('\r\n');
  return { municipalityId: m.id, from, messageId, raw };
}

/** One SMTP transaction per reply over a pool of connections; resolves when all are accepted. */
export async function sendAll(config: Config, replies: BenchReply[], connections = 4) {
  const transport = nodemailer.createTransport({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: false,
    pool: true,
    maxConnections: connections,
  });
  try {
    await Promise.all(
      replies.map((r) =>
        transport.sendMail({ envelope: { from: r.from, to: [config.tiAddress] }, raw: r.raw }),
      ),
    );
  } finally {
    transport.close();
  }
}

export function imapClient(config: Config): ImapFlow {
  const client = new ImapFlow({
    host: config.imap.host,
    port: config.imap.port,
    secure: false,
    auth: { user: config.tiAddress, pass: config.imap.password ?? 'x' },
    logger: false,
  });
  client.on('error', () => undefined);
  return client;
}

/** Messages waiting in a folder of the TI mailbox. */
export async function countIn(config: Config, folder: string): Promise<number> {
  const imap = imapClient(config);
  await imap.connect();
  try {
    const status = await imap.status(folder, { messages: true });
    return status ? (status.messages ?? 0) : 0;
  } finally {
    await imap.logout().catch(() => imap.close());
  }
}

/**
 * Baseline (a): every message in the folder fetched with one command and parsed with
 * postal-mime, one after the other; messages a second (the connection is made beforehand).
 */
export async function fetchAndParseRate(config: Config, folder: string): Promise<number> {
  const imap = imapClient(config);
  await imap.connect();
  try {
    const lock = await imap.getMailboxLock(folder);
    try {
      const t0 = Date.now();
      let n = 0;
      for await (const m of imap.fetch('1:*', { uid: true, source: true, internalDate: true })) {
        if (m.source) await PostalMime.parse(m.source);
        n++;
      }
      return n / ((Date.now() - t0) / 1000);
    } finally {
      lock.release();
    }
  } finally {
    await imap.logout().catch(() => imap.close());
  }
}

/**
 * Baseline (b): a signal no handler reads (`benchNoop`) to each journey, `concurrency` at a
 * time; each still costs the server a write and the worker a workflow task, as a reply does.
 */
export async function bareSignalRate(
  client: Client,
  campaignId: string,
  ids: string[],
  concurrency: number,
): Promise<number> {
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        await client.workflow.getHandle(journeyWorkflowId(campaignId, id)).signal('benchNoop');
      }
    }),
  );
  return ids.length / ((Date.now() - t0) / 1000);
}
