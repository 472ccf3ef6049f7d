// Watches one GreenMail mailbox over IMAP: IDLE for new mail within a moment, a periodic
// sweep as a safety net, reconnection with backoff. Hands each new message over once.
import { ImapFlow } from 'imapflow';

export interface Arrived {
  uid: number;
  source: Buffer;
  /** When the server received it (epoch ms, to the second), if it says. */
  internalDate: number | null;
}

export interface WatcherOptions {
  address: string;
  host: string;
  port: number;
  /** Messages that arrived before this (epoch ms) belong to someone else's run. */
  since: number;
  sweepMs?: number;
  /** Whether a message is worth fetching whole, from its header block; default: all. */
  wants?: (address: string, headers: string) => boolean;
  /** Told of messages not wanted (their bodies are never fetched). */
  onSkipped?: (address: string) => void;
  onMessage: (address: string, message: Arrived) => void;
  onError: (address: string, error: Error) => void;
  onConnected?: (address: string, connected: boolean) => void;
}

export class MailboxWatcher {
  private stopped = false;
  private lastUid = 0;
  private client: ImapFlow | null = null;
  private wake: () => void = () => {};
  private loop: Promise<void> | null = null;
  reconnects = 0;
  connected = false;

  constructor(private readonly o: WatcherOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    const client = this.client;
    if (client) {
      // A polite LOGOUT if the server answers at once, else drop the socket.
      await Promise.race([client.logout().catch(() => undefined), delay(500)]);
      client.close();
    }
    await Promise.race([this.loop, delay(1000)]);
  }

  private async run(): Promise<void> {
    let backoff = 250;
    while (!this.stopped) {
      try {
        await this.session();
        backoff = 250;
      } catch (error) {
        if (!this.stopped) this.o.onError(this.o.address, error as Error);
      }
      this.setConnected(false);
      if (this.stopped) break;
      this.reconnects += 1;
      await this.sleep(backoff);
      backoff = Math.min(backoff * 2, 5000);
    }
  }

  private setConnected(value: boolean): void {
    if (this.connected === value) return;
    this.connected = value;
    this.o.onConnected?.(this.o.address, value);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private async session(): Promise<void> {
    const client = new ImapFlow({
      host: this.o.host,
      port: this.o.port,
      secure: false,
      // GreenMail takes any login: the address is the mailbox.
      auth: { user: this.o.address, pass: 'simulator' },
      logger: false,
      emitLogs: false,
      // imapflow waits 15 s before IDLE by default; new mail should be seen at once.
      autoIdleDelay: 200,
      connectionTimeout: 5000,
      greetingTimeout: 5000,
    });
    // Without a listener an IDLE drop would crash the process.
    client.on('error', (error: Error) => {
      if (!this.stopped) this.o.onError(this.o.address, error);
    });
    this.client = client;
    let dirty = true;
    const poke = () => {
      dirty = true;
      this.wake();
    };
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    try {
      await client.connect();
      if (this.stopped) return;
      await client.mailboxOpen('INBOX');
      this.setConnected(true);
      client.on('exists', poke);
      const timer = setInterval(poke, this.o.sweepMs ?? 2000);
      try {
        while (!this.stopped && client.usable) {
          if (dirty) {
            dirty = false;
            await this.sweep(client);
          }
          await Promise.race([new Promise<void>((resolve) => (this.wake = resolve)), closed]);
        }
      } finally {
        clearInterval(timer);
      }
    } finally {
      this.client = null;
      if (client.usable) await Promise.race([client.logout().catch(() => undefined), delay(500)]);
      client.close();
    }
  }

  private async sweep(client: ImapFlow): Promise<void> {
    const box = client.mailbox;
    if (!box || box.exists === 0) return;
    const found: { uid: number; headers: string; internalDate: number | null }[] = [];
    // Headers first: most of what arrives needs no answer, and its body is never fetched.
    // `n:*` always returns the newest message, even when n is past it.
    for await (const m of client.fetch(
      `${this.lastUid + 1}:*`,
      { uid: true, headers: true, internalDate: true },
      { uid: true },
    )) {
      if (m.uid <= this.lastUid) continue;
      const internal = m.internalDate ? new Date(m.internalDate).getTime() : null;
      found.push({
        uid: m.uid,
        headers: m.headers?.toString('latin1') ?? '',
        internalDate: internal,
      });
    }
    found.sort((a, b) => a.uid - b.uid);
    for (const m of found) {
      if (this.stopped) return;
      this.lastUid = Math.max(this.lastUid, m.uid);
      if (m.internalDate !== null && m.internalDate < this.o.since) continue;
      if (this.o.wants && !this.o.wants(this.o.address, m.headers)) {
        this.o.onSkipped?.(this.o.address);
        continue;
      }
      const whole = await client.fetchOne(
        String(m.uid),
        { uid: true, source: true },
        { uid: true },
      );
      if (!whole || !whole.source) continue;
      this.o.onMessage(this.o.address, {
        uid: m.uid,
        source: whole.source,
        internalDate: m.internalDate,
      });
    }
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
