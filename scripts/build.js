// `npm run build`: compiles the CLI and worker into dist/, and knows whether dist/ was
// compiled from the sources as they are now. Plain Node, no dependencies: bin/nettverk.js
// asks at every start (so it must cost milliseconds: it compares sizes and modification
// times, not contents) and scripts/bootstrap.js rebuilds when the answer is no.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
/** The folders tsconfig.build.json compiles; a change in any of them makes dist/ stale. */
const SOURCE_DIRS = [
  'activities',
  'cli',
  'domain',
  'mail',
  'operations',
  'platform',
  'reporting',
  'scripts',
  'worker',
  'workflows',
];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];
const STAMP = path.join(root, 'dist', '.sources');

function walk(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
}

/** A fingerprint of every compiled source: its path, size and modification time. */
function sourceFingerprint() {
  const files = SOURCE_FILES.map((f) => path.join(root, f));
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir), files);
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function isBuildFresh(fingerprint = sourceFingerprint()) {
  try {
    return fs.readFileSync(STAMP, 'utf8').trim() === fingerprint;
  } catch {
    return false;
  }
}

/** Compiles dist/ afresh; returns tsc's exit status. */
function build() {
  // The fingerprint taken before compiling: a source saved during the build leaves it stale.
  const fingerprint = sourceFingerprint();
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const result = spawnSync(tsc, ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) return result.status ?? 1;
  fs.writeFileSync(STAMP, fingerprint + '\n');
  return 0;
}

module.exports = { root, isBuildFresh, build };

if (require.main === module) process.exitCode = build();
