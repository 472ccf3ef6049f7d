// Other processes, seen from outside: a worker spawned as `nettverk worker`, and the Temporal
// dev server found by its command line. Memory and CPU come from /proc (Linux): resident set
// (VmRSS), its peak (VmHWM) and CPU time, so what is measured is the whole process, native
// SDK core and V8 together, as `ps` would show it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Memory {
  rss: number;
  peak: number;
}

export function memoryOf(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
}

/** User + system CPU time in ms (clock ticks at the usual 100 Hz). */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The Temporal dev server's process, if it runs on this machine. */
export function temporalServerPid(): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd.some((a) => a.endsWith('temporal')) && cmd.includes('start-dev'))
        return Number(entry);
    } catch {
      // gone, or not ours to read
    }
  }
  return null;
}

/** Waits until the process has used under `share` of a CPU for `quietMs` in a row. */
export async function waitIdle(pid: number, quietMs = 3000, share = 0.05): Promise<void> {
  let quietSince = Date.now();
  let last = cpuMsOf(pid);
  for (;;) {
    await sleep(500);
    const now = cpuMsOf(pid);
    if (now - last > 500 * share) quietSince = Date.now();
    last = now;
    if (Date.now() - quietSince >= quietMs) return;
  }
}

export interface WorkerProcess {
  pid: number;
  /** bin/nettverk.js ran dist/ (fresh build), not the sources through tsx. */
  compiled: boolean;
  stop(): Promise<void>;
}

/** `nettverk worker --no-inbox` in its own process, ready once it says which queues it polls. */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'bin', 'nettverk.js'), 'worker', '--no-inbox'],
    { cwd: root, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: 'pipe' },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('nettverk worker:')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${output}`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JS shared with bin/
  const { isBuildFresh } = require('../scripts/build') as { isBuildFresh(): boolean };
  return {
    pid: child.pid!,
    compiled: isBuildFresh() && env.NETTVERK_FROM_SOURCE !== '1',
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}
