// `nettverk --version`: the version in package.json, found by walking up from this file, as it
// sits one level below the root in the sources and two in the build (dist/cli/).
import fs from 'node:fs';
import path from 'node:path';

export function packageVersion(): string {
  let dir = path.resolve(__dirname, '..');
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return version ?? 'unknown';
}
