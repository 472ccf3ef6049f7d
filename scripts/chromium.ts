// A headless Chromium for the report's browser test: Debian's own package, so CI (a fresh
// machine with nothing installed) gets it the same way a developer's container does.
// `/usr/bin/chromium` if present; otherwise `apt-get install chromium` (after `apt-get update`
// if the package lists are stale or missing). Throws a clear error when that is impossible.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export class ChromiumUnavailableError extends Error {
  constructor(message: string) {
    super(`No headless Chromium: ${message}`);
    this.name = 'ChromiumUnavailableError';
  }
}

const found = (paths: readonly string[]) => paths.find((p) => isExecutable(p)) ?? null;

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

interface Run {
  ok: boolean;
  output: string;
}

function apt(args: string[]): Run {
  const result = spawnSync('apt-get', args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) return { ok: false, output: result.error.message };
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
    .trim()
    .split('\n')
    .slice(-12)
    .join('\n');
  return { ok: result.status === 0, output };
}

/** The path of a headless Chromium, installing Debian's `chromium` package if need be. */
export function ensureChromium(paths: readonly string[] = CHROMIUM_PATHS): string {
  const present = found(paths);
  if (present) return present;

  if (process.platform !== 'linux') {
    throw new ChromiumUnavailableError(
      `${paths.join(' or ')} not found, and installing it needs Debian's apt (this is ${process.platform})`,
    );
  }
  if (!found(['/usr/bin/apt-get', '/bin/apt-get'])) {
    throw new ChromiumUnavailableError(
      `${paths.join(' or ')} not found, and there is no apt-get to install the "chromium" package with`,
    );
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new ChromiumUnavailableError(
      `${paths.join(' or ')} not found, and installing it needs root: run ` +
        '`sudo apt-get install -y --no-install-recommends chromium` once',
    );
  }

  const install = ['install', '-y', '--no-install-recommends', 'chromium'];
  let attempt = apt(install);
  if (!attempt.ok) {
    // Fresh images ship without package lists: fetch them and try once more.
    const update = apt(['update']);
    if (!update.ok) {
      throw new ChromiumUnavailableError(`apt-get update failed:\n${update.output}`);
    }
    attempt = apt(install);
  }
  if (!attempt.ok) {
    throw new ChromiumUnavailableError(`apt-get install chromium failed:\n${attempt.output}`);
  }
  const installed = found(paths);
  if (!installed) {
    throw new ChromiumUnavailableError(
      `apt-get installed "chromium" but none of ${paths.join(', ')} exists`,
    );
  }
  return installed;
}
