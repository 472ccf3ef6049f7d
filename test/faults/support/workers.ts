// Worker processes as an operator runs them (`nettverk worker`, worker/main.ts), one node
// process each (`node --import tsx`, no launcher in between), so the pid the test holds is
// the worker itself and a SIGKILL is the crash it stands for: no shutdown, no goodbye.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export interface WorkerProcess {
  pid: number;
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startWorker(
  env: Record<string, string>,
  options: { inbox: boolean; log: string },
): WorkerProcess {
  const out = fs.openSync(options.log, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'worker', 'main.ts'),
      ...(options.inbox ? [] : ['--no-inbox']),
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  return {
    pid: child.pid!,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Ends every worker still running (SIGTERM, then SIGKILL after 15 s). */
export async function stopWorkers(workers: WorkerProcess[]): Promise<void> {
  await Promise.all(
    workers.map(async (w) => {
      const timer = setTimeout(() => void w.kill('SIGKILL'), 15_000);
      await w.kill('SIGTERM');
      clearTimeout(timer);
    }),
  );
}
