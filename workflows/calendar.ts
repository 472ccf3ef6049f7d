// Sleeping in the campaign's calendar. The campaign clock maps its dates onto real time
// (identity in production, compressed in the demo, shifted in tests); workflows keep
// every date in campaign time and convert only here, where they wait.
import { condition, sleep } from '@temporalio/workflow';
import { toCampaignTime, toRealTime } from '../domain/campaign/clock';
import type { CampaignClock, Instant } from '../domain/types';

export class CampaignCalendar {
  constructor(private readonly clock: CampaignClock) {}

  now(): Instant {
    return toCampaignTime(this.clock, Date.now());
  }

  /** The campaign instant of a real moment (epoch ms). */
  at(realMs: number): Instant {
    return toCampaignTime(this.clock, realMs);
  }

  hasPassed(t: Instant): boolean {
    return toRealTime(this.clock, t) <= Date.now();
  }

  async sleepUntil(t: Instant): Promise<void> {
    const ms = Math.ceil(toRealTime(this.clock, t) - Date.now());
    if (ms > 0) await sleep(ms);
  }

  /**
   * Waits until the instant `target()` names has passed, following it when it moves
   * (a gathering's date set or changed) and waiting while it is unknown (null).
   * Returns false if `interrupt()` became true first.
   */
  async until(
    target: () => Instant | null,
    interrupt: () => boolean = () => false,
  ): Promise<boolean> {
    for (;;) {
      if (interrupt()) return false;
      const t = target();
      if (t === null) {
        await condition(() => interrupt() || target() !== null);
        continue;
      }
      const ms = Math.ceil(toRealTime(this.clock, t) - Date.now());
      if (ms <= 0) return true;
      const woken = await condition(() => interrupt() || target() !== t, ms);
      if (!woken) return true;
    }
  }
}
