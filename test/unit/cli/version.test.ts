// `nettverk --version` and `-V`: the package version on stdout, nothing else, exit 0, as a
// whole process through bin/nettverk.js (the sources through tsx, so dist/ need not be built).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageVersion } from '../../../cli/version';

const root = path.resolve(__dirname, '..', '..', '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
};

function nettverk(...args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'nettverk.js'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      NETTVERK_FROM_SOURCE: '1',
      NETTVERK_ENV_FILE: '/dev/null',
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('packageVersion reads package.json', () => {
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
  expect(packageVersion()).toBe(version);
});

test.each([['--version'], ['-V']])('nettverk %s prints the version and exits 0', (flag) => {
  const result = nettverk(flag);
  expect(result.status).toBe(0);
  expect(result.stdout).toBe(`${version}\n`);
  expect(result.stderr).toBe('');
});

test('--help lists --version', () => {
  expect(nettverk('--help').stdout).toContain('--version');
});
