// The mail rate's window, on a fake clock: never more than the limit in any 60 s of
// arrivals, whatever the exchanges' lengths; the next send goes as soon as a slot frees.
import { SendGate, SlidingWindow, WaitTooLong } from '../../../activities/mail/rate-window';
import { rateWhileWaiting, windowMax } from '../../../bench/smtp-tap';

describe('SlidingWindow', () => {
  test('admits the limit at once, then nothing until the first finished send is a window old', () => {
    const w = new SlidingWindow(3, 60_000);
    expect([w.tryAcquire(0), w.tryAcquire(0), w.tryAcquire(0), w.tryAcquire(0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    w.release(100);
    w.release(500);
    expect(w.nextFree(1_000)).toBe(60_100);
    expect(w.tryAcquire(60_099)).toBe(false);
    expect(w.tryAcquire(60_100)).toBe(true);
    expect(w.tryAcquire(60_100)).toBe(false);
    expect(w.nextFree(60_200)).toBe(60_500);
  });

  test('a send still in flight holds its slot however long it takes', () => {
    const w = new SlidingWindow(1, 60_000);
    expect(w.tryAcquire(0)).toBe(true);
    expect(w.nextFree(120_000)).toBe(Infinity);
    expect(w.tryAcquire(120_000)).toBe(false);
    w.release(120_000);
    expect(w.nextFree(120_001)).toBe(180_000);
  });

  test('refuses a limit below one and a release without a send', () => {
    expect(() => new SlidingWindow(0)).toThrow();
    expect(() => new SlidingWindow(2).release(0)).toThrow('release without acquire');
  });
});

describe('SendGate on a fake clock', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  /** `n` sends through a gate of `limit`, each exchange taking `exchangeMs(i)`; arrival times. */
  async function run(limit: number, n: number, exchangeMs: (i: number) => number) {
    const gate = new SendGate(limit, () => Date.now());
    const arrivals: number[] = [];
    const sends = Array.from({ length: n }, async (_, i) => {
      const permit = await gate.admit(Infinity);
      await new Promise((r) => setTimeout(r, exchangeMs(i)));
      arrivals.push(Date.now());
      permit.done();
    });
    const all = Promise.all(sends);
    for (let t = 0; t < 20 * 60_000 && arrivals.length < n; t += 250)
      await jest.advanceTimersByTimeAsync(250);
    await all;
    return arrivals;
  }

  test('100 sends at 30 a minute: never 31 in a window, 30 a minute while mail waits', async () => {
    // Uneven exchanges: a fast send admitted later must not arrive inside an earlier window.
    const arrivals = await run(30, 100, (i) => [50, 2_000, 300, 7_000][i % 4]);
    expect(arrivals).toHaveLength(100);
    expect(windowMax(arrivals)).toBeLessThanOrEqual(30);
    expect(rateWhileWaiting(arrivals)).toBeGreaterThanOrEqual(27);
  });

  test('a limit of one sends one a minute', async () => {
    const arrivals = await run(1, 4, () => 10);
    expect(windowMax(arrivals)).toBe(1);
    expect(arrivals[3] - arrivals[0]).toBeLessThan(3 * 60_000 + 1_000);
  });

  test('a send that cannot have a turn by its deadline is told at once, and the next waiter goes on', async () => {
    const gate = new SendGate(1, () => Date.now());
    const first = await gate.admit(Infinity);
    first.done(); // slot free again at 60 000
    const hopeless = gate.admit(30_000);
    const patient = gate.admit(Infinity);
    await expect(hopeless).rejects.toBeInstanceOf(WaitTooLong);
    let admitted = false;
    void patient.then(() => (admitted = true));
    await jest.advanceTimersByTimeAsync(59_999);
    expect(admitted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(admitted).toBe(true);
  });

  test('a waiter whose attempt is cancelled leaves the queue', async () => {
    const gate = new SendGate(1, () => Date.now());
    await gate.admit(Infinity); // held, never done
    const abort = new AbortController();
    const waiting = gate.admit(Infinity, abort.signal);
    abort.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});

describe('measuring arrivals', () => {
  test('windowMax counts sends less than a window apart', () => {
    expect(windowMax([0, 59_999, 60_000, 119_999])).toBe(2);
    expect(windowMax([])).toBe(0);
  });

  test('rateWhileWaiting counts whole windows before the last send', () => {
    const burst = (at: number, n: number) => Array.from({ length: n }, () => at);
    expect(rateWhileWaiting([...burst(0, 30), ...burst(60_100, 30), ...burst(120_200, 20)])).toBe(
      30,
    );
    expect(rateWhileWaiting([0, 1_000])).toBeNull();
  });
});
