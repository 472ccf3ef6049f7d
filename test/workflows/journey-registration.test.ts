// Every way a municipality can answer the invitation, or not, under time skipping.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Campaign } from '../../domain/types';
import {
  approveAssignmentUpdate,
  campaignWorkflowId,
  registerUpdate,
  replySignal,
  resolveFlagUpdate,
} from '../../workflows/definitions';
import { DAY, municipality, Scenario } from '../support/scenario';
import { kari, lise, ola, participant, per, registration, reply } from '../support/replies';

jest.setTimeout(120_000);

let s: Scenario;
let campaign: Campaign;
let n = 0;
beforeAll(async () => {
  s = await Scenario.create();
});
// Each test runs its own campaign, starting at the test server's "now".
beforeEach(async () => {
  n += 1;
  campaign = await s.campaign(60_000, (c) => ({ ...c, id: `reg-${n}` }));
  await s.startCampaign(campaign);
});
afterAll(async () => {
  await s?.teardown();
});

const send = (id: string, r: ReturnType<typeof reply>) =>
  s.journey(campaign, id).signal(replySignal, { reply: r, assignedBy: null });

test('an incomplete registration is asked for exactly what it lacks, then completed', async () => {
  const m = municipality('4621');
  await s.startJourney(campaign, m);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);

  await send(
    m.id,
    registration([participant('Kari Nordmann', null, 'kari.nordmann@voss.kommune.example')], {
      anchored: null,
    }),
  );
  let state = await s.state(campaign, m.id);
  expect(state.stage).toBe('incomplete');
  expect(state.missing).toEqual(['participants', 'participant-title', 'anchoring']);
  const request = s.sent.filter((x) => x.municipalityId === m.id).at(-1)!;
  expect(request.template).toBe('registration-incomplete');
  expect(request.context.missing).toEqual(['participants', 'participant-title', 'anchoring']);
  expect(request.inReplyTo).toMatch(/^<reply-/);

  await send(
    m.id,
    registration([participant('Kari Nordmann', 'kommunalsjef', null), ola], { anchored: true }),
  );
  state = await s.state(campaign, m.id);
  expect(state.stage).toBe('registered');
  expect(state.missing).toEqual([]);
  expect(state.participants).toEqual([
    {
      name: 'Kari Nordmann',
      title: 'kommunalsjef',
      email: 'kari.nordmann@voss.kommune.example',
      phone: null,
    },
    ola,
  ]);
  expect(s.templates(m.id)).toEqual([
    'invitation',
    'registration-incomplete',
    'registration-confirmation',
  ]);
});

test('a decline is thanked and ends the asking; a question is flagged and the journey keeps waiting', async () => {
  const asks = municipality('4640'); // Sogndal
  const declines = municipality('4602'); // Kinn
  await s.startJourney(campaign, asks);
  await s.startJourney(campaign, declines);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);

  await send(
    asks.id,
    reply({ kind: 'question', text: 'Kan vi sende fire?', questions: ['Kan vi sende fire?'] }),
  );
  await send(
    declines.id,
    reply({ kind: 'decline', text: 'Vi har dessverre ikke anledning i år.' }),
  );

  const asked = await s.state(campaign, asks.id);
  expect(asked.stage).toBe('invited');
  expect(asked.flags.map((f) => f.kind)).toEqual(['question']);
  expect(s.templates(asks.id, 'coordinator')).toEqual(['notice-question']);
  const notice = s.sent.find((x) => x.municipalityId === asks.id && x.audience === 'coordinator')!;
  expect(notice.context.reply?.text).toBe('Kan vi sende fire?');

  expect((await s.state(campaign, declines.id)).stage).toBe('declined');
  expect(s.templates(declines.id)).toEqual(['invitation', 'decline-thanks']);

  // Reminders go to the one that asked (it has not answered), not to the one that declined.
  await s.advanceTo(campaign, campaign.schedule.registrationDeadline, -DAY);
  expect(s.templates(asks.id)).toEqual([
    'invitation',
    'registration-reminder',
    'registration-reminder',
  ]);
  expect(
    s.sent
      .filter((x) => x.municipalityId === asks.id && x.template === 'registration-reminder')
      .map((x) => x.context.reminderNumber),
  ).toEqual([1, 2]);
  expect(s.templates(declines.id)).toEqual(['invitation', 'decline-thanks']);

  // The coordinator answered the question by phone.
  const resolved = await s.journey(campaign, asks.id).executeUpdate(resolveFlagUpdate, {
    args: [{ flagId: 'question-1', by: 'koordinator', note: 'Svart på telefon' }],
  });
  expect(resolved.flags[0].resolved).toMatchObject({ by: 'koordinator', note: 'Svart på telefon' });
  await expect(
    s
      .journey(campaign, asks.id)
      .executeUpdate(resolveFlagUpdate, { args: [{ flagId: 'question-1', by: 'x', note: null }] }),
  ).rejects.toThrow(WorkflowUpdateFailedError);
});

test('auto-replies do not count, bounces flag the address, replaying a reply changes nothing, too many are flagged', async () => {
  const m = municipality('1103'); // Stavanger
  const over = municipality('3301'); // Drammen
  s.refuse.add(over.email); // the invitation to Drammen's postmottak is refused with 550
  await s.startJourney(campaign, m);
  await s.startJourney(campaign, over);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);

  await send(
    m.id,
    reply({ kind: 'auto-reply', subject: 'Automatisk svar: Invitasjon', text: 'Jeg er på ferie.' }),
  );
  expect((await s.state(campaign, m.id)).stage).toBe('invited');

  const bounce = reply({
    kind: 'bounce',
    from: { name: 'Mail Delivery System', address: 'mailer-daemon@stavanger.kommune.example' },
    bounce: {
      recipients: ['gammel@stavanger.kommune.example'],
      status: '5.1.1',
      diagnostic: 'User unknown',
      originalMessageId: null,
      permanent: true,
    },
  });
  await send(m.id, bounce);
  await send(m.id, bounce); // the inbox may deliver a message twice after a crash
  let state = await s.state(campaign, m.id);
  expect(state.stage).toBe('invited');
  expect(state.flags.map((f) => f.kind)).toEqual(['bounce']);
  expect(state.replies.map((r) => r.kind)).toEqual(['auto-reply', 'bounce']);
  expect(s.templates(m.id, 'coordinator')).toEqual(['notice-bounce']);

  expect((await s.state(campaign, over.id)).flags.map((f) => f.kind)).toEqual(['bounce']);
  await send(
    over.id,
    registration([kari, ola, per, lise], {
      from: { name: 'Kari', address: 'kari@drammen.kommune.example' },
    }),
  );
  state = await s.state(campaign, over.id);
  expect(state.stage).toBe('registered');
  expect(state.flags.map((f) => f.kind)).toEqual(['bounce', 'over-limit']);
  expect(s.templates(over.id)).toEqual(['invitation', 'registration-over-limit']);
});

test('silence gets reminders and a polite close; a late registration is flagged and placed in a network with room', async () => {
  const silent = municipality('3907'); // Sandefjord
  await s.startJourney(campaign, silent);
  // A phone registration before the deadline, and one refused for bad input.
  const phoned = municipality('5001'); // Trondheim
  await s.startJourney(campaign, phoned);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);
  await expect(
    s.journey(campaign, phoned.id).executeUpdate(registerUpdate, {
      args: [
        {
          participants: [participant('', null, 'ikke-en-adresse')],
          anchored: true,
          networkPreference: null,
          by: 'koordinator',
        },
      ],
    }),
  ).rejects.toMatchObject({
    cause: {
      message:
        'participant 1: name is missing; participant 1: "ikke-en-adresse" is not an email address',
    },
  });
  expect((await s.state(campaign, phoned.id)).stage).toBe('invited'); // a refused change leaves no trace
  const registered = await s.journey(campaign, phoned.id).executeUpdate(registerUpdate, {
    args: [
      { participants: [kari, ola], anchored: true, networkPreference: 'B', by: 'koordinator' },
    ],
  });
  expect(registered).toMatchObject({
    stage: 'registered',
    registeredVia: 'coordinator',
    networkPreference: 'B',
  });

  await s.advanceTo(campaign, campaign.schedule.registrationDeadline);
  expect((await s.state(campaign, silent.id)).stage).toBe('no_response');
  expect(s.templates(silent.id)).toEqual([
    'invitation',
    'registration-reminder',
    'registration-reminder',
    'no-response-closing',
  ]);

  // The coordinator approves; then Sandefjord writes, a week late.
  const campaignHandle = s.env.client.workflow.getHandle(campaignWorkflowId(campaign.id));
  await campaignHandle.executeUpdate(approveAssignmentUpdate, { args: [{ by: 'koordinator' }] });
  await s.advance(7 * DAY);
  await send(
    silent.id,
    registration([participant('Siri Sand', 'rådmann', 'siri@sandefjord.kommune.example'), ola]),
  );
  await s.advance(60_000);
  const late = await s.state(campaign, silent.id);
  expect(late.lateRegistration).toBe(true);
  expect(late.flags.map((f) => f.kind)).toContain('late-registration');
  // The rule its letter states: a network with room takes it at once (full ones: the list).
  expect(late.stage).toBe('assigned');
  expect(late.network).not.toBeNull();
  expect(late.waitingListPosition).toBeNull();
  expect(s.templates(silent.id).slice(-2)).toEqual(['late-registration', 'assignment']);
  expect(s.templates(silent.id, 'coordinator')).toContain('notice-late-registration');
  const campaignState = await s.campaignState(campaign);
  expect(campaignState.proposal!.waitingList).not.toContain(silent.id);
  const placed = campaignState.proposal!.networks.find((x) => x.id === late.network!.id)!;
  expect(placed.municipalityIds).toContain(silent.id);
});

test('a decline after the deadline counts as declined, not as no answer, and is thanked', async () => {
  const m = municipality('3405'); // Lillehammer
  await s.startJourney(campaign, m);
  await s.advanceTo(campaign, campaign.schedule.registrationDeadline);
  expect((await s.state(campaign, m.id)).stage).toBe('no_response');
  await s.advance(3 * DAY);
  await send(m.id, reply({ kind: 'decline', text: 'Vi har dessverre ikke kapasitet i år.' }));
  await s.advance(60_000);
  const declined = await s.state(campaign, m.id);
  expect(declined.stage).toBe('declined');
  expect(declined.replies.at(-1)?.outcome).toBe('declined (after the deadline)');
  expect(s.templates(m.id).slice(-2)).toEqual(['no-response-closing', 'decline-thanks']);
  expect(declined.lateRegistration).toBe(false);
});

test('a reply that only thanks is recorded and raises no flag; one that cannot be read is flagged', async () => {
  const m = municipality('4621');
  await s.startJourney(campaign, m);
  await s.advanceTo(campaign, campaign.schedule.invitationAt);

  await send(m.id, reply({ text: 'Takk, vi gleder oss!', thanksOnly: true }));
  let state = await s.state(campaign, m.id);
  expect(state.replies.map((r) => r.outcome)).toEqual(['recorded: thanks']);
  expect(state.flags).toEqual([]);
  expect(state.stage).toBe('invited');

  await send(m.id, reply({ text: 'Vi ser på saken.' }));
  state = await s.state(campaign, m.id);
  expect(state.flags.map((f) => f.kind)).toEqual(['unclear-reply']);
});
