// Dates for the gatherings the invitation only promised as a month: the demo's
// coordinator sets them after approving the networks, as the real one would.
import type { Campaign } from '../domain/types';

/** The n-th Tuesday (1-based) of a month, as YYYY-MM-DD. */
function tuesday(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (2 - first.getUTCDay() + 7) % 7; // 2 = Tuesday
  return new Date(Date.UTC(y, m - 1, 1 + offset + 7 * (n - 1))).toISOString().slice(0, 10);
}

export function gatheringDates(
  campaign: Campaign,
): { network: string; number: number; date: string }[] {
  const out: { network: string; number: number; date: string }[] = [];
  campaign.networks.forEach((network, i) => {
    for (const g of network.gatherings) {
      // Networks meeting in the same month get different weeks.
      if (!g.date)
        out.push({ network: network.id, number: g.number, date: tuesday(g.month, 2 + i) });
    }
  });
  return out;
}
