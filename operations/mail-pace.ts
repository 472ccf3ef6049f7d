// How long the invitations take to go out, in campaign days. `--compress` shortens the campaign
// day but not the mail rate: the workers send MAIL_RATE_PER_MINUTE across the whole task queue
// (their setting, not the CLI's), so at 30 a minute 428 invitations take a quarter of an hour,
// which at one second a day is some 850 campaign days, far past the deadline. The CLI cannot
// change the workers' rate, so it says this before starting, and what to set. Pure.
import type { Campaign } from '../domain/types';

const DAY_MS = 86_400_000;

export interface InvitationPace {
  invitations: number;
  ratePerMinute: number;
  /** Real time until the last invitation is sent. */
  realMs: number;
  /** The same in campaign days. */
  campaignDays: number;
  /** Campaign days from the invitation to the first reminder (or the deadline). */
  daysUntilReminder: number;
  /** More than one campaign day, or past the first reminder: worth a warning. */
  tooSlow: boolean;
  /** The rate that sends them all within one campaign day. */
  rateForOneDay: number;
  /** A campaign day long enough (e.g. `15m`) for them all at the current rate. */
  compressForOneDay: string;
}

export function invitationPace(
  campaign: Campaign,
  invitations: number,
  ratePerMinute: number,
): InvitationPace {
  const msPerDay = DAY_MS / campaign.clock.factor;
  const realMs = (invitations / ratePerMinute) * 60_000;
  const campaignDays = realMs / msPerDay;
  const { invitationAt, registrationDeadline, registrationReminders } = campaign.schedule;
  const window = Date.parse(registrationDeadline) - Date.parse(invitationAt);
  const firstReminder = registrationReminders.length
    ? Math.min(window, window - Math.max(...registrationReminders))
    : window;
  const daysUntilReminder = Math.max(0, firstReminder) / DAY_MS;
  return {
    invitations,
    ratePerMinute,
    realMs,
    campaignDays,
    daysUntilReminder,
    tooSlow: campaignDays > 1 || campaignDays > daysUntilReminder,
    rateForOneDay: Math.ceil(invitations / (msPerDay / 60_000)),
    compressForOneDay: durationText(Math.max(realMs, 1)),
  };
}

/** The smallest «500ms», «3s», «15m» that is at least `ms`. */
function durationText(ms: number): string {
  if (ms < 1000) return `${Math.ceil(ms)}ms`;
  if (ms < 60_000) return `${Math.ceil(ms / 1000)}s`;
  return `${Math.ceil(ms / 60_000)}m`;
}

/** «14 min 16 s», «2 h 3 min», «800 ms». */
export function realTimeText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** What the CLI prints before a compressed start: the pace and, when too slow, what to set. */
export function paceText(p: InvitationPace): string {
  const days = p.campaignDays < 10 ? p.campaignDays.toFixed(1) : Math.round(p.campaignDays);
  const head =
    `Mail pace: ${p.invitations} invitation${p.invitations === 1 ? '' : 's'} at ${p.ratePerMinute} a minute ` +
    `(MAIL_RATE_PER_MINUTE) take ${realTimeText(p.realMs)}, ${days} campaign day${days === '1.0' ? '' : 's'}.`;
  if (!p.tooSlow) return head;
  return (
    `${head} The first reminder is due ${Math.round(p.daysUntilReminder)} campaign days after the ` +
    'invitation, so many municipalities would be invited late or not before the deadline. ' +
    `To send them within one campaign day, set MAIL_RATE_PER_MINUTE=${p.rateForOneDay} for the ` +
    `worker and restart it, or compress less: --compress ${p.compressForOneDay}.`
  );
}
