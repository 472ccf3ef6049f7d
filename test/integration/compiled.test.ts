// The compiled build (`npm run build`, what bin/nettverk.js and the Docker image run): built
// here afresh into a folder of its own, then used as a coordinator and an operator would:
// the CLI's help and `parse`, and the compiled worker sending a journey's invitation through
// the real dev server and GreenMail. A source that compiles under tsx but not as JavaScript
// on its own (a missing file, a JSON import, a path reckoned from __dirname) fails here.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { createClient } from '../../platform/temporal';
import { journeyWorkflowId } from '../../workflows/definitions';
import { municipality } from '../support/scenario';
import { readMailbox, root, testCampaign, testConfig, waitFor } from '../support/integration';

const run = promisify(execFile);
jest.setTimeout(240_000);

// Inside the repository (out/ is git-ignored), so the build finds templates/ and package.json
// by walking up, as dist/ does.
const outDir = path.join(root, 'out', `build-test-${crypto.randomBytes(3).toString('hex')}`);
const cli = path.join(outDir, 'cli', 'main.js');

beforeAll(async () => {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  await run(tsc, ['-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const env = { ...process.env, NETTVERK_ENV_FILE: '/dev/null', NO_COLOR: '1' };

test('the compiled CLI prints its help and reads a reply without TypeScript at hand', async () => {
  const help = await run(process.execPath, [cli, '--help'], { cwd: root, env });
  expect(help.stdout).toContain('campaign');
  expect(help.stdout).toContain('review');
  const version = await run(process.execPath, [cli, '--version'], { cwd: root, env });
  expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);

  const eml = path.join(root, 'test', 'fixtures', 'replies', 'iphone-decline.eml');
  const parsed = await run(process.execPath, [cli, 'parse', eml, '--json'], { cwd: root, env });
  const expected = JSON.parse(fs.readFileSync(eml.replace(/\.eml$/, '.expected.json'), 'utf8')) as {
    kind: string;
  };
  expect(JSON.parse(parsed.stdout)).toEqual(expect.objectContaining({ kind: expected.kind }));
  // Nothing of the TypeScript loader in the compiled process.
  expect(fs.readdirSync(path.join(outDir, 'cli')).some((f) => f.endsWith('.ts'))).toBe(false);
});

test('the compiled worker bundles the workflows and sends an invitation over real SMTP', async () => {
  const config = testConfig();
  const campaign = testCampaign(config);
  const id = crypto.randomBytes(3).toString('hex');
  const voss = { ...municipality('4621'), email: `postmottak+${id}@voss.kommune.example` };
  const worker: ChildProcess = spawn(process.execPath, [cli, 'worker', '--no-inbox'], {
    cwd: root,
    env: {
      ...env,
      TEMPORAL_ADDRESS: config.temporal.address,
      SMTP_URL: 'smtp://127.0.0.1:3025',
      IMAP_URL: 'imap://127.0.0.1:3143',
      TI_ADDRESS: config.tiAddress,
      NETTVERK_TASK_QUEUE: config.temporal.taskQueue,
      MAIL_RATE_PER_MINUTE: '6000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  worker.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  worker.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((r) => worker.once('exit', (code) => r(code)));

  const connection = await Connection.connect({ address: config.temporal.address });
  const client = createClient(connection, config);
  try {
    const handle = await client.workflow.start('journey', {
      workflowId: journeyWorkflowId(campaign.id, voss.id),
      taskQueue: config.temporal.taskQueue,
      args: [{ campaign, municipality: voss }],
    });
    const [mail] = await waitFor(
      'the invitation from the compiled worker',
      async () => {
        const found = await readMailbox(voss.email);
        return found.length ? found : null;
      },
      120_000,
    );
    expect(mail.mime.subject).toContain(`[ref. ${campaign.id}/4621]`);
    expect(mail.mime.text).toContain('«Beskytt kommunen!»');
    expect(output).toContain(`task queues ${config.temporal.taskQueue}`);
    await handle.terminate('test over');
  } finally {
    worker.kill('SIGTERM');
    await connection.close();
  }
  // A SIGTERM is an orderly stop: the worker drains and exits on its own.
  expect(await exited).toBe(0);
});
