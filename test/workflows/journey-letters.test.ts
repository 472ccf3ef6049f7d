// Letters that say what the system then does (issue 11), on the time-skipping server: a late
// registration is placed when a network has room, else waits; the waiting list hears once
// that the networks are full; a date or venue the municipality was told that changes is told
// at once as a change; a venue only proposed is not named.
import type { Campaign, Gathering } from '../../domain/types';
import { campaignHorizon, networksFinal } from '../../domain/journey/schedule';
import {
  approveAssignmentUpdate,
  campaignWorkflowId,
  replySignal,
  setGatheringUpdate,
  type GatheringSetting,
} from '../../workflows/definitions';
import { DAY, municipality, Scenario } from '../support/scenario';
import { kari, ola, participant, registration } from '../support/replies';

jest.setTimeout(240_000);

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
  const campaign = await s.campaign(60_000, (c) => edit({ ...c, id: `letters-${n}` }));
  await s.startCampaign(campaign);
  return campaign;
}
const campaignHandle = (c: Campaign) => s.env.client.workflow.getHandle(campaignWorkflowId(c.id));
const mails = (c: Campaign, id: string) =>
  s.sent.filter(
    (m) => m.campaignId === c.id && m.municipalityId === id && m.audience === 'municipality',
  );
const templates = (c: Campaign, id: string) => mails(c, id).map((m) => m.template);
const tiny = (c: Campaign): Campaign => ({
  ...c,
  networks: c.networks.map((x) => ({ ...x, capacity: { min: 2, max: 3 } })),
});
const people = (i: number, count: number) =>
  Array.from({ length: count }, (_, k) =>
    participant(`P${i}-${k}`, 'rådgiver', `p${i}.${k}@x${i}.example`),
  );
async function register(c: Campaign, id: string, i: number, count: number, wish = 'A') {
  await s.journey(c, id).signal(replySignal, {
    reply: registration(people(i, count), {
      from: { name: `P${i}-0`, address: `p${i}.0@x${i}.example` },
      networkPreference: wish,
    }),
    assignedBy: null,
  });
}
const setGathering = (c: Campaign, setting: Omit<GatheringSetting, 'by'>) =>
  campaignHandle(c).executeUpdate(setGatheringUpdate, {
    args: [{ ...setting, by: 'koordinator' }],
  });

test('a late registration is placed at once where there is room, else waits on the list; the list hears once that the networks are full', async () => {
  // Three networks of at most three: one municipality of two in each fills them.
  const campaign = await freshCampaign(tiny);
  const onTime = ['4621', '4614', '1520'];
  const late = ['1577', '1506'];
  for (const id of [...onTime, ...late]) await s.startJourney(campaign, municipality(id));
  await s.advanceTo(campaign, campaign.schedule.invitationAt);
  for (const [i, id] of onTime.entries()) {
    await register(campaign, id, i, 2, ['A', 'B', 'C'][i]);
    await s.advance(60_000);
  }
  await s.advanceTo(campaign, campaign.schedule.registrationDeadline, DAY);
  await campaignHandle(campaign).executeUpdate(approveAssignmentUpdate, {
    args: [{ by: 'koordinator' }],
  });
  await s.advance(60_000);

  // One participant fits beside a municipality of two: placed, and told which network.
  await register(campaign, '1577', 10, 1, 'B');
  await s.advance(60_000);
  let volda = await s.state(campaign, '1577');
  expect(volda.lateRegistration).toBe(true);
  expect(volda.stage).toBe('assigned');
  expect(volda.network?.id).toBe('B');
  expect(templates(campaign, '1577').slice(-3)).toEqual([
    'no-response-closing',
    'late-registration',
    'assignment',
  ]);

  // Two more fit nowhere: the waiting list, and the coordinator could move it from there.
  await register(campaign, '1506', 11, 2, 'A');
  await s.advance(60_000);
  expect((await s.state(campaign, '1506')).stage).toBe('waiting_list');
  const proposal = (await s.campaignState(campaign)).proposal!;
  expect(proposal.waitingList).toEqual(['1506']);
  expect(proposal.placements.map((p) => p.municipalityId)).toContain('1506');
  expect(templates(campaign, '1506').slice(-2)).toEqual(['late-registration', 'waiting-list']);

  // The networks are final once every first gathering is behind them: one closing letter.
  await s.advanceTo(campaign, networksFinal(campaign), DAY);
  expect(templates(campaign, '1506').filter((t) => t === 'waiting-list-closing')).toHaveLength(1);
  const closing = mails(campaign, '1506').at(-1)!;
  expect(closing.template).toBe('waiting-list-closing');
  expect(closing.to.map((a) => a.address)).toEqual(['p11.0@x11.example', 'p11.1@x11.example']);

  // The campaign ends: the journey ends on the waiting list, and no second letter.
  await s.advanceTo(campaign, campaignHorizon(campaign), DAY);
  await expect(s.journey(campaign, '1506').result()).resolves.toMatchObject({
    stage: 'waiting_list',
  });
  expect(templates(campaign, '1506').filter((t) => t === 'waiting-list-closing')).toHaveLength(1);
  volda = await s.state(campaign, '1577');
  expect(templates(campaign, '1577')).not.toContain('waiting-list-closing');
  for (const id of onTime) expect(templates(campaign, id)).not.toContain('waiting-list-closing');
});

test('a changed date or venue the municipality was told is told at once; what was only proposed is «Sted kommer»', async () => {
  const campaign = await freshCampaign();
  const voss = municipality('4621');
  const journey = await s.startJourney(campaign, voss);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);
  await journey.signal(replySignal, {
    reply: registration([kari, ola], { networkPreference: 'A' }),
    assignedBy: null,
  });
  await s.advanceTo(campaign, campaign.schedule.registrationDeadline, DAY);
  await campaignHandle(campaign).executeUpdate(approveAssignmentUpdate, {
    args: [{ by: 'koordinator' }],
  });
  await s.advance(60_000);
  expect(templates(campaign, voss.id)).toEqual(
    expect.arrayContaining(['assignment', 'gathering-announcement']),
  );
  // The assignment's proposal is gathering 1's venue; for 2 and 3 it is only a proposal.
  const told = mails(campaign, voss.id).find((m) => m.template === 'assignment')!;
  const [g1, g2, g3] = told.context.network!.gatherings;
  expect(g1.venue).not.toBeNull();
  expect(g1.venueProposed).toBeUndefined();
  expect([g2.venueProposed, g3.venueProposed]).toEqual([true, true]);
  const before = mails(campaign, voss.id).length;

  // A day within the month they were told, and a venue where they read «Sted kommer»: news
  // the announcement brings in due time, no change letter.
  await setGathering(campaign, { network: 'A', number: 2, date: '2013-10-15' });
  await setGathering(campaign, { network: 'A', number: 3, venue: 'oslo' });
  await s.advance(60_000);
  expect(mails(campaign, voss.id)).toHaveLength(before);
  const a3 = (await s.campaignState(campaign)).campaign.networks[0].gatherings[2];
  expect(a3).toMatchObject({ venue: { id: 'oslo' } });
  expect(a3.venueProposed).toBeUndefined();

  // Gathering 2 moves to November: told at once, though it is months away.
  await setGathering(campaign, { network: 'A', number: 2, date: '2013-11-05' });
  await s.advance(60_000);
  let change = mails(campaign, voss.id).at(-1)!;
  expect(change.template).toBe('gathering-change');
  expect(change.context.gathering).toBe(2);
  expect(change.context.change).toMatchObject({ date: true, venue: false });
  expect((change.context.change!.before as Gathering).month).toBe('2013-10');

  // Gathering 1, announced with its venue, moves elsewhere: a change letter, not a second
  // announcement.
  const venue1 = g1.venue!.id === 'bergen' ? 'trondheim' : 'bergen';
  await setGathering(campaign, { network: 'A', number: 1, venue: venue1 });
  await s.advance(60_000);
  change = mails(campaign, voss.id).at(-1)!;
  expect(change.template).toBe('gathering-change');
  expect(change.context.change).toMatchObject({ date: false, venue: true });
  expect(change.context.network!.gatherings[0].venue?.id).toBe(venue1);
  expect(templates(campaign, voss.id).filter((t) => t === 'gathering-announcement')).toHaveLength(
    1,
  );

  // The same setting again changes nothing, so nothing is sent.
  const count = mails(campaign, voss.id).length;
  await setGathering(campaign, { network: 'A', number: 1, venue: venue1 });
  await s.advance(60_000);
  expect(mails(campaign, voss.id)).toHaveLength(count);
  await journey.cancel();
});
