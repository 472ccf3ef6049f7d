// Dovecot as an optional IMAP server beside GreenMail: a real IMAP implementation for the
// inbox's end-to-end test (tests/integration/dovecot-inbox.test.ts) and for trying the
// watcher against something other than GreenMail. Installed without root from the Debian
// packages (apt-get download dovecot-core dovecot-imapd, dpkg -x into .tools/dovecot) and
// run as the invoking user on a high port, mailbox logins from a passwd-file.
//
// Why the namespaces: the Debian build has its paths compiled in (/usr/lib/dovecot for
// its services and modules, /usr/bin/doveconf), and an unprivileged user cannot put files
// there. `unshare -Urm` gives the server a private mount namespace in which a read-only
// overlay shows .tools/dovecot/usr above /usr; a second user namespace maps the invoking
// user to `nobody` inside, because Dovecot started as (namespace) root insists on
// setgroups() and chroot(), which an unprivileged namespace refuses. Needs Linux with
// unprivileged user namespaces and overlayfs in them (5.11+), util-linux 2.38+.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { loadConfig } from '../platform/config';
import { ensureRunning, serviceState, stop, type ServiceDefinition } from './services';
import { ToolInstallError, toolsDir } from './tools';

export const dovecotDir = path.join(toolsDir, 'dovecot');
const dovecotBinary = path.join(dovecotDir, 'usr', 'sbin', 'dovecot');

export function dovecotInstalled(): boolean {
  return fs.existsSync(dovecotBinary);
}

function run(cmd: string, args: string[], cwd?: string, env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.error || result.status !== 0) {
    const why = result.error?.message ?? `${result.stderr}`.trim().split('\n').slice(-5).join('\n');
    throw new ToolInstallError('Dovecot', `${cmd} ${args.join(' ')}: ${why}`);
  }
  return result.stdout;
}

/** Fetches and unpacks the Debian packages once (apt-get download needs no root). */
export function installDovecot(log: (line: string) => void = console.log): void {
  if (dovecotInstalled()) return;
  const debs = path.join(toolsDir, 'dovecot-debs');
  fs.mkdirSync(debs, { recursive: true });
  run('apt-get', ['download', 'dovecot-core', 'dovecot-imapd'], debs);
  const staging = `${dovecotDir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  for (const deb of fs.readdirSync(debs).filter((f) => f.endsWith('.deb'))) {
    run('dpkg', ['-x', path.join(debs, deb), staging]);
  }
  fs.renameSync(staging, dovecotDir);
  // Its libraries are where Debian puts them (/usr/lib/dovecot), here under .tools/: say so,
  // as the server's own namespace does when it runs.
  const version = run(path.join(dovecotDir, 'usr', 'sbin', 'dovecot'), ['--version'], undefined, {
    LD_LIBRARY_PATH: path.join(dovecotDir, 'usr', 'lib', 'dovecot'),
  }).trim();
  log(`• Dovecot ${version} unpacked into ${dovecotDir}`);
}

/** The name of the user and group with id 65534 (nobody/nogroup on Debian) in this system. */
function nameOf(file: string, id: number, fallback: string): string {
  try {
    const line = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l.split(':')[2] === String(id));
    return line?.split(':')[0] ?? fallback;
  } catch {
    return fallback;
  }
}

export interface DovecotOptions {
  host: string;
  port: number;
  /** Configuration, state, mail and log live here. */
  stateDir: string;
  /** Mailbox logins: address → password (plain text in the passwd-file: test accounts). */
  users: Record<string, string>;
  name?: string;
}

/** Writes Dovecot's configuration and passwd-file into `stateDir`; the service to start. */
export function dovecotService(o: DovecotOptions): ServiceDefinition {
  const dir = o.stateDir;
  const conf = path.join(dir, 'dovecot.conf');
  const uid = 65534;
  const user = nameOf('/etc/passwd', uid, 'nobody');
  const group = nameOf('/etc/group', uid, 'nogroup');
  const config = [
    `base_dir = ${path.join(dir, 'run')}`,
    `state_dir = ${path.join(dir, 'lib')}`,
    `listen = ${o.host}`,
    'protocols = imap',
    // Loopback only (the host above), like GreenMail: no TLS to set up.
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `default_internal_user = ${user}`,
    `default_internal_group = ${group}`,
    `default_login_user = ${user}`,
    `log_path = ${path.join(dir, 'dovecot-server.log')}`,
    `mail_location = maildir:${path.join(dir, 'mail')}/%u`,
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${path.join(dir, 'passwd')}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${uid} gid=${uid} home=${path.join(dir, 'mail')}/%u`,
    '}',
    'service imap-login {',
    '  chroot =',
    '  inet_listener imap {',
    `    port = ${o.port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    'service anvil {',
    '  chroot =',
    '}',
    '',
  ].join('\n');
  // Written here, before the service starts: ServiceDefinition has no set-up step.
  for (const sub of ['run', 'lib', 'mail']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(conf, config);
  fs.writeFileSync(
    path.join(dir, 'passwd'),
    Object.entries(o.users)
      .map(([address, password]) => `${address}:{PLAIN}${password}\n`)
      .join(''),
    { mode: 0o600 },
  );
  const dovecot = `/usr/sbin/dovecot -F -c ${conf}`;
  const inner = [
    `mount -t overlay overlay -o lowerdir=${path.join(dovecotDir, 'usr')}:/usr /usr`,
    `exec unshare -U --map-user=${uid} --map-group=${uid} ${dovecot}`,
  ].join(' && ');
  return {
    name: o.name ?? 'dovecot',
    label: 'Dovecot',
    host: o.host,
    ports: [o.port],
    command: 'unshare',
    args: ['-Urm', 'sh', '-c', inner],
    stateDir: dir,
    // One argument of the command line (NUL-separated in /proc) from start to exec.
    signature: conf,
    startTimeoutMs: 30_000,
    probe: () =>
      new Promise<void>((resolve, reject) => {
        const socket = net.connect({ host: o.host, port: o.port });
        socket.setTimeout(1000, () => {
          socket.destroy();
          reject(new Error(`no greeting on ${o.port}`));
        });
        socket.once('error', reject);
        socket.once('data', (data) => {
          socket.destroy();
          if (data.toString().startsWith('* OK')) resolve();
          else reject(new Error(`unexpected greeting: ${data.toString().trim()}`));
        });
      }),
  };
}

/**
 * `npm run dovecot -- up|down|status`: the optional Dovecot beside the embedded stack, on
 * loopback port NETTVERK_DOVECOT_PORT (31143), state in .tools/state/dovecot, the TI
 * mailbox with IMAP_PASSWORD (or "embedded"). Point IMAP_URL at it to use it.
 */
if (require.main === module) {
  const config = loadConfig();
  const port = Number(process.env.NETTVERK_DOVECOT_PORT ?? 31143);
  const service = () =>
    dovecotService({
      host: '127.0.0.1',
      port,
      stateDir: path.join(toolsDir, 'state', 'dovecot'),
      users: { [config.imap.user]: config.imap.password ?? 'embedded' },
    });
  const actions: Record<string, () => Promise<void>> = {
    up: async () => {
      installDovecot();
      const result = await ensureRunning(service());
      console.log(
        `• Dovecot: ${result.reused ? 'already running' : 'started'} (pid ${result.pid}); ` +
          `IMAP_URL=imap://127.0.0.1:${port} (mailbox ${config.imap.user})`,
      );
    },
    down: async () => {
      console.log((await stop(service())) ? '• Dovecot: stopped' : '• Dovecot: was not running');
    },
    status: async () => {
      console.log(`Dovecot ${JSON.stringify(await serviceState(service()))}`);
    },
  };
  const action = actions[process.argv[2] ?? 'status'];
  if (!action) {
    console.error(`Unknown command "${process.argv[2]}": use up, down or status.`);
    process.exit(2);
  }
  action().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
