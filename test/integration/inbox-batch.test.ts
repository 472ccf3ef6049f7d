// The inbox in batches (activities/inbox/batch.ts): twenty replies sent at once, with a 3 MB
// reply in the middle, are each applied to their journey once and filed, the large one goes
// to review without holding the others up, and the same twenty again change nothing. Then
// pairs of messages a few milliseconds apart, with the safety-net sweep far away: each is
// filed within seconds (one that arrived while a MOVE ran once waited for the sweep).
import crypto from 'node:crypto';
import type { Municipality } from '../../domain/types';
import { journeyStateQuery, journeyWorkflowId } from '../../workflows/definitions';
import { municipalities } from '../../bench/system';
import { registrationReply } from '../../bench/ingestion-mail';
import {
  readMailbox,
  smtpSend,
  startHarness,
  testCampaign,
  testConfig,
  waitFor,
  type Harness,
} from '../support/integration';

jest.setTimeout(240_000);

// The safety-net sweep out of reach: only IDLE (and the watcher's own second look) may wake it.
const config = testConfig({ IMAP_SWEEP_SECONDS: '600' });
let h: Harness;
beforeAll(async () => {
  h = await startHarness(config, { inbox: true });
});
afterAll(async () => {
  await h?.close();
});

const folder = (name: string) => `Nettverk.${name}`; // GreenMail's hierarchy delimiter is "."
const campaign = testCampaign(config);
const list = municipalities(20);

async function startJourneys(ms: Municipality[]) {
  for (const m of ms)
    await h.client.workflow.start('journey', {
      workflowId: journeyWorkflowId(campaign.id, m.id),
      taskQueue: config.temporal.taskQueue,
      args: [{ campaign, municipality: m }],
    });
  await waitFor(
    'every invitation copy filed',
    async () => (await readMailbox(config.tiAddress, folder('Sendt'))).length >= ms.length,
    60_000,
  );
}

const send = (r: { raw: string; from: string }) =>
  smtpSend(r.raw, { from: r.from, to: [config.tiAddress] });
const repliesOf = async (municipalityId: string) =>
  (
    await h.client.workflow
      .getHandle(journeyWorkflowId(campaign.id, municipalityId))
      .query(journeyStateQuery)
  ).replies;

test('twenty replies at once, a 3 MB one among them: each applied once and filed; again, nothing changes', async () => {
  const twenty = list.slice(0, 20);
  await startJourneys(twenty);
  const replies = twenty.map((m) => registrationReply(config, campaign, m));
  const large = { ...registrationReply(config, campaign, twenty[0]) };
  large.messageId = `<${crypto.randomBytes(8).toString('hex')}@large.example>`;
  large.raw = large.raw
    .replace(/^Message-ID: .*$/m, `Message-ID: ${large.messageId}`)
    .concat(
      Array.from({ length: 80_000 }, (_, i) => `Linje ${i}: lorem ipsum dolor sit amet.`).join(
        '\r\n',
      ),
    );
  expect(large.raw.length).toBeGreaterThan(3 * 1024 * 1024);
  await Promise.all([...replies.slice(0, 10), large, ...replies.slice(10)].map(send));

  await waitFor(
    'all twenty filed under Behandlet',
    async () => (await readMailbox(config.tiAddress, folder('Behandlet'))).length === 20,
    120_000,
  );
  for (const [i, m] of twenty.entries())
    expect((await repliesOf(m.id)).map((r) => r.messageId)).toEqual([replies[i].messageId]);
  await waitFor('the large one in review', async () =>
    (await readMailbox(config.tiAddress, folder('Til vurdering'))).some(
      (m) => m.mime.messageId === large.messageId,
    ),
  );

  // The same twenty again (a crash before the move would do this): filed, not applied again.
  await Promise.all(replies.map(send));
  await waitFor(
    'the copies filed too',
    async () => (await readMailbox(config.tiAddress, folder('Behandlet'))).length === 40,
    120_000,
  );
  for (const [i, m] of twenty.entries())
    expect((await repliesOf(m.id)).map((r) => r.messageId)).toEqual([replies[i].messageId]);
  expect(
    (await readMailbox(config.tiAddress)).filter((m) => !m.header('x-nettverk-journey')),
  ).toEqual([]);
});

test('two messages in the same second, while the watcher idles: both filed within 3 s', async () => {
  // Mail that matches no journey: filed in review, and no mail of ours follows it whose copy
  // would wake the watcher and hide a lost wake-up.
  const stranger = (k: number) => {
    const messageId = `<${crypto.randomBytes(8).toString('hex')}@ukjent.example>`;
    const raw = [
      'From: Ukjent <ukjent@ukjent.example>',
      `To: <${config.tiAddress}>`,
      `Subject: Spørsmål ${k}`,
      `Message-ID: ${messageId}`,
      'Content-Type: text/plain; charset="utf-8"',
      '',
      'Hei, hvem kan jeg snakke med om nettverket?',
      '',
    ].join('\r\n');
    return { messageId, raw, from: 'ukjent@ukjent.example', municipalityId: '' };
  };
  const inReview = async (ids: string[]) => {
    const filed = (await readMailbox(config.tiAddress, folder('Til vurdering'))).map(
      (m) => m.mime.messageId,
    );
    return ids.every((id) => filed.includes(id));
  };
  await waitFor('the inbox empty', async () => (await readMailbox(config.tiAddress)).length === 0);
  const latencies: number[] = [];
  for (let k = 0; k < 16; k++) {
    const [a, b] = [stranger(2 * k), stranger(2 * k + 1)];
    const t0 = Date.now();
    const first = send(a);
    await new Promise((r) => setTimeout(r, k * 15));
    await Promise.all([first, send(b)]);
    await waitFor(`pair ${k} filed`, () => inReview([a.messageId, b.messageId]), 20_000);
    latencies.push(Date.now() - t0);
    await new Promise((r) => setTimeout(r, 400));
  }
  console.log(`pairs filed after ${latencies.join(', ')} ms`);
  expect(Math.max(...latencies)).toBeLessThan(3_000);
});
