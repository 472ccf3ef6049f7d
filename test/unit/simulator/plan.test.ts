// The demo mix: every persona present, nynorsk where the municipality writes nynorsk, invented
// people under the municipality's own domains, and a funnel that the assignment turns into
// three networks of 20–30 with the late registrations on the waiting list, whatever the order
// the registrations happen to arrive in.
import { assignmentInput, proposeAssignment } from '../../../domain/assignment';
import { instantMs } from '../../../domain/time';
import { isJobTitle, isPersonName } from '../../../mail/incoming/names';
import {
  DEMO_MIX,
  defaultPersona,
  planAll,
  PERSONAS,
  expectedOutcome,
} from '../../../demo/simulator';
import { rng } from '../../../demo/simulator/people';
import {
  ATTENDANCE_WINDOW,
  STATUS_WINDOW,
  beforeGathering,
  firstDateIn,
  registrationAt,
  returnDate,
} from '../../../demo/simulator/timing';
import { campaign, demoMunicipalities, ourMail } from './helpers';

const plans = planAll(demoMunicipalities);

describe('the demo mix', () => {
  it('has one slot per demo municipality and every persona', () => {
    expect(DEMO_MIX).toHaveLength(demoMunicipalities.length);
    expect(new Set(plans.map((p) => p.persona))).toEqual(new Set(PERSONAS));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(planAll(demoMunicipalities))).toBe(JSON.stringify(plans));
    expect(demoMunicipalities.map((m, i) => defaultPersona(m, i))).toEqual(
      plans.map((p) => p.persona),
    );
  });

  it('writes nynorsk where the municipality does, bokmål elsewhere', () => {
    for (const p of plans)
      expect([p.municipality.name, p.lang]).toEqual([
        p.municipality.name,
        p.municipality.languageForm === 'nynorsk' ? 'nn' : 'nb',
      ]);
    expect(plans.filter((p) => p.lang === 'nn').map((p) => p.persona)).toEqual(
      expect.arrayContaining([
        'gmail-form',
        'outlook-list',
        'ipad-prose',
        'thunderbird-blocks',
        'decline',
        'owa-table',
        'outlook-list-1252',
      ]),
    );
  });

  it('invents people with Norwegian names and titles, addresses only under the municipality’s domains', () => {
    for (const p of plans) {
      const people = [p.contact, ...p.participants, ...(p.substitute ? [p.substitute.in] : [])];
      for (const q of people) {
        expect(isPersonName(q.name)).toBe(true);
        expect(isJobTitle(q.title)).toBe(true);
        const domain = q.email.split('@')[1];
        expect(p.municipality.domains).toContain(domain);
        expect(domain.endsWith('.example')).toBe(true);
      }
      expect(new Set(p.participants.map((q) => q.email)).size).toBe(p.participants.length);
      expect(new Set(p.participants.map((q) => q.name.split(' ')[0])).size).toBe(
        p.participants.length,
      );
    }
  });

  it('sends 2–3 participants, one sends four; one substitute, one absence, a few silent on lessons', () => {
    const sizes = plans.filter((p) => p.participants.length).map((p) => p.participants.length);
    expect(sizes.filter((n) => n === 4)).toHaveLength(1);
    expect(sizes.every((n) => n >= 2 && n <= 4)).toBe(true);
    expect(plans.filter((p) => p.substitute)).toHaveLength(1);
    expect(plans.filter((p) => p.absent)).toHaveLength(1);
    expect(
      plans.filter((p) => p.participants.length && p.lessons === 'never').length,
    ).toBeGreaterThanOrEqual(2);
    expect(plans.filter((p) => p.attendanceMode === 'each').length).toBeGreaterThanOrEqual(3);
    expect(
      plans.some((p) => Object.values(p.attendance).some((a) => a.dietary === 'vegetar')),
    ).toBe(true);
    expect(
      plans.some((p) => Object.values(p.attendance).some((a) => a.dietary === 'glutenfri')),
    ).toBe(true);
  });

  it('registers well before the deadline, except the late ones', () => {
    const deadline = instantMs(campaign.schedule.registrationDeadline);
    for (const p of plans) {
      const at = registrationAt(p, campaign, campaign.schedule.invitationAt);
      if (!at) continue;
      expect(instantMs(at)).toBeLessThanOrEqual(deadline - 5 * 86_400_000);
      expect(instantMs(at)).toBeGreaterThan(instantMs(campaign.schedule.invitationAt));
    }
    expect(returnDate(campaign.schedule.invitationAt)).toBe('2013-05-06');
  });
});

describe('what the campaign should end with', () => {
  const expected = expectedOutcome(plans, campaign);

  it('counts the funnel', () => {
    expect(expected.invited).toBe(36);
    expect(expected.registeredOnTime).toBe(30);
    expect(expected.registeredLate).toBe(2);
    expect(expected.counts).toEqual({
      completed: 30,
      declined: 2,
      no_response: 2,
      waiting_list: 2,
    });
    expect(expected.placedParticipants).toBe(88);
    expect(expected.waitingList).toEqual(['5006', '5601']);
    expect(expected.flags).toEqual({
      question: 1,
      bounce: 1,
      'late-registration': 2,
      'over-limit': 1,
      substitute: 1,
    });
    expect(expected.lessonsReports).toBe(27);
  });

  it('fits three networks of 20–30 in any registration order, and never seats a late one', () => {
    const r = rng('orders');
    const onTime = plans
      .filter((p) => registrationAt(p, campaign, campaign.schedule.invitationAt))
      .map((p) => ({
        municipalityId: p.municipality.id,
        name: p.municipality.name,
        participants: p.participants.length,
        preference: p.networkWish,
        lat: p.municipality.lat,
        lon: p.municipality.lon,
      }));
    const late = plans.filter((p) => p.persona === 'late');
    for (let round = 0; round < 60; round++) {
      const order = [...onTime].sort(() => r() - 0.5);
      const registrations = order.map((x, i) => ({
        ...x,
        registeredAt: new Date(Date.UTC(2013, 3, 24) + i * 3_600_000).toISOString(),
      }));
      const withLate = [
        ...registrations,
        ...late.map((p, i) => ({
          municipalityId: p.municipality.id,
          name: p.municipality.name,
          participants: p.participants.length,
          preference: p.networkWish,
          lat: p.municipality.lat,
          lon: p.municipality.lon,
          registeredAt: new Date(Date.UTC(2013, 4, 25) + i * 3_600_000).toISOString(),
        })),
      ];
      // Approved before the late ones came, or proposed again with them: the same outcome.
      for (const list of [registrations, withLate]) {
        const proposal = proposeAssignment(assignmentInput(campaign, list));
        expect(
          proposal.waitingList.filter((id) => !late.some((p) => p.municipality.id === id)),
        ).toEqual([]);
        for (const n of proposal.networks) {
          expect(n.participants).toBeGreaterThanOrEqual(20);
          expect(n.participants).toBeLessThanOrEqual(30);
        }
      }
    }
  });
});

describe('answers about a gathering come before it', () => {
  const start = '2013-10-17T08:00:00.000Z';
  it('after the persona’s days when there is time, at once when the request came late', () => {
    const w = ATTENDANCE_WINDOW;
    expect(beforeGathering('2013-09-26T08:00:00.000Z', 3, start, w)).toBe(
      '2013-09-29T08:00:00.000Z',
    );
    expect(beforeGathering('2013-10-15T08:00:00.000Z', 3, start, w)).toBe(
      '2013-10-16T08:00:00.000Z',
    );
    expect(beforeGathering('2013-10-16T12:00:00.000Z', 3, start, w)).toBe(
      '2013-10-16T12:00:00.000Z',
    );
    expect(beforeGathering('2013-10-17T07:00:00.000Z', 3, start, w)).toBeNull();
    expect(beforeGathering('2013-10-15T08:00:00.000Z', 3, null, w)).toBe(
      '2013-10-18T08:00:00.000Z',
    );
    // A status report must be read before the gathering: left unanswered when it came too late.
    expect(beforeGathering('2013-09-26T08:00:00.000Z', 6, start, STATUS_WINDOW)).toBe(
      '2013-10-02T08:00:00.000Z',
    );
    expect(beforeGathering('2013-10-09T08:00:00.000Z', 6, start, STATUS_WINDOW)).toBe(
      '2013-10-12T08:00:00.000Z',
    );
    expect(beforeGathering('2013-10-13T08:00:00.000Z', 2, start, STATUS_WINDOW)).toBeNull();
  });

  it('reads the next gathering’s date from a status request', async () => {
    const plan = plans[0];
    const mail = await ourMail(plan, 'status-request', {
      step: 'g1-status-request-1',
      gathering: 1,
    });
    expect(firstDateIn(mail.original.text)).toBe('2013-10-16T22:00:00.000Z');
    expect(firstDateIn('Før neste samling')).toBeNull();
  });
});
