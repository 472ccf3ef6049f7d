// The demo's day length from what the probe measured: the slower of the two needs decides,
// never under the floor, and the reason names the one that decided.
import { chooseDayLength, DAY_RULE } from '../../../demo/calibrate';

describe('chooseDayLength', () => {
  it('keeps the floor on a machine fast enough for it', () => {
    const choice = chooseDayLength(
      { probes: 8, invitationsPerSecond: 40, roundTripMs: 200 },
      36,
      500,
    );
    expect(choice.msPerDay).toBe(500);
    expect(choice.reason).toMatch(/the floor of 500 ms/);
  });

  it('makes the day long enough that a reply round trip is at most half of it', () => {
    const choice = chooseDayLength(
      { probes: 8, invitationsPerSecond: 40, roundTripMs: 1330 },
      36,
      500,
    );
    expect(choice.msPerDay).toBe(2700);
    expect(1330 / choice.msPerDay).toBeLessThanOrEqual(DAY_RULE.roundTripShare);
    expect(choice.reason).toMatch(/1330 ms reply round trip.*the reply round trip/);
  });

  it('fits every invitation of a long list within four campaign days', () => {
    // 371 invitations at 9.3 a second (as measured in the 2-CPU run of the whole list): 40 s.
    const choice = chooseDayLength(
      { probes: 8, invitationsPerSecond: 9.3, roundTripMs: 300 },
      371,
      900,
    );
    expect((371 / 9.3) * 1000).toBeLessThanOrEqual(DAY_RULE.fanOutDays * choice.msPerDay);
    expect(choice.msPerDay).toBe(10000);
    expect(choice.reason).toMatch(/371 invitations \(39\.9 s\) within 4 campaign days/);
  });

  it('rounds up to whole tenths of a second', () => {
    const choice = chooseDayLength(
      { probes: 8, invitationsPerSecond: 100, roundTripMs: 501 },
      10,
      500,
    );
    expect(choice.msPerDay).toBe(1100);
  });
});
