// Watches the TI inbox: IDLE for new mail within seconds, a sweep on every connect and
// periodically as a safety net (IDLE notifications can silently stop), reconnecting with
// backoff. Runs as one long, heartbeating activity of the inbox workflow: if its worker
// dies, Temporal starts it again on another.
import { Context, log } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { Config } from '../../platform/config';
import { redactAddresses } from '../../domain/contacts';
import { COPY_HEADERS, ourMail } from '../mail/archive';
import { createImapClient, ensureFolders, type MailFolders } from '../mail/imap';
import { headerValue, headerValues, parseHeaderBlock } from '../../mail/incoming/mime';
import { ownCopy } from '../../mail/match';
import { visibilityDirectory } from './directory';
import { addNote, NOTE_FAILED, processMessage, type ProcessDependencies } from './process';
import { AttemptLedger, isTemporalUnavailable } from './poison';
import type { ImapFlow } from 'imapflow';

export interface InboxStats {
  processed: number;
  byOutcome: Record<string, number>;
  lastSweepAt: string | null;
  connectedSince: string | null;
  reconnects: number;
  lastError: string | null;
  /** Attempts at messages still in the inbox, by UID (see poison.ts). */
  attempts: Record<string, number>;
}

export interface InboxDependencies {
  config: Config;
  client: Client;
}

const sleep = (ms: number, abort: Promise<unknown>) =>
  Promise.race([new Promise((r) => setTimeout(r, ms)), abort.catch(() => undefined)]);

export function createInboxActivities({ config, client }: InboxDependencies) {
  const deps: ProcessDependencies = {
    client,
    directory: visibilityDirectory(client),
    ours: ourMail(config),
  };

  let stopping = false;
  const stopWaiters = new Set<() => void>();
  /** Lets the watcher end at once when its worker shuts down, instead of at the grace time. */
  function stop(): void {
    stopping = true;
    for (const wake of stopWaiters) wake();
  }

  async function watchInbox(): Promise<InboxStats> {
    const ctx = Context.current();
    const stats: InboxStats = {
      processed: 0,
      byOutcome: {},
      lastSweepAt: null,
      connectedSince: null,
      reconnects: 0,
      lastError: null,
      // A retried attempt carries on the count of the one that hung or died mid-message.
      attempts: restoredAttempts(ctx.info.heartbeatDetails),
    };
    let cancelled = stopping;
    const cancellation = Promise.race([
      ctx.cancelled,
      new Promise<void>((resolve) => stopWaiters.add(resolve)),
    ]).then(
      () => {
        cancelled = true;
      },
      () => {
        cancelled = true;
      },
    );
    const beat = setInterval(() => ctx.heartbeat(stats), 5_000);
    ctx.heartbeat(stats);
    let backoffMs = 1_000;
    try {
      while (!cancelled) {
        try {
          await session(stats, () => cancelled, cancellation);
          backoffMs = 1_000;
        } catch (error) {
          stats.lastError = redactAddresses((error as Error).message);
          log.warn('Inbox connection failed; reconnecting', { error: stats.lastError, backoffMs });
        }
        if (cancelled) break;
        stats.reconnects += 1;
        await sleep(backoffMs, cancellation);
        backoffMs = Math.min(backoffMs * 2, 60_000);
      }
    } finally {
      clearInterval(beat);
    }
    return stats;
  }

  async function session(
    stats: InboxStats,
    isCancelled: () => boolean,
    cancellation: Promise<unknown>,
  ) {
    // IDLE right after each sweep, so new mail is noticed within a second.
    const imap = createImapClient(config, { idleAfterMs: 200 });
    await imap.connect();
    let wake: () => void = () => {};
    let dirty = true;
    const poke = () => {
      dirty = true;
      wake();
    };
    const closed = new Promise<void>((resolve) => imap.once('close', () => resolve()));
    try {
      const folders = await ensureFolders(imap, config);
      await imap.mailboxOpen(folders.inbox);
      stats.connectedSince = new Date().toISOString();
      imap.on('exists', poke);
      const timer = setInterval(poke, config.imap.sweepSeconds * 1000);
      try {
        while (!isCancelled() && imap.usable) {
          if (dirty) {
            dirty = false;
            await sweep(imap, folders, stats);
            // Mail that arrived during the sweep set `dirty` again: look before waiting,
            // or it would wait for the next arrival or the safety-net sweep.
            continue;
          }
          // imapflow IDLEs by itself while we wait here.
          await Promise.race([new Promise<void>((r) => (wake = r)), closed, cancellation]);
        }
      } finally {
        clearInterval(timer);
      }
    } finally {
      await imap.logout().catch(() => imap.close());
    }
  }

  async function sweep(imap: ImapFlow, folders: MailFolders, stats: InboxStats) {
    const uids = ((await imap.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
    const { copies, replies } = await triage(imap, uids);
    const ctx = Context.current();
    const ledger = new AttemptLedger(stats.attempts);
    // Replies first, one by one in arrival order; then our own copies, which are most of
    // what arrives (one per mail sent) and need only filing: one command per folder.
    for (const uid of replies) {
      const message = await imap.fetchOne(
        String(uid),
        { source: true, internalDate: true },
        { uid: true },
      );
      if (!message || !message.source) continue;
      const key = `${imap.mailbox ? imap.mailbox.uidValidity : ''}:${uid}`;
      if (!ledger.begin(key)) {
        // Read and failed (or hung the attempt) too often: a person's job, not the queue's.
        log.warn('Message failed repeatedly; moved to review', { uid });
        await addNote(imap, uid, NOTE_FAILED);
        await imap.messageMove(String(uid), folders.review, { uid: true });
        ledger.done(key);
        count(stats, 'review', 1);
        continue;
      }
      // The count must reach the server before the message is read: a read that hangs
      // would otherwise never be counted. Then a turn of the event loop sends it.
      ctx.heartbeat(stats);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const arrived = message.internalDate ? new Date(message.internalDate).getTime() : null;
      let outcome: string;
      try {
        outcome = await processMessage(imap, folders, uid, message.source, arrived, deps);
      } catch (error) {
        if (isTemporalUnavailable(error)) ledger.undo(key);
        throw error;
      }
      ledger.done(key);
      count(stats, outcome, 1);
      ctx.heartbeat(stats);
    }
    for (const outcome of ['sent', 'notices'] as const) {
      for (const chunk of chunks(copies[outcome], 100)) {
        await imap.messageMove(chunk.join(','), folders[outcome], { uid: true });
        count(stats, outcome, chunk.length);
      }
    }
    stats.lastSweepAt = new Date().toISOString();
  }

  /** Tells our own copies from everything else by their headers, a few hundred per command. */
  async function triage(imap: ImapFlow, uids: number[]) {
    const copies = { sent: [] as number[], notices: [] as number[] };
    const replies: number[] = [];
    for (const chunk of chunks(uids, 500)) {
      const range = chunk.join(',');
      for await (const m of imap.fetch(
        range,
        { uid: true, headers: COPY_HEADERS },
        { uid: true },
      )) {
        const headers = parseHeaderBlock(m.headers?.toString('latin1') ?? '');
        const header = (name: string) => headerValue(headers, name);
        const all = (name: string) => headerValues(headers, name);
        const own = ownCopy(header('message-id') ?? '', header, all, deps.ours);
        if (!own) replies.push(m.uid);
        else copies[own.audience === 'coordinator' ? 'notices' : 'sent'].push(m.uid);
      }
    }
    replies.sort((a, b) => a - b);
    return { copies, replies };
  }

  return { activities: { watchInbox }, stop };
}

function restoredAttempts(details: unknown): Record<string, number> {
  const attempts = (details as Partial<InboxStats> | undefined)?.attempts;
  return attempts && typeof attempts === 'object' ? { ...attempts } : {};
}

function count(stats: InboxStats, outcome: string, n: number): void {
  stats.processed += n;
  stats.byOutcome[outcome] = (stats.byOutcome[outcome] ?? 0) + n;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
