#!/usr/bin/env node
'use strict';
// The `groupbot` command in a development checkout: runs bot/cli/entry.ts through the TypeScript loader (tsx).
// Production runs the compiled build instead: `npm run build`, then `node dist/bot/cli/entry.js serve`.
require('tsx/cjs');
require('../bot/cli/entry.ts');
