// The funnel advancing on the terminal while the demo runs: redrawn in place on a
// terminal, a line per change otherwise (CI logs).
import type { Client } from '@temporalio/client';
import { toCampaignTime } from '../domain/campaign/clock';
import type { Campaign, Stage } from '../domain/types';
import { countByStage } from '../operations/journeys';
import { funnelFromStages } from '../operations/status';

const PLACED_STAGES: [Stage, string][] = [
  ['assigned', 'assigned'],
  ['gathering_1', 'g1'],
  ['followup_1', 'f1'],
  ['gathering_2', 'g2'],
  ['followup_2', 'f2'],
  ['gathering_3', 'g3'],
  ['lessons', 'lessons'],
];

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
    const stages = await countByStage(this.client, this.campaignId);
    const f = funnelFromStages(stages);
    const day = toCampaignTime(this.campaign.clock, Date.now()).slice(0, 10);
    // Where the placed ones are: «g1» at the first gathering, «f1» following up after it.
    const where = PLACED_STAGES.filter(([stage]) => stages[stage] > 0)
      .map(([stage, short]) => `${short} ${stages[stage]}`)
      .join(' · ');
    const line =
      `invited ${f.invited}  answered ${f.answered}  registered ${f.registered}  declined ${f.declined}  ` +
      `no answer ${f.noAnswer}  waiting list ${f.waitingList}  placed ${f.placed}  completed ${f.completed}` +
      (where ? `  (${where})` : '');
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
