// The funnel advancing on the terminal while the demo runs: redrawn in place on a
// terminal, a line per change otherwise (CI logs).
import type { Client } from '@temporalio/client';
import { toCampaignTime } from '../domain/campaign/clock';
import type { Campaign } from '../domain/types';
import { countByStage } from '../operations/journeys';
import { funnelFromStages } from '../operations/status';

export class LiveFunnel {
  private timer: NodeJS.Timeout | null = null;
  private paused = false;
  private lastLine = '';
  private drawn = 0;
  private readonly tty = Boolean(process.stdout.isTTY);

  constructor(
    private readonly client: Client,
    private readonly campaignId: string,
    private readonly campaign: Campaign,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick().catch(() => undefined), this.tty ? 500 : 1000);
  }

  pause(): void {
    this.paused = true;
    this.drawn = 0;
  }

  resume(): void {
    this.paused = false;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    if (this.paused) return;
    const f = funnelFromStages(await countByStage(this.client, this.campaignId));
    const day = toCampaignTime(this.campaign.clock, Date.now()).slice(0, 10);
    const line =
      `invited ${f.invited}  answered ${f.answered}  registered ${f.registered}  declined ${f.declined}  ` +
      `no answer ${f.noAnswer}  waiting list ${f.waitingList}  placed ${f.placed}  completed ${f.completed}`;
    if (this.paused) return;
    if (this.tty) {
      if (this.drawn) process.stdout.write('\x1b[1A\x1b[2K');
      process.stdout.write(`[${day}] ${line}\n`);
      this.drawn = 1;
    } else if (line !== this.lastLine) {
      process.stdout.write(`[${day}] ${line}\n`);
    }
    this.lastLine = line;
  }
}
