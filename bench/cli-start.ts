// How long a coordinator waits for `nettverk` to start: whole processes, timed from spawn to
// exit, for the compiled CLI (what bin/nettverk.js runs once `npm run build` is done) and for
// the same commands through tsx (what it ran before), against `node -e 0` in the same run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ms, time, type Row } from './measure';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'nettverk.js');
const reply = path.join(
  root,
  'test',
  'fixtures',
  'replies',
  'outlook-desktop-registration-list.eml',
);

function processRun(args: string[], env: NodeJS.ProcessEnv = {}): () => void {
  return () => {
    const result = spawnSync(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: 'ignore',
    });
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  };
}

export async function cliStartBenchmarks(): Promise<Row[]> {
  // The compiled path is only taken when dist/ matches the sources: say so rather than time tsx twice.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JS shared with bin/
  const { isBuildFresh, build } = require('../scripts/build') as {
    isBuildFresh(): boolean;
    build(): number;
  };
  // npm run bench builds first, but a source saved since (an editor, another checkout's
  // tool) makes it stale again: build once more rather than lose the run.
  if (!isBuildFresh()) {
    console.log('dist/ is stale (a source changed since the build): building again …');
    if (build() !== 0 || !isBuildFresh())
      throw new Error('dist/ is stale: run `npm run build` (npm run bench does)');
  }
  const bare = await time(processRun(['-e', '0']));
  const rows: Row[] = [];
  for (const [name, args] of [
    ['nettverk --help', ['--help']],
    ['nettverk parse REPLY.eml', ['parse', reply]],
  ] as const) {
    const compiled = await time(processRun([bin, ...args]));
    const source = await time(processRun([bin, ...args], { NETTVERK_FROM_SOURCE: '1' }));
    rows.push({
      benchmark: `${name} (compiled)`,
      ours: ms(compiled),
      baseline: `node -e 0: ${ms(bare)}`,
      ratio: compiled.medianMs / bare.medianMs,
      note: 'whole process, spawn to exit',
    });
    rows.push({
      benchmark: `${name} (compiled vs tsx)`,
      ours: ms(compiled),
      baseline: `through tsx: ${ms(source)}`,
      ratio: compiled.medianMs / source.medianMs,
      note: 'below 1: the build pays',
    });
  }
  return rows;
}
