#!/usr/bin/env node
'use strict';
// Entry point of the `groupbot` command: registers the TypeScript loader, then hands over to bot/cli/main.ts.
// restify 11 (pinned: 12 needs Node 22) touches process.binding('http_parser') through a dependency, which
// prints a DEP0111 warning on every start; it is harmless, so only that one warning is silenced.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const code = typeof rest[0] === 'object' && rest[0] ? rest[0].code : rest[1];
  if (code === 'DEP0111') return;
  emitWarning(warning, ...rest);
};
require('tsx/cjs');
const { main } = require('../bot/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`groupbot: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; },
);
