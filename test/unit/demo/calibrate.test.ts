// The demo's day length from what the probe measured: the slower of the two needs decides,
// never under the floor, and the reason names the one that decided.
import { chooseDayLength, DAY_RULE } from '../../../demo/calibrate';

describe('chooseDayLength', () => {
  it('keeps the floor on a machine fast enough for it', () => {
    const choice = chooseDayLength(
      { probes: 8, invitationsPerSecond: 40, roundTripMs: 200, slowestRoundTripMs: 400 },
      36,
      500,
    );
    expect(choice.msPerDay).toBe(500);
    expect(choice.reason).toMatch(/the floor of 500 ms/);
  });

  it('makes the day long enough that a reply round trip is at most half of it', () => {
    const choice = chooseDayLength(
      { probes: 8, invitationsPerSecond: 40, roundTripMs: 1330, slowestRoundTripMs: 2000 },
      36,
      500,
    );
    expect(choice.msPerDay).toBe(2700);
    expect(1330 / choice.msPerDay).toBeLessThanOrEqual(DAY_RULE.roundTripShare);
    expect(choice.reason).toMatch(/1330 ms reply round trip \(median of 8.*the reply round trip/);
  });

  it('fits every invitation of a long list within ten campaign days', () => {
    // 371 invitations at 3.71 a second (a loaded 2-CPU machine): 100 s.
    const choice = chooseDayLength(
      { probes: 8, invitationsPerSecond: 3.71, roundTripMs: 300, slowestRoundTripMs: 600 },
      371,
      900,
    );
    expect((371 / 3.71) * 1000).toBeLessThanOrEqual(DAY_RULE.fanOutDays * choice.msPerDay);
    expect(choice.msPerDay).toBe(10000);
    expect(choice.reason).toMatch(/371 invitations \(100\.0 s\) within 10 campaign days/);
  });

  it('rounds up to whole tenths of a second', () => {
    const choice = chooseDayLength(
      { probes: 8, invitationsPerSecond: 100, roundTripMs: 501, slowestRoundTripMs: 900 },
      10,
      500,
    );
    expect(choice.msPerDay).toBe(1100);
  });
});
