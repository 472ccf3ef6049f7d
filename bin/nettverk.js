#!/usr/bin/env node
// The `nettverk` command. It runs the compiled CLI in dist/ when that was built from the
// sources as they are (`npm run build`; npm test, demo and setup build it when sources
// changed), and the TypeScript sources through tsx otherwise, so a fresh clone and a
// developer's edit both work; tsx compiles at every start, which costs about a second.
'use strict';
const path = require('node:path');
const { root, isBuildFresh } = require('../scripts/build');

// `nettverk list | head` closes the pipe early: that is the reader's choice, not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

let entry = path.join(root, 'dist', 'cli', 'main.js');
if (process.env.NETTVERK_FROM_SOURCE === '1' || !isBuildFresh()) {
  require('tsx/cjs');
  entry = path.join(root, 'cli', 'main.ts');
}
const { main } = require(entry);
// `worker` resolves only when the worker stops; everything else when its work is done.
// Writes to a pipe are asynchronous: exit only once both streams have flushed what they
// hold (a write's callback runs after every earlier write), or a large `--json` is cut off.
main(process.argv.slice(2)).then((code) => {
  let open = 2;
  const flushed = () => {
    if (--open === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
});
