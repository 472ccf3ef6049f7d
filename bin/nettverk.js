#!/usr/bin/env node
// The `nettverk` command: runs the TypeScript CLI through tsx, so a fresh clone needs no build.
'use strict';
const path = require('node:path');
require('tsx/cjs');
const { main } = require(path.join(__dirname, '..', 'cli', 'main.ts'));
// `worker` resolves only when the worker stops; everything else when its work is done.
main(process.argv.slice(2)).then((code) => process.exit(code));
