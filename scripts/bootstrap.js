#!/usr/bin/env node
// The first thing `npm test`, `npm run demo` and `npm run bench` run, on a fresh
// clone too: plain Node with no dependencies, because node_modules may not exist yet.
// It installs the npm packages when package-lock.json changed, compiles dist/ when a source
// changed, then hands over to
// scripts/main.ts (TypeScript, through tsx) which installs the tools and starts the stack.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`nettverk needs Node.js 20.19 or newer (found ${process.versions.node}).`);
  process.exit(1);
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const lock = fs.readFileSync(path.join(root, 'package-lock.json'));
const wanted = createHash('sha256').update(lock).digest('hex');
const stamp = path.join(root, 'node_modules', '.nettverk-lock-sha256');
const installed = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : '';
if (installed !== wanted) {
  // `npm install` rather than `npm ci`: it installs the locked versions all the same, but
  // the registries this project is built with serve Linux builds only, so the lock lacks
  // other platforms' optional packages (@swc/core-darwin-…), which `npm ci` rejects.
  console.log('• Installing npm packages (npm install, from package-lock.json) …');
  const status = run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  if (status !== 0) {
    console.error('npm install failed: see the output above.');
    process.exit(status);
  }
  fs.writeFileSync(stamp, wanted + '\n');
}

// The CLI and worker run compiled (bin/nettverk.js): a second and more of TypeScript
// compilation at every start otherwise. Rebuilt only when a source changed since the last build.
const { isBuildFresh, build } = require('./build');
if (!isBuildFresh()) {
  console.log('• Compiling the CLI and worker into dist/ (npm run build) …');
  const status = build();
  if (status !== 0) {
    console.error('The build failed: see the compiler output above.');
    process.exit(status);
  }
}

const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
process.exit(run(tsx, [path.join(root, 'scripts', 'main.ts'), ...process.argv.slice(2)]));
