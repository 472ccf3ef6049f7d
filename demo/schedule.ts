// Dates for the gatherings the invitation only promised as a month: the demo's
// coordinator sets them after approving the networks, as the real one would.
import type { Campaign } from '../domain/types';

const DAY = 86_400_000;

/** The n-th Tuesday (1-based) of a month, as YYYY-MM-DD. */
function tuesday(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (2 - first.getUTCDay() + 7) % 7; // 2 = Tuesday
  return new Date(Date.UTC(y, m - 1, 1 + offset + 7 * (n - 1))).toISOString().slice(0, 10);
}

/** The first Tuesday on or after a day. */
function tuesdayFrom(ms: number): string {
  const d = new Date(ms);
  const offset = (2 - d.getUTCDay() + 7) % 7;
  return new Date(ms + offset * DAY).toISOString().slice(0, 10);
}

/**
 * A Tuesday in the promised month, a different week for each network; never sooner than
 * three weeks from `today` (the participants are asked four weeks ahead, so a date set
 * later than the month allows still gets its mail), and a month after the network's last.
 */
export function gatheringDates(
  campaign: Campaign,
  today: string,
): { network: string; number: number; date: string }[] {
  const out: { network: string; number: number; date: string }[] = [];
  const earliest = Date.parse(today.slice(0, 10)) + 21 * DAY;
  campaign.networks.forEach((network, i) => {
    let previous = 0;
    for (const g of network.gatherings) {
      if (g.date) {
        previous = Date.parse(g.date);
        continue;
      }
      let date = tuesday(g.month, 2 + i);
      const bound = Math.max(earliest, previous + 28 * DAY);
      if (Date.parse(date) < bound) date = tuesdayFrom(bound);
      out.push({ network: network.id, number: g.number, date });
      previous = Date.parse(date);
    }
  });
  return out;
}

/**
 * The campaign day (ms) a 2-CPU machine keeps up with for this many municipalities. Measured
 * with all 371 at 900 ms a day: the invitations took 40 s (45 campaign days) and replies were
 * read at about five a second, so most registrations counted as after the deadline. About
 * 25 ms a day per municipality keeps the invitations within a few days; never under 900 ms.
 */
export function dayLengthFor(municipalities: number): number {
  return Math.max(900, Math.ceil(municipalities / 4) * 100);
}
