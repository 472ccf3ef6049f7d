// Running the real `nettverk` binary as a coordinator would, against a test's configuration.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Config } from '../../platform/config';
import { root } from './integration';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cliRunner(config: Config, env: Record<string, string> = {}) {
  const environment = {
    ...process.env,
    NETTVERK_ENV_FILE: '/dev/null',
    TI_ADDRESS: config.tiAddress,
    NETTVERK_TASK_QUEUE: config.temporal.taskQueue,
    NETTVERK_COORDINATOR: 'Testar Koordinator',
    NO_COLOR: '1',
    ...env,
  };
  async function nettverk(...args: string[]): Promise<CliResult> {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [path.join(root, 'bin', 'nettverk.js'), ...args],
        { cwd: root, env: environment, maxBuffer: 64 * 1024 * 1024 },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  /** A shell pipeline, `nettverk …` standing for the binary: what `| head` and `| jq` see. */
  async function shell(script: string): Promise<CliResult> {
    const bin = `'${process.execPath}' '${path.join(root, 'bin', 'nettverk.js')}'`;
    try {
      const { stdout, stderr } = await run('sh', ['-c', script.replace(/\bnettverk\b/g, bin)], {
        cwd: root,
        env: environment,
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  async function json(...args: string[]) {
    const r = await nettverk(...args, '--json');
    if (r.code !== 0) throw new Error(`nettverk ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  }
  return { nettverk, shell, json };
}
