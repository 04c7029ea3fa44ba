#!/usr/bin/env node
'use strict';
// Entry point of the `groupbot` command: registers the TypeScript loader, then hands over to bot/cli/main.ts.
require('tsx/cjs');
const { main } = require('../bot/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`groupbot: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; },
);
