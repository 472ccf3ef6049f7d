// The sources of a batch of messages, in one IMAP command, with what the sweep needs beside
// each: when the server received it and what it may concern (its lane keys, batch.ts).
import type { ImapFlow } from 'imapflow';
import { laneKeys } from './batch';

export interface Fetched {
  uid: number;
  source: Buffer;
  arrivedAtMs: number | null;
  keys: string[];
}

/** In UID (arrival) order; a message that vanished meanwhile is simply absent. */
export async function fetchSources(imap: ImapFlow, uids: number[]): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for await (const m of imap.fetch(
    uids.join(','),
    { uid: true, source: true, internalDate: true },
    { uid: true },
  )) {
    if (!m.source) continue;
    let keys: string[];
    try {
      keys = laneKeys(m.source);
    } catch {
      // Headers nobody can read: the message gets a lane of its own.
      keys = [];
    }
    const arrivedAtMs = m.internalDate ? new Date(m.internalDate).getTime() : null;
    out.push({ uid: m.uid, source: m.source, arrivedAtMs, keys });
  }
  return out.sort((a, b) => a.uid - b.uid);
}
