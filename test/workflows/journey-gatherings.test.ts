// Gatherings whose date comes late or moves, substitutes, the waiting list, lessons
// learned that never come, and the campaign's rules for the coordinator's changes.
import type { Campaign } from '../../domain/types';
import { toRealTime } from '../../domain/campaign/clock';
import {
  approveAssignmentUpdate,
  campaignWorkflowId,
  moveMunicipalityUpdate,
  replySignal,
  setGatheringUpdate,
} from '../../workflows/definitions';
import { DAY, municipality, Scenario } from '../support/scenario';
import { kari, lise, ola, participant, per, registration, reply } from '../support/replies';

jest.setTimeout(180_000);

let s: Scenario;
let n = 0;
beforeAll(async () => {
  s = await Scenario.create();
});
afterAll(async () => {
  await s?.teardown();
});

async function freshCampaign(edit: (c: Campaign) => Campaign = (c) => c): Promise<Campaign> {
  n += 1;
  const campaign = await s.campaign(60_000, (c) => edit({ ...c, id: `gath-${n}` }));
  await s.startCampaign(campaign);
  return campaign;
}
const campaignHandle = (c: Campaign) => s.env.client.workflow.getHandle(campaignWorkflowId(c.id));
const mails = (c: Campaign, id: string) =>
  s.sent.filter(
    (m) => m.campaignId === c.id && m.municipalityId === id && m.audience === 'municipality',
  );

test('a gathering dated late is announced at once; a moved one is told as a change; lessons unanswered close the journey', async () => {
  const campaign = await freshCampaign();
  const bergen = municipality('4601');
  const journey = await s.startJourney(campaign, bergen);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);
  await journey.signal(replySignal, {
    reply: registration([kari, ola], { networkPreference: 'B' }),
    assignedBy: null,
  });
  await s.advanceTo(campaign, campaign.schedule.registrationDeadline);
  await campaignHandle(campaign).executeUpdate(approveAssignmentUpdate, {
    args: [{ by: 'koordinator' }],
  });

  // Network B's first gathering is «September 2013»: nothing is announced until it has a date.
  await s.advanceTo(campaign, '2013-08-20T00:00:00.000Z', 0);
  let state = await s.state(campaign, bergen.id);
  expect(state.network?.id).toBe('B');
  expect(state.stage).toBe('assigned');
  expect(mails(campaign, bergen.id).map((m) => m.template)).toEqual([
    'invitation',
    'registration-confirmation',
    'assignment',
  ]);

  // Set ten days ahead: announcement and attendance request together; the reminder's
  // time had passed before anyone was asked, so no reminder; practical info as usual.
  await campaignHandle(campaign).executeUpdate(setGatheringUpdate, {
    args: [{ network: 'B', number: 1, date: '2013-08-30', by: 'koordinator' }],
  });
  await s.advanceTo(campaign, '2013-08-27T12:00:00.000Z', 0);
  expect(
    mails(campaign, bergen.id)
      .slice(3)
      .map((m) => m.template),
  ).toEqual(['gathering-announcement', 'attendance-request', 'gathering-practical']);
  const announced = mails(campaign, bergen.id)[3];
  expect(announced.context.network?.gatherings[0]).toMatchObject({
    date: '2013-08-30',
    lunchToLunch: true,
  });
  expect(announced.context.gathering).toBe(1);

  // The date moves a day: the journey tells it as a change and waits for the new date.
  await campaignHandle(campaign).executeUpdate(setGatheringUpdate, {
    args: [{ network: 'B', number: 1, date: '2013-08-31', by: 'koordinator' }],
  });
  await s.advanceTo(campaign, '2013-08-30T12:00:00.000Z', 0);
  state = await s.state(campaign, bergen.id);
  expect(state.stage).toBe('assigned'); // not yet gathering_1: it moved to the 31st
  expect(mails(campaign, bergen.id).at(-1)?.template).toBe('gathering-change');
  expect(mails(campaign, bergen.id).at(-1)?.context.change).toMatchObject({ date: true });
  expect(mails(campaign, bergen.id).at(-1)?.context.network?.gatherings[0].date).toBe('2013-08-31');

  for (const [number, date] of [
    [2, '2013-11-20'],
    [3, '2014-03-19'],
  ] as const) {
    await campaignHandle(campaign).executeUpdate(setGatheringUpdate, {
      args: [{ network: 'B', number, date, by: 'koordinator' }],
    });
  }
  // No lessons learned ever come: request, one reminder, and the collection closes.
  const result = await journey.result();
  expect(result).toMatchObject({ stage: 'completed', network: 'B' });
  const tail = mails(campaign, bergen.id)
    .map((m) => m.template)
    .slice(-2);
  expect(tail).toEqual(['lessons-request', 'lessons-reminder']);
  state = await s.state(campaign, bergen.id);
  expect(state.reports).toEqual([]);
});

test('a substitute replaces a participant; the coordinator moves a municipality from the waiting list into a network', async () => {
  // Tiny networks so the third registration lands on the waiting list.
  const campaign = await freshCampaign((c) => ({
    ...c,
    networks: c.networks.map((x) => ({ ...x, capacity: { min: 2, max: 3 } })),
  }));
  const ids = ['4621', '4614', '1520', '1577'];
  for (const id of ids) await s.startJourney(campaign, municipality(id));
  await s.advanceTo(campaign, campaign.schedule.invitationAt);
  for (const [i, id] of ids.entries()) {
    const people = [
      participant(`A${i}`, 'rådgiver', `a${i}@x${i}.example`),
      participant(`B${i}`, 'leiar', `b${i}@x${i}.example`),
    ];
    await s.journey(campaign, id).signal(replySignal, {
      reply: registration(people, {
        from: { name: `A${i}`, address: `a${i}@x${i}.example` },
        networkPreference: 'A',
      }),
      assignedBy: null,
    });
    await s.advance(60_000);
  }
  await s.advanceTo(campaign, campaign.schedule.registrationDeadline);
  const proposal = (await s.campaignState(campaign)).proposal!;
  expect(proposal.networks.every((x) => x.participants <= 3)).toBe(true);
  expect(proposal.waitingList).toEqual(['1577']); // the last to register

  // A move that breaks capacity is refused with the reason, and changes nothing.
  const full = proposal.networks.find((x) => x.municipalityIds.length > 0)!;
  await expect(
    campaignHandle(campaign).executeUpdate(moveMunicipalityUpdate, {
      args: [{ municipalityId: '1577', to: full.id, by: 'koordinator' }],
    }),
  ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/above its maximum of 3/) } });
  expect((await s.campaignState(campaign)).proposal!.waitingList).toEqual(['1577']);

  await campaignHandle(campaign).executeUpdate(approveAssignmentUpdate, {
    args: [{ by: 'koordinator' }],
  });
  await s.advance(60_000);
  expect((await s.state(campaign, '1577')).stage).toBe('waiting_list');
  expect(mails(campaign, '1577').at(-1)?.template).toBe('waiting-list');

  // Someone withdraws; the coordinator moves Volda into the free places.
  const leaving = full.municipalityIds[0];
  await s.journey(campaign, leaving).signal(replySignal, {
    reply: reply({ kind: 'decline', text: 'Vi må dessverre trekke oss.' }),
    assignedBy: null,
  });
  await s.advance(60_000);
  expect((await s.state(campaign, leaving)).flags.map((f) => f.kind)).toContain('unclear-reply');
  await s
    .journey(campaign, leaving)
    .executeUpdate('cancel', { args: [{ by: 'koordinator', reason: 'Trakk seg' }] });
  await s.advance(60_000);
  await campaignHandle(campaign).executeUpdate(moveMunicipalityUpdate, {
    args: [{ municipalityId: '1577', to: full.id, by: 'koordinator' }],
  });
  await s.advance(60_000);
  const volda = await s.state(campaign, '1577');
  expect(volda.network?.id).toBe(full.id);
  expect(volda.stage).toBe('assigned');
  expect(mails(campaign, '1577').map((m) => m.template)).toContain('assignment');

  // At the first gathering's attendance request, B0 sends a substitute.
  const kept =
    ids.find((id) => id !== leaving && id !== '1577' && full.municipalityIds.includes(id)) ??
    '1577';
  const keptState = await s.state(campaign, kept);
  const someone = keptState.participants[0];
  await s.journey(campaign, kept).signal(replySignal, {
    reply: reply({
      text: `${someone.name} kan ikkje kome. I staden kjem Per Berg, økonomisjef, per.berg@voss.kommune.example.`,
      attendance: [
        {
          participant: someone.name,
          attending: false,
          overnight: null,
          dinner: null,
          dietary: null,
          substitute: per,
        },
      ],
    }),
    assignedBy: null,
  });
  const after = await s.state(campaign, kept);
  expect(after.participants.map((p) => p.name)).toContain('Per Berg');
  expect(after.participants.map((p) => p.name)).not.toContain(someone.name);
  expect(after.flags.map((f) => f.kind)).toContain('substitute');
  expect(after.gatherings[0].attendance.find((r) => r.name === 'Per Berg')?.attending).toBe(true);
});

test('an incomplete registration at the deadline is accepted with a flag; the coordinator cannot approve before the deadline', async () => {
  const campaign = await freshCampaign();
  const m = municipality('1506');
  const journey = await s.startJourney(campaign, m);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);
  await journey.signal(replySignal, {
    reply: registration([kari], { anchored: null }),
    assignedBy: null,
  });
  await expect(
    campaignHandle(campaign).executeUpdate(approveAssignmentUpdate, {
      args: [{ by: 'koordinator' }],
    }),
  ).rejects.toMatchObject({
    cause: { message: 'Registration is still open: there is no proposal to approve yet' },
  });
  await expect(
    campaignHandle(campaign).executeUpdate(setGatheringUpdate, {
      args: [{ network: 'A', number: 2, date: '2013-06-01', by: 'koordinator' }],
    }),
  ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/order|after|before/i) } });
  await s.advanceTo(campaign, campaign.schedule.registrationDeadline, DAY);
  const state = await s.state(campaign, m.id);
  expect(state.stage).toBe('registered');
  expect(state.flags.map((f) => f.kind)).toEqual(['incomplete-at-deadline']);
  expect(
    (await s.campaignState(campaign)).proposal!.placements.map((p) => p.municipalityId),
  ).toEqual([m.id]);
});

test('a reply replayed twice with the same Message-ID changes nothing', async () => {
  const campaign = await freshCampaign();
  const m = municipality('4203');
  const journey = await s.startJourney(campaign, m);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);
  const r = registration([kari, ola, lise]);
  await journey.signal(replySignal, { reply: r, assignedBy: null });
  const once = await s.state(campaign, m.id);
  await journey.signal(replySignal, { reply: r, assignedBy: null });
  await s.advance(DAY);
  const twice = await s.state(campaign, m.id);
  expect(twice.replies).toEqual(once.replies);
  expect(twice.mails).toEqual(once.mails);
  expect(twice.participants).toEqual(once.participants);
  expect((await s.campaignState(campaign)).registrations).toHaveLength(1);
});

test('a reply counts by when it was sent: a status report read after gathering 2 began is still a status report', async () => {
  const campaign = await freshCampaign();
  const voss = municipality('4621');
  const journey = await s.startJourney(campaign, voss);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);
  await journey.signal(replySignal, {
    reply: registration([kari, ola], { networkPreference: 'A' }),
    assignedBy: null,
  });
  await s.advanceTo(campaign, campaign.schedule.registrationDeadline);
  await campaignHandle(campaign).executeUpdate(approveAssignmentUpdate, {
    args: [{ by: 'koordinator' }],
  });
  for (const [number, date] of [
    [2, '2013-10-15'],
    [3, '2014-03-12'],
  ] as const) {
    await campaignHandle(campaign).executeUpdate(setGatheringUpdate, {
      args: [{ network: 'A', number, date, venue: 'gardermoen', by: 'koordinator' }],
    });
  }
  const a2 = (await s.state(campaign, voss.id)).network!.gatherings[1];
  await s.advanceTo(campaign, a2.startsAt!, 2 * 3_600_000);
  expect((await s.state(campaign, voss.id)).stage).toBe('gathering_2');

  // Sent the evening before the gathering, read two hours into it.
  const sentBefore = toRealTime(campaign.clock, a2.startsAt!) - 14 * 3_600_000;
  await journey.signal(replySignal, {
    reply: reply({ text: 'Vi har laget en varslingsrutine og tatt den i bruk.' }),
    arrivedAtMs: sentBefore,
    assignedBy: null,
  });
  let state = await s.state(campaign, voss.id);
  expect(state.reports.map((r) => r.kind)).toEqual(['status-1']);
  expect(state.replies.at(-1)?.outcome).toBe('report: status-1');

  // The same words sent during the gathering are no status report: a person reads them.
  await journey.signal(replySignal, {
    reply: reply({ text: 'Takk for i dag, vi tar med oss mye.' }),
    assignedBy: null,
  });
  state = await s.state(campaign, voss.id);
  expect(state.reports).toHaveLength(1);
  expect(state.replies.at(-1)?.outcome).toBe('flagged: for the coordinator to read');
  await journey.cancel();
});
