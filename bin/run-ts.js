#!/usr/bin/env node
'use strict';
// Runs one TypeScript file (benchmarks, scripts) with the same loader as the groupbot command.
require('tsx/cjs');
const path = require('node:path');
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: run-ts <file.ts> [args]\n');
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(file));
require(path.resolve(file));
