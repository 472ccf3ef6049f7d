// A whole journey, ten months under time skipping: invitation, registration, assignment,
// three gatherings with attendance, follow-up between them, lessons learned.
import {
  replySignal,
  approveAssignmentUpdate,
  campaignWorkflowId,
  setGatheringUpdate,
} from '../../workflows/definitions';
import type { Campaign } from '../../domain/types';
import { DAY, municipality, Scenario } from '../support/scenario';
import { kari, ola, registration, reply } from '../support/replies';

jest.setTimeout(120_000);

let s: Scenario;
beforeAll(async () => {
  s = await Scenario.create();
});
afterAll(async () => {
  await s?.teardown();
});

test('a municipality goes from invitation to lessons learned', async () => {
  const campaign: Campaign = await s.campaign();
  const voss = municipality('4621');
  await s.startCampaign(campaign);
  const journey = await s.startJourney(campaign, voss);
  const campaignHandle = s.env.client.workflow.getHandle(campaignWorkflowId(campaign.id));

  expect((await s.state(campaign, voss.id)).stage).toBe('scheduled');
  await s.advanceTo(campaign, campaign.schedule.invitationAt);
  expect((await s.state(campaign, voss.id)).stage).toBe('invited');
  const invitation = s.sent.find((m) => m.template === 'invitation')!;
  expect(invitation.to).toEqual([{ name: 'Voss', address: voss.email }]);
  expect(invitation.step).toBe('invitation');

  await journey.signal(replySignal, {
    reply: registration([kari, ola], { networkPreference: 'A' }),
    assignedBy: null,
  });
  let state = await s.state(campaign, voss.id);
  expect(state.stage).toBe('registered');
  expect(state.participants.map((p) => p.name)).toEqual(['Kari Nordmann', 'Ola Hansen']);
  expect(state.networkPreference).toBe('A');
  expect(s.templates(voss.id)).toEqual(['invitation', 'registration-confirmation']);

  // No reminders to a municipality that answered.
  await s.advanceTo(campaign, campaign.schedule.registrationDeadline);
  expect(s.templates(voss.id)).not.toContain('registration-reminder');
  const proposed = await s.campaignState(campaign);
  expect(proposed.phase).toBe('awaiting-approval');
  expect(proposed.proposal!.networks.find((n) => n.id === 'A')!.municipalityIds).toEqual([voss.id]);

  await campaignHandle.executeUpdate(approveAssignmentUpdate, { args: [{ by: 'koordinator' }] });
  await s.advance(60_000);
  state = await s.state(campaign, voss.id);
  expect(state.network?.id).toBe('A');
  const a1 = state.network!.gatherings[0];
  expect(a1.date).toBe('2013-06-18');
  expect(a1.venue).not.toBeNull(); // proposed from the candidates at approval
  // Four weeks before 18 June has passed by the time networks are approved: the
  // attendance request follows the announcement at once.
  expect(s.templates(voss.id)).toEqual([
    'invitation',
    'registration-confirmation',
    'assignment',
    'gathering-announcement',
    'attendance-request',
  ]);
  expect((await s.state(campaign, voss.id)).stage).toBe('assigned');
  await journey.signal(replySignal, {
    reply: reply({
      kind: 'other',
      text: 'Begge kommer. Kari overnatter og er vegetarianer.',
      attendance: [
        {
          participant: null,
          attending: true,
          overnight: null,
          dinner: null,
          dietary: null,
          substitute: null,
        },
        {
          participant: 'Kari',
          attending: true,
          overnight: true,
          dinner: true,
          dietary: 'vegetar',
          substitute: null,
        },
      ],
    }),
    assignedBy: null,
  });
  state = await s.state(campaign, voss.id);
  const rows = state.gatherings[0].attendance;
  expect(rows.find((r) => r.name === 'Kari Nordmann')).toMatchObject({
    attending: true,
    overnight: true,
    dietary: 'vegetar',
  });
  expect(rows.find((r) => r.name === 'Ola Hansen')).toMatchObject({
    attending: true,
    overnight: null,
  });

  // Everyone answered: no reminder, but practical information three days before.
  await s.advanceTo(campaign, a1.endsAt!);
  const afterFirst = s.templates(voss.id);
  expect(afterFirst).not.toContain('gathering-reminder');
  expect(afterFirst).toContain('gathering-practical');
  expect((await s.state(campaign, voss.id)).stage).toBe('followup_1');

  await s.advanceTo(campaign, a1.endsAt!, 3 * DAY);
  expect(s.templates(voss.id).at(-1)).toBe('followup-1');
  expect((await s.state(campaign, voss.id)).stage).toBe('followup_1');

  // The second gathering had only a month: the coordinator sets it; the status request follows.
  await campaignHandle.executeUpdate(setGatheringUpdate, {
    args: [{ network: 'A', number: 2, date: '2013-10-15', venue: 'gardermoen', by: 'koordinator' }],
  });
  await s.advance(60_000);
  state = await s.state(campaign, voss.id);
  const a2 = state.network!.gatherings[1];
  expect(a2.startsAt).toBe('2013-10-15T08:00:00.000Z'); // 10:00 in Oslo, summer time
  await s.advanceTo(campaign, new Date(Date.parse(a2.startsAt!) - 21 * DAY).toISOString());
  expect(s.templates(voss.id).slice(-4)).toEqual([
    'gathering-announcement',
    'followup-reminder',
    'attendance-request',
    'status-request',
  ]);
  await journey.signal(replySignal, {
    reply: reply({ text: 'Vi har kartlagt innkjøpsområdet og funnet tre sikkerhetshull.' }),
    assignedBy: null,
  });
  expect((await s.state(campaign, voss.id)).reports.map((r) => r.kind)).toEqual(['status-1']);

  await s.advanceTo(campaign, a2.endsAt!);
  expect((await s.state(campaign, voss.id)).stage).toBe('followup_2');
  await campaignHandle.executeUpdate(setGatheringUpdate, {
    args: [{ network: 'A', number: 3, date: '2014-03-12', venue: 'gardermoen', by: 'koordinator' }],
  });
  await s.advanceTo(campaign, '2014-03-13T16:00:00.000Z');
  expect((await s.state(campaign, voss.id)).stage).toBe('lessons');
  await s.advanceTo(campaign, '2014-03-13T16:00:00.000Z', 4 * DAY);
  expect(s.templates(voss.id).at(-1)).toBe('lessons-request');

  await journey.signal(replySignal, {
    reply: reply({
      text: 'Risikokartleggingen virket best. Håndboka bør få et kapittel om innkjøp.',
    }),
    assignedBy: null,
  });
  const result = await journey.result();
  expect(result).toMatchObject({ stage: 'completed', network: 'A', participants: 2 });
  const final = await s.state(campaign, voss.id);
  expect(final.reports.map((r) => r.kind)).toEqual(['status-1', 'lessons']);
  expect(final.mails.every((m) => m.status === 'sent')).toBe(true);
  expect(s.templates(voss.id)).toEqual([
    'invitation',
    'registration-confirmation',
    'assignment',
    'gathering-announcement',
    'attendance-request',
    'gathering-practical',
    'followup-1',
    'gathering-announcement',
    'followup-reminder',
    'attendance-request',
    'status-request',
    'gathering-reminder',
    'gathering-practical',
    'gathering-announcement',
    'followup-2',
    'followup-reminder',
    'attendance-request',
    'status-request',
    'gathering-reminder',
    'gathering-practical',
    'lessons-request',
  ]);
  // Each mail about a gathering says which one.
  expect(
    s.sent.filter((m) => m.template === 'gathering-announcement').map((m) => m.context.gathering),
  ).toEqual([1, 2, 3]);
});
