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
import { batchDirectory, runningContacts, visibilityDirectory } from './directory';
import {
  claimedJourneys,
  lanes,
  LANE_CONCURRENCY,
  planBatches,
  runLanes,
  senderDomain,
  type Waiting,
} from './batch';
import { fetchSources } from './fetch';
import {
  addNote,
  NOTE_FAILED,
  NOTE_TOO_LARGE,
  NOTE_UNSURE,
  readMessage,
  type ProcessDependencies,
  type Reading,
} from './process';
import { AttemptLedger } from './poison';
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
            const moved = await sweep(imap, folders, stats);
            // Mail that arrived during the sweep set `dirty` again: look before waiting,
            // or it would wait for the next arrival or the safety-net sweep. A sweep that
            // moved anything looks once more as well: a message that arrives while a MOVE
            // runs may never be announced (GreenMail reports the count after the expunge
            // as EXISTS before the EXPUNGE, so imapflow sees no change), and without the
            // second look it waited for the next sweep: the 17 s stall of issue 13.
            if (moved > 0) dirty = true;
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

  /** One look at the inbox; returns how many messages it moved out of it. */
  async function sweep(imap: ImapFlow, folders: MailFolders, stats: InboxStats): Promise<number> {
    const uids = ((await imap.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
    let moved = 0;
    if (uids.length) {
      const { copies, replies } = await triage(imap, uids);
      const ledger = new AttemptLedger(stats.attempts);
      const validity = imap.mailbox ? String(imap.mailbox.uidValidity) : '';
      const keyOf = (uid: number) => `${validity}:${uid}`;
      // Replies first, in arrival order, a batch at a time (batch.ts); then our own copies,
      // which are most of what arrives (one per mail sent) and need only filing.
      const suspect = (uid: number) => (stats.attempts[keyOf(uid)] ?? 0) > 0;
      for (const batch of planBatches(replies, suspect)) {
        moved += await applyBatch(imap, folders, stats, ledger, batch, keyOf);
      }
      for (const outcome of ['sent', 'notices'] as const) {
        for (const chunk of chunks(copies[outcome], 100)) {
          await imap.messageMove(chunk.join(','), folders[outcome], { uid: true });
          count(stats, outcome, chunk.length);
          moved += chunk.length;
        }
      }
    }
    stats.lastSweepAt = new Date().toISOString();
    return moved;
  }

  /**
   * One batch: counted, fetched with one command, read and delivered (lanes side by side,
   * each in arrival order), then marked and moved with one command per keyword and folder.
   * Only what was delivered (or decided) is moved, after its effect is durable; if Temporal
   * failed on the way, what was done is still filed and the rest waits for the next sweep.
   */
  async function applyBatch(
    imap: ImapFlow,
    folders: MailFolders,
    stats: InboxStats,
    ledger: AttemptLedger,
    batch: number[],
    keyOf: (uid: number) => string,
  ): Promise<number> {
    const ctx = Context.current();
    const decided = new Map<number, Reading>();
    const fresh: number[] = [];
    for (const uid of batch) {
      if (ledger.begin(keyOf(uid))) fresh.push(uid);
      else {
        // Read and failed (or hung the attempt) too often: a person's job, not the queue's.
        log.warn('Message failed repeatedly; moved to review', { uid });
        decided.set(uid, { outcome: 'review', note: NOTE_FAILED });
      }
    }
    let failure: unknown = null;
    if (fresh.length) {
      // The counts must reach the server before the messages are read: a read that hangs
      // would otherwise never be counted. Then a turn of the event loop sends them.
      ctx.heartbeat(stats);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const messages = await fetchSources(imap, fresh);
      // One visibility query for the journeys the batch names, instead of a describe each.
      const snapshot = await runningContacts(
        client,
        messages.flatMap((m) => claimedJourneys(m.keys)),
      );
      failure = await runLanes(
        lanes(messages, (m) => m.keys),
        LANE_CONCURRENCY,
        async (m) => {
          const directory = batchDirectory(deps.directory, snapshot, senderDomain(m.keys));
          decided.set(m.uid, await readMessage(m.source, m.arrivedAtMs, { ...deps, directory }));
        },
      );
    }
    for (const note of [NOTE_FAILED, NOTE_TOO_LARGE, NOTE_UNSURE]) {
      await addNote(
        imap,
        uidsWhere(decided, (r) => r.note === note),
        note,
      );
    }
    const outcomes = new Set([...decided.values()].map((r) => r.outcome));
    for (const outcome of outcomes) {
      const uids = uidsWhere(decided, (r) => r.outcome === outcome);
      await imap.messageMove(uids.join(','), folders[outcome], { uid: true });
      for (const uid of uids) ledger.done(keyOf(uid));
      count(stats, outcome, uids.length);
    }
    // Not read (Temporal failed first, or the message vanished): the attempt is not theirs.
    for (const uid of fresh) if (!decided.has(uid)) ledger.undo(keyOf(uid));
    ctx.heartbeat(stats);
    if (failure) throw failure;
    return decided.size;
  }

  /** Tells our own copies from everything else by their headers, a few hundred per command. */
  async function triage(imap: ImapFlow, uids: number[]) {
    const copies = { sent: [] as number[], notices: [] as number[] };
    const replies: Waiting[] = [];
    for (const chunk of chunks(uids, 500)) {
      const range = chunk.join(',');
      for await (const m of imap.fetch(
        range,
        { uid: true, size: true, headers: COPY_HEADERS },
        { uid: true },
      )) {
        const headers = parseHeaderBlock(m.headers?.toString('latin1') ?? '');
        const header = (name: string) => headerValue(headers, name);
        const all = (name: string) => headerValues(headers, name);
        const own = ownCopy(header('message-id') ?? '', header, all, deps.ours);
        if (!own) replies.push({ uid: m.uid, size: m.size ?? 0 });
        else copies[own.audience === 'coordinator' ? 'notices' : 'sent'].push(m.uid);
      }
    }
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

function uidsWhere(decided: Map<number, Reading>, test: (r: Reading) => boolean): number[] {
  return [...decided].filter(([, r]) => test(r)).map(([uid]) => uid);
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
