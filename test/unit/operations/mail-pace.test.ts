// The invitations' pace in campaign days under --compress (issue 11).
import path from 'node:path';
import { loadCampaignFile } from '../../../platform/files/campaign-file';
import { compressCampaign } from '../../../domain/campaign/clock';
import { invitationPace, paceText, realTimeText } from '../../../operations/mail-pace';

const file = loadCampaignFile(path.resolve(__dirname, '../../../campaigns/ks-ti-2013.yaml'));
const compressed = (msPerDay: number) =>
  compressCampaign(file, { start: '2026-01-01T00:00:00.000Z', msPerDay });

describe('invitationPace', () => {
  it('428 municipalities at 30 a minute and a second a day: 856 campaign days, past the reminders', () => {
    const p = invitationPace(compressed(1000), 428, 30);
    expect(realTimeText(p.realMs)).toBe('14 min 16 s');
    expect(p.campaignDays).toBeCloseTo(856, 6);
    expect(p.daysUntilReminder).toBeGreaterThan(0);
    expect(p.tooSlow).toBe(true);
    // 428 within one second of real time: 428 a second.
    expect(p.rateForOneDay).toBe(428 * 60);
    expect(p.compressForOneDay).toBe('15m');
    const text = paceText(p);
    expect(text).toContain(
      'Mail pace: 428 invitations at 30 a minute (MAIL_RATE_PER_MINUTE) take 14 min 16 s, 856 campaign days.',
    );
    expect(text).toContain(
      'set MAIL_RATE_PER_MINUTE=25680 for the worker and restart it, or compress less: --compress 15m.',
    );
  });

  it('a campaign day of 15 minutes holds them all: one line, no advice', () => {
    const p = invitationPace(compressed(15 * 60_000), 428, 30);
    expect(p.campaignDays).toBeLessThan(1);
    expect(p.tooSlow).toBe(false);
    expect(paceText(p)).toBe(
      'Mail pace: 428 invitations at 30 a minute (MAIL_RATE_PER_MINUTE) take 14 min 16 s, 1.0 campaign day.',
    );
  });

  it('the real calendar is never too slow for a Nordic campaign', () => {
    const p = invitationPace(file, 1100, 30);
    expect(p.campaignDays).toBeLessThan(0.03);
    expect(p.tooSlow).toBe(false);
  });

  it('one invitation says so in the singular', () => {
    expect(paceText(invitationPace(compressed(1000), 1, 30))).toMatch(
      /^Mail pace: 1 invitation at/,
    );
  });
});
