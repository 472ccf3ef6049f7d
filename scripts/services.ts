// One embedded service (the Temporal dev server, GreenMail) as a detached process with a
// pid file, a log file and a readiness probe. Knows whether a port is held by itself,
// by nobody, or by a stranger.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface ServiceDefinition {
  name: string;
  /** Human label: "Temporal dev server". */
  label: string;
  host: string;
  ports: number[];
  command: string;
  args: string[];
  stateDir: string;
  /** Resolves when the service really answers; rejects with why not. */
  probe: () => Promise<void>;
  startTimeoutMs: number;
  /** Substring of the process command line that proves a pid is still ours. */
  signature: string;
  /**
   * For a service that keeps its state in memory only, what a restart loses and what that
   * means: said on every fresh start and every stop, so nobody takes it for durable.
   */
  forgets?: string;
}

export type ServiceState =
  { state: 'running'; pid: number } | { state: 'stopped' } | { state: 'port-taken'; port: number };

export class StackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackError';
  }
}

const pidFile = (s: ServiceDefinition) => path.join(s.stateDir, `${s.name}.pid`);
export const logFile = (s: ServiceDefinition) => path.join(s.stateDir, `${s.name}.log`);

function readPid(s: ServiceDefinition): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile(s), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isOurProcess(pid: number, signature: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(signature);
  } catch {
    return true; // no /proc (macOS): a live pid from our pid file is the best evidence we have
  }
}

export function portAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function serviceState(s: ServiceDefinition): Promise<ServiceState> {
  const pid = readPid(s);
  if (pid !== null && isOurProcess(pid, s.signature)) return { state: 'running', pid };
  for (const port of s.ports) {
    if (await portAnswers(s.host, port)) return { state: 'port-taken', port };
  }
  return { state: 'stopped' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilReady(s: ServiceDefinition, pid: number): Promise<void> {
  const deadline = Date.now() + s.startTimeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (!isOurProcess(pid, s.signature)) {
      throw new StackError(
        `${s.label} exited during start-up. Last lines of ${logFile(s)}:\n${tail(logFile(s))}`,
      );
    }
    try {
      await s.probe();
      return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(250);
  }
  throw new StackError(
    `${s.label} did not answer within ${s.startTimeoutMs / 1000}s (${lastError}). Log: ${logFile(s)}\n${tail(logFile(s))}`,
  );
}

function tail(file: string, lines = 12): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts the service, or reuses it when it already runs. Returns what it did. */
export async function ensureRunning(
  s: ServiceDefinition,
): Promise<{ pid: number; reused: boolean }> {
  const current = await serviceState(s);
  if (current.state === 'running') {
    await waitUntilReady(s, current.pid);
    return { pid: current.pid, reused: true };
  }
  if (current.state === 'port-taken') {
    throw new StackError(
      `${s.label}: port ${current.port} on ${s.host} is taken by another process, not one nettverk started. ` +
        `Stop that process, or configure other ports (see README, Configuration).`,
    );
  }
  fs.mkdirSync(s.stateDir, { recursive: true });
  const log = fs.openSync(logFile(s), 'a');
  const child = spawn(s.command, s.args, { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const pid = await new Promise<number>((resolve, reject) => {
    child.once('error', (e) => reject(new StackError(`${s.label} could not start: ${e.message}`)));
    child.once('spawn', () => resolve(child.pid!));
  });
  child.unref();
  fs.writeFileSync(pidFile(s), `${pid}\n`);
  try {
    await waitUntilReady(s, pid);
  } catch (error) {
    await stop(s);
    throw error;
  }
  return { pid, reused: false };
}

/** What to tell after `ensureRunning`: started or reused, and what a fresh start lost. */
export function startReport(
  s: ServiceDefinition,
  result: { pid: number; reused: boolean },
  elapsedMs: number,
): string[] {
  if (result.reused) return [`• ${s.label}: already running (pid ${result.pid}), reused`];
  const lines = [`• ${s.label}: started (pid ${result.pid}) in ${(elapsedMs / 1000).toFixed(1)}s`];
  if (s.forgets) lines.push(`  ! Started empty. ${s.forgets}`);
  return lines;
}

/** What to tell after `stop`. */
export function stopReport(s: ServiceDefinition, stopped: boolean): string[] {
  if (!stopped) return [`• ${s.label}: was not running`];
  const lines = [`• ${s.label}: stopped`];
  if (s.forgets) lines.push(`  ! What it held is gone. ${s.forgets}`);
  return lines;
}

/** Stops the service if nettverk started it. Returns whether something was stopped. */
export async function stop(s: ServiceDefinition, graceMs = 15_000): Promise<boolean> {
  const pid = readPid(s);
  fs.rmSync(pidFile(s), { force: true });
  if (pid === null || !isOurProcess(pid, s.signature)) return false;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig); // the whole process group: the CLI may have children
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && isOurProcess(pid, s.signature)) await sleep(100);
  if (isOurProcess(pid, s.signature)) signal('SIGKILL');
  while (isOurProcess(pid, s.signature)) await sleep(50);
  return true;
}
