// Cancelling a journey at each stage: it sends nothing more (a withdrawal note to a
// registered municipality is right), says who cancelled and why, and ends.
import type { Campaign, Stage } from '../../domain/types';
import {
  approveAssignmentUpdate,
  campaignWorkflowId,
  cancelCampaignUpdate,
  cancelJourneyUpdate,
  replySignal,
  setGatheringUpdate,
} from '../../workflows/definitions';
import { DAY, municipality, Scenario } from '../support/scenario';
import { kari, ola, registration } from '../support/replies';

jest.setTimeout(180_000);

let s: Scenario;
beforeAll(async () => {
  s = await Scenario.create();
});
afterAll(async () => {
  await s?.teardown();
});

const voss = municipality('4621');
let n = 0;

/** A fresh campaign with Voss driven to `stage`. */
async function journeyAt(stage: Stage): Promise<Campaign> {
  n += 1;
  const campaign = await s.campaign(60_000, (c) => ({ ...c, id: `cancel-${n}` }));
  const campaignHandle = await s.startCampaign(campaign);
  const journey = await s.startJourney(campaign, voss);
  const order: Stage[] = [
    'scheduled',
    'invited',
    'registered',
    'assigned',
    'gathering_1',
    'followup_1',
    'lessons',
  ];
  const reach = (x: Stage) => order.indexOf(stage) >= order.indexOf(x);
  if (reach('invited')) await s.advanceTo(campaign, campaign.schedule.invitationAt);
  if (reach('registered')) {
    await journey.signal(replySignal, {
      reply: registration([kari, ola], { networkPreference: 'A' }),
      assignedBy: null,
    });
  }
  if (reach('assigned')) {
    await s.advanceTo(campaign, campaign.schedule.registrationDeadline);
    await campaignHandle.executeUpdate(approveAssignmentUpdate, { args: [{ by: 'koordinator' }] });
    for (const [number, date] of [
      [2, '2013-10-15'],
      [3, '2014-03-12'],
    ] as const) {
      await campaignHandle.executeUpdate(setGatheringUpdate, {
        args: [{ network: 'A', number, date, venue: 'gardermoen', by: 'koordinator' }],
      });
    }
  }
  if (reach('gathering_1')) await s.advanceTo(campaign, '2013-06-18T10:00:00.000Z', 0);
  if (reach('followup_1')) await s.advanceTo(campaign, '2013-06-19T11:30:00.000Z', DAY);
  if (reach('lessons')) await s.advanceTo(campaign, '2014-03-12T15:00:00.000Z', DAY);
  expect((await s.state(campaign, voss.id)).stage).toBe(stage);
  return campaign;
}

test.each<[Stage, boolean]>([
  ['scheduled', false],
  ['invited', false],
  ['registered', true],
  ['assigned', true],
  ['gathering_1', true],
  ['followup_1', true],
  ['lessons', true],
])('cancelled at %s: withdrawal note %s, nothing after', async (stage, withdrawal) => {
  const campaign = await journeyAt(stage);
  const journey = s.journey(campaign, voss.id);
  const mine = () =>
    s.sent.filter((m) => m.municipalityId === voss.id && m.campaignId === campaign.id);
  const before = mine().length;

  const state = await journey.executeUpdate(cancelJourneyUpdate, {
    args: [{ by: 'Tor Dølvik', reason: 'Kommunen trakk seg etter vedtak i formannskapet' }],
  });
  expect(state.stage).toBe('cancelled');
  expect(state.cancellation).toMatchObject({
    by: 'Tor Dølvik',
    reason: 'Kommunen trakk seg etter vedtak i formannskapet',
  });
  expect(await journey.result()).toMatchObject({ stage: 'cancelled' });

  await s.advanceTo(campaign, '2014-06-01T00:00:00.000Z', 0); // the rest of the campaign passes
  const after = mine().slice(before);
  expect(after.map((m) => m.template)).toEqual(withdrawal ? ['withdrawal'] : []);
  if (withdrawal) {
    expect(after[0].context.cancellation?.reason).toBe(
      'Kommunen trakk seg etter vedtak i formannskapet',
    );
    const registrations = (await s.campaignState(campaign)).registrations;
    expect(registrations.find((r) => r.municipalityId === voss.id)?.withdrawn).toBe(true);
  }
  // A cancelled journey refuses further changes with a reason.
  await expect(
    journey.executeUpdate(cancelJourneyUpdate, { args: [{ by: 'x', reason: 'again' }] }),
  ).rejects.toThrow();
});

test('cancelling the whole campaign cancels its journeys through the visibility walk', async () => {
  const campaign = await journeyAt('registered');
  const handle = s.env.client.workflow.getHandle(campaignWorkflowId(campaign.id));
  await expect(
    handle.executeUpdate(cancelCampaignUpdate, { args: [{ by: 'Tor Dølvik', reason: '' }] }),
  ).rejects.toMatchObject({ cause: { message: 'A reason is required' } });
  const state = await handle.executeUpdate(cancelCampaignUpdate, {
    args: [{ by: 'Tor Dølvik', reason: 'Prosjektet er avlyst' }],
  });
  expect(state.phase).toBe('cancelled');
  expect(await handle.result()).toMatchObject({ phase: 'cancelled' });
  expect(s.cancelledCampaigns).toContain(campaign.id);
});
