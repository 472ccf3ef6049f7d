// The real `nettverk` binary against the real dev server and GreenMail: start (twice),
// status, list, show, register, cancel, review, export, parse, campaign cancel; JSON out,
// exit codes, refusals with the workflow's reason, and bad input that starts nothing.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  readMailbox,
  root,
  smtpSend,
  startHarness,
  testConfig,
  waitFor,
  type Harness,
} from '../support/integration';

jest.setTimeout(240_000);

const config = testConfig();
const id = `cli-${crypto.randomBytes(3).toString('hex')}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettverk-cli-'));
let h: Harness;

const run = promisify(execFile);
async function nettverk(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(root, 'bin', 'nettverk.js'), ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          NETTVERK_ENV_FILE: '/dev/null',
          TI_ADDRESS: config.tiAddress,
          NETTVERK_TASK_QUEUE: config.temporal.taskQueue,
          NETTVERK_COORDINATOR: 'Testar Koordinator',
          NO_COLOR: '1',
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const json = async (...args: string[]) => {
  const r = await nettverk(...args, '--json');
  if (r.code !== 0) throw new Error(`nettverk ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

const roster = path.join(dir, 'kommuner.csv');
const badRoster = path.join(dir, 'feil.csv');
beforeAll(async () => {
  const demo = fs
    .readFileSync(path.join(root, 'campaigns', 'demo', 'municipalities.csv'), 'utf8')
    .split('\n');
  const header = demo.find((l) => l.startsWith('id,'))!;
  const rows = ['4621', '4602', '4640', '1103'].map((m) =>
    demo.find((l) => l.startsWith(`${m},`))!,
  );
  fs.writeFileSync(roster, [header, ...rows].join('\n') + '\n');
  fs.writeFileSync(
    badRoster,
    [header, rows[0], rows[1].replace('postmottak@kinn.kommune.example', 'ikke-en-adresse')].join(
      '\n',
    ) + '\n',
  );
  h = await startHarness(config, { inbox: true });
});
afterAll(async () => {
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const campaignFile = path.join(root, 'campaigns', 'ks-ti-2013.yaml');
const start = [
  'campaign',
  'start',
  campaignFile,
  '--municipalities',
  roster,
  '--id',
  id,
  '--compress',
  '4s',
];

test('bad input is refused with file and line, and nothing starts', async () => {
  const bad = await nettverk(
    'campaign',
    'start',
    campaignFile,
    '--municipalities',
    badRoster,
    '--id',
    id,
    '--compress',
    '4s',
  );
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain(`${path.basename(badRoster)}:3`);
  expect(bad.stderr).toContain('email');
  expect(bad.stderr).not.toMatch(/\n\s+at /); // one clear message, no stack trace
  expect((await h.client.workflow.count(`CampaignId = "${id}"`)).count).toBe(0);

  const usage = await nettverk('campaign', 'begin');
  expect(usage.code).toBe(2);
  const dry = await json(...start, '--dry-run');
  expect(dry).toEqual({ campaignId: id, valid: true, municipalities: 4, started: 0 });
});

test('files that are not a roster or campaign file: one line each, no stack, nothing started', async () => {
  // The roster as Excel's plain "CSV" writes it, in Latin-1, with Bærum and language forms
  // spelt in ASCII (nb, nn, noytral): it used to start with «B�rum» in every mail. With
  // --compress the start would otherwise succeed (the file's 2013 deadline is moved ahead).
  const demo = fs.readFileSync(path.join(root, 'campaigns', 'demo', 'municipalities.csv'), 'utf8');
  const baerum = demo.split('\n').find((l) => l.startsWith('3201,'))!;
  const coded = `${fs.readFileSync(roster, 'utf8')}${baerum}\n`
    .replace(/bokmål/g, 'nb')
    .replace(/nynorsk/g, 'nn')
    .replace(/nøytral/g, 'noytral');
  const latin1 = path.join(dir, 'latin1.csv');
  fs.writeFileSync(latin1, Buffer.from(coded, 'latin1'));
  const png = path.join(dir, 'kampanje.yaml');
  fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const folder = fs.mkdtempSync(path.join(dir, 'mappe-'));
  const startWith = (file: string, csv: string) => [
    ...['campaign', 'start', file, '--municipalities', csv],
    ...['--id', id, '--compress', '4s'],
  ];
  const cases: [string[], string][] = [
    [
      startWith(campaignFile, latin1),
      `${latin1}: not UTF-8 (byte 0xE6 at line 6, "Bærum" read as Latin-1/Windows-1252); save it as UTF-8`,
    ],
    [startWith(png, roster), `${png}: a PNG image, not a YAML text file`],
    [startWith(campaignFile, folder), `${folder}: is a folder, not a file`],
    [['parse', folder], `${folder}: is a folder, not a file`],
  ];
  for (const [args, message] of cases) {
    const r = await nettverk(...args);
    expect({ args, code: r.code }).toEqual({ args, code: 1 });
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(message)]);
    expect(r.stderr).not.toContain('    at ');
  }
  expect((await h.client.workflow.count(`CampaignId = "${id}"`)).count).toBe(0);
  expect(await json('list', '--campaign', id)).toEqual([]);
});

test('start is idempotent; status, list and show report the journeys', async () => {
  expect(await json(...start)).toEqual({
    campaignId: id,
    campaignWorkflow: 'started',
    journeys: { total: 4, started: 4, existing: 0 },
  });
  expect(await json(...start)).toEqual({
    campaignId: id,
    campaignWorkflow: 'existing',
    journeys: { total: 4, started: 0, existing: 4 },
  });

  const status = await waitFor('all four invited', async () => {
    const s = await json('campaign', 'status', id);
    return s.funnel.invited === 4 ? s : null;
  });
  expect(status).toMatchObject({
    campaignId: id,
    phase: 'registration',
    funnel: { invited: 4, registered: 0 },
    openFlags: 0,
  });
  expect(status.networks.map((n: { id: string }) => n.id)).toEqual(['A', 'B', 'C']);

  const list = await json('list', '--campaign', id, '--stage', 'invited');
  expect(list.map((r: { municipalityId: string }) => r.municipalityId)).toEqual([
    '1103',
    '4602',
    '4621',
    '4640',
  ]);
  const voss = await json('show', '4621', '--campaign', id);
  expect(voss).toMatchObject({
    id: '4621',
    name: 'Voss',
    stage: 'invited',
    network: null,
    participants: [],
    flags: [],
  });
  expect(voss.state.mails[0]).toMatchObject({ step: 'invitation', status: 'sent' });
});

test('register by hand, a refused change with its reason, cancel', async () => {
  const registered = await json(
    'register',
    '4621',
    '--campaign',
    id,
    '--participant',
    'Kari Nordmann; kommunalsjef; kari.nordmann@voss.kommune.example',
    '--participant',
    'Ola Hansen; rådgjevar; ola.hansen@voss.kommune.example; 99 88 77 66',
    '--network',
    'a',
  );
  expect(registered).toMatchObject({
    stage: 'registered',
    network: null,
    participants: [
      { name: 'Kari Nordmann', title: 'kommunalsjef', email: 'kari.nordmann@voss.kommune.example' },
      {
        name: 'Ola Hansen',
        title: 'rådgjevar',
        email: 'ola.hansen@voss.kommune.example',
        phone: '99 88 77 66',
      },
    ],
  });
  expect(registered.state).toMatchObject({ networkPreference: 'A', registeredVia: 'coordinator' });

  const refused = await nettverk(
    'participants',
    '4640',
    '--campaign',
    id,
    '--participant',
    'Kari; x; kari@sogndal.kommune.example',
  );
  expect(refused.code).toBe(1);
  expect(refused.stderr.trim()).toBe(
    'Refused: The journey is invited: only a registered municipality has participants to change',
  );

  const cancelled = await json(
    'cancel',
    '4602',
    '--campaign',
    id,
    '--reason',
    'Kommunen er slått sammen',
  );
  expect(cancelled.stage).toBe('cancelled');
  expect(cancelled.state.cancellation).toMatchObject({
    by: 'Testar Koordinator',
    reason: 'Kommunen er slått sammen',
  });
  const again = await nettverk('cancel', '4602', '--campaign', id, '--reason', 'igjen');
  expect(again.stderr.trim()).toBe(
    'The journey of 4602 has ended (cancelled): it cannot be changed any more.',
  );
});

test('the review queue: a stranger is listed with the reason, dismissed; another is assigned to a journey', async () => {
  const mail = (from: string, subject: string) =>
    [
      `From: <${from}>`,
      `To: <${config.tiAddress}>`,
      `Subject: ${subject}`,
      `Message-ID: <${crypto.randomBytes(6).toString('hex')}@x.example>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Har dere plass til oss?',
      '',
    ].join('\r\n');
  await smtpSend(mail('ukjent@firma.example', 'Spørsmål om nettverk'), {
    from: 'ukjent@firma.example',
    to: [config.tiAddress],
  });
  const [item] = await waitFor('the stranger in review', async () => {
    const items = await json('review', 'list');
    return items.length === 1 ? items : null;
  });
  expect(item).toMatchObject({
    fromDomain: 'firma.example',
    kind: 'question',
    reason: 'matches no journey (no reference, no token, unknown sender)',
  });
  expect((await nettverk('review', 'dismiss', String(item.uid))).code).toBe(0);
  expect(await json('review', 'list')).toEqual([]);

  await smtpSend(mail('rektor@skule.example', 'Frå Sogndal'), {
    from: 'rektor@skule.example',
    to: [config.tiAddress],
  });
  const [second] = await waitFor('the second in review', async () => {
    const items = await json('review', 'list');
    return items.length === 1 ? items : null;
  });
  const assigned = await nettverk('review', 'assign', String(second.uid), '4640', '--campaign', id);
  expect(assigned.code).toBe(0);
  const sogndal = await json('show', '4640', '--campaign', id);
  expect(sogndal.state.replies).toHaveLength(1);
  expect(sogndal.flags.map((f: { kind: string }) => f.kind)).toEqual(['question']);
  const flags = await json('flags', 'list', '--campaign', id);
  expect(flags.map((f: { id: string; flag: { id: string } }) => `${f.id}:${f.flag.id}`)).toEqual([
    '4640:question-1',
  ]);
  const resolved = await json(
    'flags',
    'resolve',
    '4640',
    'question-1',
    '--campaign',
    id,
    '--note',
    'Svart på telefon',
  );
  expect(resolved.flags[0].resolved).toMatchObject({
    by: 'Testar Koordinator',
    note: 'Svart på telefon',
  });
  expect(await json('flags', 'list', '--campaign', id)).toEqual([]);
});

test('preview renders a template to the terminal and to a web page; dev status shows the stack', async () => {
  const page = path.join(dir, 'preview.html');
  const r = await nettverk('preview', 'invitation', '--language', 'nn', '--out', page);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Emne:');
  expect(r.stdout).toContain('Påmeldingsfristen');
  expect(fs.readFileSync(page, 'utf8')).toContain('lang="nn"');
  const unknown = await nettverk('preview', 'invitasjon');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/There is no template "invitasjon"/);
  const dev = await json('dev', 'status');
  expect(
    dev.services.map((s: { label: string; state: string }) => [s.label, s.state.split(' ')[0]]),
  ).toEqual([
    ['Temporal dev server', 'running'],
    ['GreenMail', 'running'],
  ]);
});

test('parse prints what the system reads in a saved mail', async () => {
  const fixtures = path.join(root, 'test', 'fixtures', 'replies');
  const file = fs
    .readdirSync(fixtures)
    .find((f) => f.endsWith('.eml') && f.includes('registration'))!;
  const parsed = await json('parse', path.join(fixtures, file));
  expect(parsed.kind).toBe('registration');
  expect(parsed.participants.length).toBeGreaterThanOrEqual(1);
  expect(Object.keys(parsed)).toEqual(
    expect.arrayContaining(['kind', 'text', 'participants', 'anchored', 'networkPreference']),
  );
  const human = await nettverk('parse', path.join(fixtures, file));
  expect(human.stdout).toMatch(/^Registration from/);
});

test('export registrations as CSV that Norwegian Excel opens', async () => {
  const out = path.join(dir, 'reg.csv');
  const r = await nettverk('export', 'registrations', '--campaign', id, '--out', out);
  expect(r.code).toBe(0);
  const bytes = fs.readFileSync(out);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain(';');
  expect(text).toContain('Kari Nordmann');
  expect(text).toContain('rådgjevar');
});

test('export logistics and lessons as JSON', async () => {
  const logistics = JSON.parse(
    (await nettverk('export', 'logistics', '--campaign', id, '--format', 'json', '--out', '-'))
      .stdout,
  );
  expect(Array.isArray(logistics)).toBe(true);
  const lessons = JSON.parse(
    (await nettverk('export', 'lessons', '--campaign', id, '--format', 'json', '--out', '-'))
      .stdout,
  );
  expect(Array.isArray(lessons)).toBe(true);
});

test('cancelling the campaign cancels every journey still running', async () => {
  const r = await json('campaign', 'cancel', id, '--reason', 'Testen er over');
  expect(r.phase).toBe('cancelled');
  await waitFor(
    'every journey cancelled',
    async () =>
      (await h.client.workflow.count(`CampaignId = "${id}" AND ExecutionStatus = "Running"`))
        .count === 0,
    60_000,
  );
  const list = await json('list', '--campaign', id);
  expect(list.map((x: { stage: string }) => x.stage)).toEqual([
    'cancelled',
    'cancelled',
    'cancelled',
    'cancelled',
  ]);
});

test('purge deletes the histories and the mail of the campaign', async () => {
  const refused = await nettverk('campaign', 'purge', id);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/add --yes/);
  const report = await json('campaign', 'purge', id, '--yes');
  expect(report.workflowsDeleted).toBe(5); // the campaign and four journeys
  expect(report.mailsDeleted).toBeGreaterThan(4); // at least the archived invitations
  // The server deletes asynchronously, visibility records last; a busy one takes a while.
  await waitFor(
    'the histories gone',
    async () => (await h.client.workflow.count(`CampaignId = "${id}"`)).count === 0,
    120_000,
  );
  const show = await nettverk('show', '4621', '--campaign', id);
  expect(show.code).toBe(1);
  expect(show.stderr).toMatch(/does not exist/);
  const left = await readMailbox(config.tiAddress, 'Nettverk.Sendt');
  expect(left.filter((m) => m.mime.subject.includes(`[ref. ${id}/`))).toEqual([]);
});
