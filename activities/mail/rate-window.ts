// The mail rate as the provider counts it: at most `limit` messages in any 60 s, exactly.
//
// Why not the task queue's rate limit alone: the server splits `maxTaskQueueActivitiesPerSecond`
// across the queue's partitions (four by default), each a token bucket of its own, so the
// queue as a whole went out at about half the limit (16/min at 30/min) and, with one
// partition, overshot it by one. A sliding window in the worker holds to the message.
//
// What counts: a send holds its slot from the moment it is admitted (before the SMTP
// exchange begins) until 60 s after the exchange ended, accepted or not (an exchange cut at
// its deadline may still have reached the server). So whatever the exchanges' lengths, any
// 60 s of arrivals at the server belongs to sends that all held a slot at once when the
// last of them was admitted: never more than `limit`.
//
// `SlidingWindow` is the arithmetic, pure over the times it is given (unit-tested with a
// fake clock); `SendGate` queues the sends waiting their turn, first come first served.

export class SlidingWindow {
  /** When each finished send leaves the window (its end + the window), unordered. */
  private leaving: number[] = [];
  private inFlight = 0;

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit must be ≥ 1, got ${limit}`);
  }

  /** Slots held at `now`: sends in flight and sends that ended within the window. */
  used(now: number): number {
    this.leaving = this.leaving.filter((t) => t > now);
    return this.inFlight + this.leaving.length;
  }

  /** Takes a slot if one is free at `now`. */
  tryAcquire(now: number): boolean {
    if (this.used(now) >= this.limit) return false;
    this.inFlight += 1;
    return true;
  }

  /** The send that held a slot ended at `now`: its slot frees a window later. */
  release(now: number): void {
    if (this.inFlight === 0) throw new Error('release without acquire');
    this.inFlight -= 1;
    this.leaving.push(now + this.windowMs);
  }

  /**
   * The earliest time a slot can be free, as far as is known at `now`: `now` if one is;
   * otherwise when the first finished send leaves; Infinity when every slot is held by a send
   * still in flight (the next release tells).
   */
  nextFree(now: number): number {
    if (this.used(now) < this.limit) return now;
    return this.leaving.length ? Math.min(...this.leaving) : Infinity;
  }
}

export interface Permit {
  /** The exchange is over (sent, refused or cut): the slot frees a window from now. */
  done(): void;
}

export class WaitTooLong extends Error {
  constructor(readonly until: number) {
    super('No turn in the mail rate window before the attempt must end');
    this.name = 'WaitTooLong';
  }
}

interface Waiter {
  latest: number;
  resolve(permit: Permit): void;
  reject(error: Error): void;
}

export class SendGate {
  private readonly window: SlidingWindow;
  private readonly waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    limit: number,
    private readonly now: () => number = Date.now,
    windowMs = 60_000,
  ) {
    this.window = new SlidingWindow(limit, windowMs);
  }

  get limit(): number {
    return this.window.limit;
  }

  /**
   * Resolves when this send may begin. Rejects with `WaitTooLong` as soon as it is known
   * that no slot comes by `latest` (the caller has then sent nothing and can retry), and
   * with the signal's reason when the attempt is cancelled while waiting.
   */
  admit(latest: number, signal?: AbortSignal): Promise<Permit> {
    return new Promise<Permit>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const waiter: Waiter = { latest, resolve, reject };
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.waiting.indexOf(waiter);
          if (i < 0) return;
          this.waiting.splice(i, 1);
          reject(signal.reason as Error);
          this.pump();
        },
        { once: true },
      );
      this.waiting.push(waiter);
      this.pump();
    });
  }

  /** Admits waiters in order while slots are free; sets a timer for the next free slot. */
  private pump(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const now = this.now();
    while (this.waiting.length && this.window.tryAcquire(now)) {
      const waiter = this.waiting.shift()!;
      let released = false;
      waiter.resolve({
        done: () => {
          if (released) return;
          released = true;
          this.window.release(this.now());
          this.pump();
        },
      });
    }
    if (!this.waiting.length) return;
    const next = this.window.nextFree(now);
    // Those who cannot have a slot in time learn it now rather than at their deadline.
    // Slots go in order, so only the first waiter's prospects are certain; the rest are
    // told when they reach the front.
    const first = this.waiting[0];
    const hopeless = Number.isFinite(next) ? next > first.latest : now >= first.latest;
    if (hopeless) {
      this.waiting.shift();
      first.reject(new WaitTooLong(next));
      this.pump();
      return;
    }
    // Every slot held by a send in flight: its release pumps; else look at the deadline.
    const at = Number.isFinite(next) ? next : first.latest;
    if (Number.isFinite(at)) {
      this.timer = setTimeout(() => this.pump(), Math.max(0, at - now));
      this.timer.unref?.();
    }
  }
}
