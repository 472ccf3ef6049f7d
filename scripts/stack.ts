// The embedded stack: the Temporal dev server (SQLite file, UI on, search attributes
// registered) and GreenMail (SMTP + IMAP on loopback). `up` is idempotent: what runs
// is reused, what is missing is started, and it returns only once each one answers.
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { isEmbedded, loadConfig, type Config } from '../platform/config';
import { devServerSearchAttributeFlags } from '../platform/search-attributes';
import { ensureSearchAttributes } from '../platform/temporal';
import {
  ensureRunning,
  serviceState,
  startReport,
  stop,
  stopReport,
  StackError,
  type ServiceDefinition,
} from './services';
import { installTools, tools } from './tools';

export interface DevServerOptions {
  host: string;
  port: number;
  uiPort: number;
  dbFile: string;
  stateDir: string;
  name?: string;
}

export function devServer(o: DevServerOptions): ServiceDefinition {
  const address = `${o.host}:${o.port}`;
  return {
    name: o.name ?? 'temporal',
    label: 'Temporal dev server',
    host: o.host,
    ports: [o.port, o.uiPort],
    command: tools.temporal,
    args: [
      'server',
      'start-dev',
      '--ip',
      o.host,
      '--port',
      String(o.port),
      '--ui-port',
      String(o.uiPort),
      '--db-filename',
      o.dbFile,
      // Write-ahead log, synced at checkpoints: survives a server crash or restart (only
      // a power cut can lose the last moments), and keeps up with hundreds of journeys
      // where a sync per transaction would not.
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
      '--log-level',
      'warn',
      ...devServerSearchAttributeFlags(),
    ],
    stateDir: o.stateDir,
    signature: 'start-dev',
    startTimeoutMs: 90_000,
    probe: async () => {
      const connection = await Connection.connect({ address, connectTimeout: '1s' });
      try {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        const ui = await fetch(`http://${o.host}:${o.uiPort}/`, {
          signal: AbortSignal.timeout(1000),
        });
        if (!ui.ok) throw new Error(`UI answered ${ui.status}`);
      } finally {
        await connection.close();
      }
    },
  };
}

/** Resolves once the server greets with the expected prefix (SMTP `220`, IMAP `* OK`). */
function greets(host: string, port: number, prefix: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000, () => {
      socket.destroy();
      reject(new Error(`no greeting on ${port}`));
    });
    socket.once('error', (e) => reject(e));
    socket.once('data', (data) => {
      socket.destroy();
      if (data.toString().startsWith(prefix)) resolve();
      else reject(new Error(`unexpected greeting on ${port}: ${data.toString().trim()}`));
    });
  });
}

/**
 * Said whenever the embedded GreenMail starts or stops. GreenMail (2.1.x, the newest
 * release included) has only an in-memory store: no option keeps mail across a restart
 * (`greenmail.preload.dir` only imports .eml files at start-up; upstream issue
 * greenmail-mail-test/greenmail#297 is open). Temporal's state survives in its SQLite file,
 * so a send that is retried across a GreenMail restart finds no copy and goes out again.
 */
export const GREENMAIL_FORGETS =
  'GreenMail keeps mail in memory only: after a restart every mailbox is empty, the copies ' +
  'in the TI mailbox that the exactly-once check looks for included, so a send retried ' +
  'across the restart goes out again (README, Operations).';

export function greenMail(config: Config, stateDir: string): ServiceDefinition {
  const { smtp, imap, tiAddress } = config;
  const [local, domain] = tiAddress.split('@');
  return {
    name: 'greenmail',
    label: 'GreenMail',
    host: smtp.host,
    ports: [smtp.port, imap.port],
    command: 'java',
    args: [
      // Every mail is kept in memory: a benchmark's thousands of invitations, replies and our
      // copies outgrew 384 MB (OutOfMemoryError, and a process that no longer answered).
      '-Xmx1g',
      `-Dgreenmail.smtp.hostname=${smtp.host}`,
      `-Dgreenmail.smtp.port=${smtp.port}`,
      `-Dgreenmail.imap.hostname=${imap.host}`,
      `-Dgreenmail.imap.port=${imap.port}`,
      '-Dgreenmail.users.login=email',
      `-Dgreenmail.users=${local}:embedded@${domain}`,
      // Any login is accepted and mailboxes appear on first delivery: the demo's
      // municipalities and the tests' recipients need no set-up.
      '-Dgreenmail.auth.disabled',
      '-jar',
      tools.greenmailJar,
    ],
    stateDir,
    signature: 'greenmail-standalone',
    forgets: GREENMAIL_FORGETS,
    startTimeoutMs: 60_000,
    probe: async () => {
      await greets(smtp.host, smtp.port, '220');
      await greets(imap.host, imap.port, '* OK');
    },
  };
}

export function embeddedServices(config: Config, stateDir = tools.stateDir): ServiceDefinition[] {
  if (!isEmbedded(config)) {
    throw new StackError(
      'The embedded stack runs on loopback only, but the configuration points elsewhere ' +
        `(TEMPORAL_ADDRESS=${config.temporal.address}, SMTP_URL host ${config.smtp.host}, IMAP_URL host ${config.imap.host}).`,
    );
  }
  const [host, port] = config.temporal.address.split(':');
  const uiPort = Number(new URL(config.temporal.uiUrl).port || 8233);
  return [
    devServer({
      host,
      port: Number(port),
      uiPort,
      dbFile: path.join(stateDir, 'temporal.db'),
      stateDir,
    }),
    greenMail(config, stateDir),
  ];
}

export function describeStack(config: Config): string[] {
  return [
    `Temporal gRPC  ${config.temporal.address} (namespace ${config.temporal.namespace})`,
    `Temporal UI    ${config.temporal.uiUrl}`,
    `SMTP           smtp://${config.smtp.host}:${config.smtp.port}`,
    `IMAP           imap://${config.imap.host}:${config.imap.port} (mailbox ${config.tiAddress}, any password; mail in memory only)`,
  ];
}

export async function stackUp(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<void> {
  installTools(log);
  for (const service of embeddedServices(config)) {
    const t0 = Date.now();
    const result = await ensureRunning(service);
    for (const line of startReport(service, result, Date.now() - t0)) log(line);
  }
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    const added = await ensureSearchAttributes(connection, config.temporal.namespace);
    if (added.length) log(`• Search attributes registered: ${added.join(', ')}`);
  } finally {
    await connection.close();
  }
  for (const line of describeStack(config)) log(`  ${line}`);
}

export async function stackDown(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<void> {
  for (const service of embeddedServices(config).reverse()) {
    for (const line of stopReport(service, await stop(service))) log(line);
  }
}

export async function stackStatus(config: Config): Promise<{ label: string; state: string }[]> {
  const rows = [];
  for (const service of embeddedServices(config)) {
    const s = await serviceState(service);
    const state =
      s.state === 'running'
        ? `running (pid ${s.pid})`
        : s.state === 'port-taken'
          ? `port ${s.port} taken by another process`
          : 'stopped';
    rows.push({ label: service.label, state });
  }
  return rows;
}

if (require.main === module) {
  const command = process.argv[2] ?? 'status';
  const config = loadConfig();
  const actions: Record<string, () => Promise<void>> = {
    up: () => stackUp(config),
    down: () => stackDown(config),
    status: async () => {
      for (const row of await stackStatus(config))
        console.log(`${row.label.padEnd(20)} ${row.state}`);
      for (const line of describeStack(config)) console.log(`  ${line}`);
    },
  };
  const action = actions[command];
  if (!action) {
    console.error(`Unknown command "${command}": use up, down or status.`);
    process.exit(2);
  }
  action().catch((error: Error) => {
    console.error(error instanceof StackError ? error.message : error);
    process.exit(1);
  });
}
