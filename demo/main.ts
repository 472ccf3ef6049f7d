// `npm run demo`: the 2013 programme, compressed in time, on the embedded stack. The
// workflows, the mail and the CLI are the real ones; only the calendar is short, and the
// municipalities are simulated (they read their GreenMail mailboxes and answer by SMTP).
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { loadMunicipalitiesFile } from '../platform/files/roster-file';
import { loadCampaignFile } from '../platform/files/campaign-file';
import type { Campaign, Municipality } from '../domain/types';
import { isEmbedded, loadConfig, readEnvironment, type Config } from '../platform/config';
import { connectClient } from '../platform/temporal';
import { connectWorker } from '../platform/worker-connection';
import { createImapClient } from '../activities/mail/imap';
import { allJourneyStates, campaignState, countByStage } from '../operations/journeys';
import { funnelFromStages } from '../operations/status';
import { compareWithExpected } from './check';
import { createWorkers, type RunningWorkers } from '../worker/workers';
import { campaignWorkflowId, inboxWorkflowId } from '../workflows/definitions';
import { createSimulator } from './simulator';
import { demoRoster } from './roster';
import { dayLengthFor, gatheringDates } from './schedule';
import { toCampaignTime } from '../domain/campaign/clock';
import { LiveFunnel } from './live';
import { chooseDayLength, measureRoundTrip } from './calibrate';

const root = path.resolve(__dirname, '..');

interface DemoOptions {
  /** Null: measured on this machine before the campaign starts (demo/calibrate.ts). */
  msPerDay: number | null;
  /** The shortest day the measurement may choose is 500 ms, not the list's comfortable one. */
  fast: boolean;
  municipalities: string;
  /** Measure, say what day length that gives, and stop. */
  calibrateOnly: boolean;
}

function parseArgs(argv: string[]): DemoOptions {
  const o: DemoOptions = {
    msPerDay: null,
    fast: false,
    municipalities: path.join(root, 'campaigns', 'demo', 'municipalities.csv'),
    calibrateOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fast') o.fast = true;
    else if (a === '--calibrate') o.calibrateOnly = true;
    else if (a === '--ms-per-day') o.msPerDay = Number(argv[++i]);
    else if (a === '--municipalities') o.municipalities = path.resolve(argv[++i]);
    else if (a === '--help') {
      console.log(
        'npm run demo [-- --fast] [-- --ms-per-day 900] [-- --municipalities data/municipalities-2025.csv] [-- --calibrate]',
      );
      process.exit(0);
    } else throw new Error(`Unknown option ${a} (try --help)`);
  }
  if (o.msPerDay !== null && (!Number.isFinite(o.msPerDay) || o.msPerDay < 100))
    throw new Error('--ms-per-day must be at least 100');
  return o;
}

/**
 * Runs the real CLI as the coordinator would. Asynchronously: the workers live in this
 * process, and the CLI's queries and updates need them to answer.
 */
async function cli(args: string[], env: NodeJS.ProcessEnv, show = true): Promise<string> {
  if (show) console.log(`\n$ nettverk ${args.join(' ')}`);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'nettverk.js'), ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (show && stdout) process.stdout.write(stdout);
  if (code !== 0) throw new Error(`nettverk ${args.join(' ')} failed: ${stderr.trim()}`);
  return stdout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The coordinator sets the dates the invitation only gave as months. Side by side: each CLI
 * call takes a few seconds to start, which is weeks of demo time. On a loaded machine a date
 * may pass before its call lands; like a coordinator, the demo then picks a later Tuesday.
 */
async function setGatheringDates(campaign: Campaign, id: string, env: NodeJS.ProcessEnv) {
  const today = () => toCampaignTime(campaign.clock, Date.now());
  const dates = gatheringDates(campaign, today());
  console.log(`\n$ nettverk gathering set … (${dates.length} gatherings given dates)`);
  await Promise.all(
    dates.map(async ({ network, number, date }) => {
      for (let attempt = 1; ; attempt++) {
        try {
          const args = ['gathering', 'set', network, String(number), '--date', date];
          return await cli([...args, '--campaign', id], env, false);
        } catch (error) {
          if (attempt === 3 || !/has already passed/.test((error as Error).message)) throw error;
          const later = gatheringDates(campaign, today()).find(
            (d) => d.network === network && d.number === number,
          );
          console.log(
            `  ${network} ${number}: ${date} passed before it was set; now ${later!.date}`,
          );
          date = later!.date;
        }
      }
    }),
  );
}

/** Earlier demo runs may have been interrupted: end their workflows so this run stands alone. */
async function clearEarlierDemos(client: Client, config: Config): Promise<number> {
  let ended = 0;
  const query =
    'ExecutionStatus = "Running" AND (WorkflowType = "journey" OR WorkflowType = "campaignWorkflow")';
  for await (const w of client.workflow.list({ query })) {
    if (!/^(campaign|journey)\/demo-/.test(w.workflowId)) continue;
    await client.workflow
      .getHandle(w.workflowId)
      .terminate('a new demo run started')
      .catch(() => undefined);
    ended += 1;
  }
  await client.workflow
    .getHandle(inboxWorkflowId(config.tiAddress))
    .terminate('the demo runs its own inbox watcher')
    .catch(() => undefined);
  return ended;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const id = `demo-${new Date().toISOString().replace(/[-:T]/g, '').slice(2, 14)}`;
  const env: NodeJS.ProcessEnv = {
    ...readEnvironment(),
    NETTVERK_TASK_QUEUE: id,
    MAIL_RATE_PER_MINUTE: process.env.MAIL_RATE_PER_MINUTE ?? '6000',
    NETTVERK_COORDINATOR: 'Tor Dølvik (demo)',
    // The demo shows the funnel and the coordinator's commands; the workers speak up only
    // when something is wrong.
    NETTVERK_LOG_LEVEL: process.env.NETTVERK_LOG_LEVEL ?? 'warn',
  };
  const config = loadConfig(env);
  if (!isEmbedded(config)) {
    console.error(
      'The demo runs on the embedded stack only (loopback Temporal, SMTP and IMAP): it never mails anyone real.',
    );
    return 1;
  }
  const t0 = Date.now();
  const roster = demoRoster(options.municipalities, path.join(root, 'out'));
  const client = await connectClient(config);
  const ended = await clearEarlierDemos(client, config);
  if (ended) console.log(`(ended ${ended} workflows of an earlier, interrupted demo)`);
  const native = await connectWorker(config);
  let workers: RunningWorkers | null = await createWorkers({
    config,
    connection: native,
    client,
    inbox: true,
  });
  const running = workers.run();
  let simulator: ReturnType<typeof createSimulator> | null = null;
  let live: LiveFunnel | null = null;
  const municipalities = loadMunicipalitiesFile(roster.path);
  const msPerDay = await dayLength(options, client, config, municipalities);
  if (options.calibrateOnly) {
    await stopWorkers();
    return 0;
  }
  console.log(
    `nettverk demo ${id}: the 2013 programme for ${roster.count} municipalities, one campaign day = ${msPerDay} ms (about ${Math.round((msPerDay * 400) / 60_000)} minutes)`,
  );
  console.log(
    `Temporal UI: ${config.temporal.uiUrl}/namespaces/${config.temporal.namespace}/workflows?query=CampaignId%3D%22${id}%22`,
  );

  async function stopWorkers(): Promise<void> {
    await client.workflow
      .getHandle(inboxWorkflowId(config.tiAddress))
      .terminate('demo over')
      .catch(() => undefined);
    await workers?.shutdown();
    await running;
    workers = null;
    await native.close();
    await client.connection.close();
  }

  try {
    await cli(
      [
        'campaign',
        'start',
        'campaigns/ks-ti-2013.yaml',
        '--municipalities',
        roster.path,
        '--id',
        id,
        '--compress',
        `${msPerDay}ms`,
      ],
      env,
    );
    const started = await campaignState(client, id);
    const campaign: Campaign = started.campaign;
    simulator = createSimulator({
      campaign,
      municipalities,
      tiAddress: config.tiAddress,
      smtp: { host: config.smtp.host, port: config.smtp.port },
      imap: { host: config.imap.host, port: config.imap.port },
    });
    await simulator.start();
    live = new LiveFunnel(client, id, campaign);
    live.start();

    // The coordinator's part, through the CLI: approve the proposal, then set the dates
    // the invitation only gave as months.
    await waitForPhase(client, id, 'awaiting-approval');
    // Replies sent before the deadline count as on time even when read after it: let the
    // inbox catch up before the coordinator looks at the proposal.
    await waitForInboxRead(config);
    live.pause();
    await cli(['assignment', 'show', '--campaign', id], env);
    await cli(['assignment', 'approve', '--campaign', id], env);
    await setGatheringDates(campaign, id, env);
    live.resume();

    await client.workflow.getHandle(campaignWorkflowId(id)).result();
    while (
      (await client.workflow.count(`CampaignId = "${id}" AND ExecutionStatus = "Running"`)).count >
      0
    )
      await sleep(500);
    live.stop();
    live = null;

    const ok = compareWithExpected(
      funnelFromStages(await countByStage(client, id)),
      await allJourneyStates(client, id),
      simulator.expected(),
    );
    await cli(['campaign', 'status', id], env);
    await cli(['report', id, '--out', 'out/demo-rapport.html'], env);
    await cli(
      [
        'export',
        'logistics',
        '--campaign',
        id,
        '--format',
        'xlsx',
        '--out',
        'out/demo-logistikk.xlsx',
      ],
      env,
    );
    console.log(
      `\nDemo ${ok ? 'finished' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s. Open out/demo-rapport.html; the mailboxes are in GreenMail (IMAP 127.0.0.1:${config.imap.port}, any password).`,
    );
    return ok ? 0 : 1;
  } finally {
    live?.stop();
    await simulator?.stop();
    await stopWorkers();
  }
}

/**
 * The campaign day: as given, or measured now on this machine (demo/calibrate.ts), never
 * shorter than `--fast`'s 500 ms or, by default, than a 2-CPU machine was seen to need for
 * this many municipalities (`dayLengthFor`). Says what it chose and why.
 */
async function dayLength(
  options: DemoOptions,
  client: Client,
  config: Config,
  municipalities: Municipality[],
): Promise<number> {
  const floor = options.fast ? 500 : dayLengthFor(municipalities.length);
  if (options.msPerDay !== null && !options.calibrateOnly) {
    console.log(`One campaign day = ${options.msPerDay} ms, as given (--ms-per-day).`);
    return options.msPerDay;
  }
  console.log('Measuring this machine: a probe campaign of 8 through the same workers and mail …');
  const base = loadCampaignFile(path.join(root, 'campaigns', 'ks-ti-2013.yaml'));
  const measured = await measureRoundTrip(client, config, base, municipalities, {
    prefix: 'demo-kalibrering-',
  });
  const choice = chooseDayLength(measured, municipalities.length, floor);
  console.log(`One campaign day = ${choice.msPerDay} ms: ${choice.reason}.`);
  if (options.msPerDay !== null) return options.msPerDay;
  return choice.msPerDay;
}

async function waitForPhase(client: Client, id: string, phase: string): Promise<void> {
  for (;;) {
    if ((await campaignState(client, id)).phase === phase) return;
    await sleep(250);
  }
}

/** Until the watcher has read (and filed) everything that arrived in the TI inbox. */
async function waitForInboxRead(config: Config): Promise<void> {
  const imap = createImapClient(config);
  await imap.connect();
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = await imap.status(config.imap.folder, { messages: true });
      const messages = status ? status.messages : 0;
      if (!messages) return;
      if (Date.now() > deadline) {
        console.log(`(${messages} mails still unread in the inbox a minute after the deadline)`);
        return;
      }
      await sleep(250);
    }
  } finally {
    await imap.logout().catch(() => imap.close());
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
