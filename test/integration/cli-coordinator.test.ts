// The command line as a coordinator uses it (issue 11): municipalities by name, the campaign
// as argument or --campaign, output through pipes, what a rehearsal of an old file says,
// plurals, resolved flags, a move past a network's maximum. Real binary, dev server, GreenMail.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TypedSearchAttributes } from '@temporalio/common';
import { CampaignIdKey, MunicipalityIdKey, StageKey } from '../../platform/search-attributes';
import { cliRunner } from '../support/cli';
import {
  root,
  smtpSend,
  startHarness,
  testConfig,
  waitFor,
  type Harness,
} from '../support/integration';

jest.setTimeout(240_000);

const config = testConfig();
const id = `koord-${crypto.randomBytes(3).toString('hex')}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-koord-'));
const { nettverk, shell, json } = cliRunner(config);
let h: Harness;

// Networks of at most 3 participants, so two municipalities of two fill one past its maximum.
const campaignFile = path.join(dir, 'liten.yaml');
const roster = path.join(dir, 'kommuner.csv');
beforeAll(async () => {
  fs.writeFileSync(
    campaignFile,
    fs
      .readFileSync(path.join(root, 'campaigns', 'ks-ti-2013.yaml'), 'utf8')
      .replace(/capacity: \{ min: 20, max: 30 \}/g, 'capacity: { min: 1, max: 3 }'),
  );
  const demo = fs
    .readFileSync(path.join(root, 'campaigns', 'demo', 'municipalities.csv'), 'utf8')
    .split('\n');
  const header = demo.find((l) => l.startsWith('id,'))!;
  const row = (m: string) => demo.find((l) => l.startsWith(`${m},`))!;
  // Two Herøys, as Norway has (Møre og Romsdal, Nordland), to be told apart by number.
  const heroy = (m: string, county: string, lat: string) =>
    `${m},Herøy,kommune,${county},nynorsk,postmottak@heroy${m}.kommune.example,,${lat},5.6`;
  const rows = [row('4621'), row('4602'), row('4640')];
  rows.push(heroy('1515', 'Møre og Romsdal', '62.33'), heroy('1818', 'Nordland', '62.35'));
  fs.writeFileSync(roster, [header, ...rows].join('\n') + '\n');
  h = await startHarness(config, { inbox: true });
});
// The purge waits for the server to delete its histories: minutes on a loaded machine.
afterAll(async () => {
  await nettverk('campaign', 'cancel', '--campaign', id, '--reason', 'Testen er over');
  await nettverk('campaign', 'purge', '--campaign', id, '--terminate-running', '--yes');
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
}, 600_000);

const start = (...more: string[]) => [
  ...['campaign', 'start', campaignFile, '--municipalities', roster],
  ...more,
];

test('a rehearsal of an old file: the deadline in Oslo time, and the way to rehearse it', async () => {
  const late = await nettverk(...start('--dry-run'));
  expect(late.code).toBe(1);
  expect(late.stderr).toContain(
    'The registration deadline, 2013-05-21 23:59 (Oslo time), has passed',
  );
  expect(late.stderr).toContain('--compress 1s');
  expect(late.stderr).toContain('--id ks-ti-2013-prove');
  expect(late.stderr).toContain('--allow-after-deadline');
  expect(late.stderr).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/); // no ISO instant in UTC

  const one = await nettverk(...start('--dry-run', '--compress', '1s', '--only', '4621'));
  expect(one.stdout).toContain('1 municipality would be invited');
});

test('municipalities by name: any case, without ø, a prefix; ambiguous names do nothing', async () => {
  expect(await json(...start('--id', id, '--compress', '1s'))).toMatchObject({
    journeys: { started: 5 },
  });
  expect((await json('show', 'voss', '--campaign', id)).id).toBe('4621');
  expect((await json('show', 'SOGN', '--campaign', id)).id).toBe('4640');
  expect((await json('show', '1818', '--campaign', id)).name).toBe('Herøy');

  for (const name of ['Herøy', 'heroy']) {
    const r = await nettverk('cancel', name, '--campaign', id, '--reason', 'feil');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `"${name}" fits 2 municipalities in campaign ${id}: 1515 Herøy (Møre og Romsdal), 1818 Herøy (Nordland). Say which by its number; nothing was done.`,
    );
  }
  const unknown = await nettverk('show', 'Bergen', '--campaign', id);
  expect(unknown.stderr).toMatch(/^No municipality in campaign koord-\w+ is called "Bergen"/);
  const stages = (await json('list', '--campaign', id)).map((r: { stage: string }) => r.stage);
  expect(stages).not.toContain('cancelled');
});

test('the campaign as argument or as --campaign, on every command that takes one', async () => {
  const byArgument = await json('campaign', 'status', id);
  const byOption = await json('campaign', 'status', '--campaign', id);
  expect(byOption.campaignId).toBe(id);
  expect(byOption.title).toBe(byArgument.title);
  const both = await nettverk('campaign', 'status', id, '--campaign', 'annen');
  expect(both.code).toBe(1);
  expect(both.stderr).toContain('give one');
  const report = path.join(dir, 'rapport.html');
  expect((await nettverk('report', '--campaign', id, '--out', report)).code).toBe(0);
  const unnamed = await nettverk('campaign', 'purge', '--yes');
  expect(unnamed.code).toBe(1);
  expect(unnamed.stderr).toContain('Say which campaign: nettverk campaign purge ID --yes');
});

test('register by name; flags list --all shows who resolved a flag, when and how', async () => {
  const people = (domain: string, n: number) =>
    ['Kari Nordmann', 'Ola Hansen']
      .slice(0, n)
      .flatMap((name) => [
        '--participant',
        `${name}; rådgjevar; ${name.split(' ')[0].toLowerCase()}@${domain}`,
      ]);
  const voss = await nettverk(
    'register',
    'Voss',
    '--campaign',
    id,
    ...people('voss.kommune.example', 2),
  );
  expect(voss.stdout).toContain('Voss registered with 2 participants.');
  await json('register', 'kinn', '--campaign', id, ...people('kinn.kommune.example', 2));
  // A question from a stranger, vouched for by the coordinator: Sogndal gets a flag.
  const from = 'rektor@skule.example';
  await smtpSend(
    [
      `From: <${from}>`,
      `To: <${config.tiAddress}>`,
      'Subject: Frå Sogndal',
      `Message-ID: <${crypto.randomBytes(6).toString('hex')}@x.example>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Har de plass til oss?',
      '',
    ].join('\r\n'),
    { from, to: [config.tiAddress] },
  );
  const [item] = await waitFor('the mail in review', async () => {
    const items = await json('review', 'list');
    return items.length === 1 ? items : null;
  });
  const assigned = await nettverk(
    'review',
    'assign',
    String(item.uid),
    'sogndal',
    '--campaign',
    id,
  );
  expect(assigned.stdout).toContain(`delivered to ${id}/4640`);
  const flag = await waitFor(
    'the flag',
    async () => (await json('show', '4640', '--campaign', id)).flags[0]?.id,
  );
  await json('flags', 'resolve', 'sogndal', flag, '--campaign', id, '--note', 'Ringt, tre kommer');

  const open = await nettverk('flags', 'list', '--campaign', id);
  expect(open.stdout).not.toContain(flag);
  const all = await nettverk('flags', 'list', '--all', '--campaign', id);
  expect(all.stdout).toMatch(/resolved/);
  expect(all.stdout).toMatch(
    new RegExp(
      `Sogndal \\(4640\\)\\s+${flag}.*by Testar Koordinator \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d: Ringt, tre kommer`,
    ),
  );
  expect(all.stdout).toContain('1 flag, 0 open');
});

test('assignment move past the maximum: refused, or made with --over-capacity and recorded', async () => {
  await waitFor(
    'the proposal',
    async () => (await json('campaign', 'status', id)).phase === 'awaiting-approval',
    90_000,
  );
  const { proposal } = await json('assignment', 'show', '--campaign', id);
  const networkOf = (m: string) =>
    proposal.placements.find((p: { municipalityId: string }) => p.municipalityId === m).networkId;
  const target = networkOf('4621');
  expect(target).not.toBeNull();
  expect(networkOf('4602')).not.toBe(target);

  const refused = await nettverk('assignment', 'move', 'kinn', '--to', target, '--campaign', id);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/above its maximum of 3/);

  const moved = await nettverk(
    'assignment',
    'move',
    'Kinn',
    '--to',
    target,
    '--over-capacity',
    '--campaign',
    id,
  );
  expect(moved.code).toBe(0);
  expect(moved.stdout).toContain(`Kinn (4602) moved to ${target}.`);
  expect(moved.stderr).toContain('warning over capacity: moving Kinn (4602) with 2 participants');
  const after = await json('assignment', 'show', '--campaign', id);
  expect(after.moves.at(-1)).toMatchObject({
    municipalityId: '4602',
    to: target,
    by: 'Testar Koordinator',
    overCapacity: true,
    warning: expect.stringContaining('above its maximum of 3'),
  });
  expect(after.proposal.warnings).toContain(
    `Network ${target} has 4 participants, above its maximum of 3`,
  );
});

test('output through a pipe: a large JSON list is whole, and `--help | head -1` ends quietly', async () => {
  // 1,000 journeys on a task queue no worker polls: only their visibility records matter. Their
  // list is about 176 KB, past the 128 KB a pipe took before the CLI waited for its output.
  const big = `${id}-stor`;
  const ids = Array.from({ length: 1000 }, (_, i) => String(100_000_000 + i));
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let m = ids[next++]; m !== undefined; m = ids[next++])
        await h.client.workflow.start('journey', {
          workflowId: `journey/${big}/${m}`,
          taskQueue: `${config.temporal.taskQueue}-ingen`,
          args: [],
          typedSearchAttributes: new TypedSearchAttributes([
            { key: CampaignIdKey, value: big },
            { key: MunicipalityIdKey, value: m },
            { key: StageKey, value: 'scheduled' },
          ]),
        });
    }),
  );
  try {
    await waitFor(
      'all visible',
      async () => (await h.client.workflow.count(`CampaignId = "${big}"`)).count === ids.length,
      60_000,
    );
    const piped = await shell(`nettverk list --campaign ${big} --json | cat`);
    expect(piped.stdout.length).toBeGreaterThan(150_000);
    expect(JSON.parse(piped.stdout)).toHaveLength(ids.length);

    // The reader goes away early: no EPIPE, no stack trace.
    const help = await shell('nettverk --help | head -1');
    expect(help.stdout).toMatch(/^Usage: nettverk [^\n]*\n$/);
    expect(help.stderr).toBe('');
    const first = await shell(`nettverk list --campaign ${big} --json | head -1`);
    expect(first.stdout).toBe('[\n');
    expect(first.stderr).toBe('');
  } finally {
    // One batch job on the server, at its own pace: hundreds of deletions at once stall the
    // dev server's SQLite for minutes, and the other tests' workflows with it.
    await h.client.workflowService.startBatchOperation({
      namespace: config.temporal.namespace,
      jobId: `loesch-${big}`,
      reason: 'test over',
      visibilityQuery: `CampaignId = "${big}"`,
      deletionOperation: {},
    });
  }
});
