// The mail rate on the real servers (the mail queue with the dev server's default
// partitions): 50 invitations at R = 30 a minute, every arrival at GreenMail timed by an
// SMTP tap (bench/smtp-tap.ts). Never more than R in any 60 s; R while mail waited. Each
// exactly once (the tap counts accepted messages; the journeys record each invitation once).
import { rateWhileWaiting, smtpTap, windowMax, type SmtpTap } from '../../bench/smtp-tap';
import { municipalities } from '../../bench/system';
import { startCampaign } from '../../operations/start-campaign';
import { allJourneyStates } from '../../operations/journeys';
import { startHarness, testCampaign, testConfig, type Harness } from '../support/integration';

jest.setTimeout(150_000);

const R = 30;
const MAILS = 50;

let tap: SmtpTap;
let harness: Harness;

beforeAll(async () => {
  // The shared GreenMail unless SMTP_URL names another (as the integration env may).
  const upstream = new URL(process.env.SMTP_URL ?? 'smtp://127.0.0.1:3025');
  tap = await smtpTap(Number(upstream.port), upstream.hostname);
  const config = testConfig({
    SMTP_URL: `smtp://127.0.0.1:${tap.port}`,
    ...(process.env.IMAP_URL ? { IMAP_URL: process.env.IMAP_URL } : {}),
    MAIL_RATE_PER_MINUTE: String(R),
    SMTP_POOL_SIZE: '2',
  });
  harness = await startHarness(config, { inbox: false });
});

afterAll(async () => {
  if (harness) {
    const { client, config } = harness;
    for await (const w of client.workflow.list({
      query: `TaskQueue = "${config.temporal.taskQueue}" AND ExecutionStatus = "Running"`,
    }))
      await client.workflow
        .getHandle(w.workflowId)
        .terminate('test over')
        .catch(() => undefined);
  }
  await harness?.close();
  await tap?.close();
});

test(`${MAILS} invitations at ${R} a minute: never more than ${R} in any 60 s, and ${R} a minute while mail waits`, async () => {
  const { config, client } = harness;
  const campaign = testCampaign(config);
  const list = municipalities(MAILS);
  await startCampaign(client, config, { campaign, municipalities: list });

  const until = Date.now() + 130_000;
  while (tap.accepted.length < MAILS && Date.now() < until)
    await new Promise((r) => setTimeout(r, 250));
  const times = [...tap.accepted];
  expect(times).toHaveLength(MAILS);

  expect(windowMax(times)).toBeLessThanOrEqual(R);
  // The first R go at once, the rest when the first leave the window: one whole window
  // with mail waiting throughout, in which R went.
  expect(rateWhileWaiting(times)).toBeGreaterThanOrEqual(0.9 * R);

  // Nothing more arrives, and every journey recorded its invitation once.
  await new Promise((r) => setTimeout(r, 2_000));
  expect(tap.accepted).toHaveLength(MAILS);
  const states = await allJourneyStates(client, campaign.id);
  expect(states).toHaveLength(MAILS);
  for (const s of states)
    expect(s.mails.filter((m) => m.step === 'invitation' && m.status === 'sent')).toHaveLength(1);
});
