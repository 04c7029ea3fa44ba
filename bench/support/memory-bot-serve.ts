/**
 * Child process of bench/bot-turn.ts: groupbot's runtime (bot/runtime.ts: adapter, teams-ai Application, restify
 * server) with in-memory turn state and pending operations, its services on a PGlite store in memory (groupbot
 * always runs with a store), on 127.0.0.1 port 0. Graph points at an unreachable address and
 * every user gets a dummy token: the benchmark's utterance makes no Graph call. The tenant's group names are in
 * the store, as after a running bot's first turn (./seed-group-names.ts), so the directory pass reads the message
 * against them from the cache. Prints "listening <endpoint>".
 */
import * as os from 'node:os';
import { startBot } from '../../bot/runtime';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { openStore } from '../../bot/store';
import { MemoryPendingStore } from '../../bot/commands/pending-memory';
import { MemoryStorage } from 'botbuilder';
import { BENCH_TENANT } from './connector-driver';
import { seedGroupNames } from './seed-group-names';

// Local mode replies only to the serviceUrls it is given: the benchmark passes its reply connector's.
const serviceUrls = process.env.BOT_SERVICE_URLS ? { BOT_SERVICE_URLS: process.env.BOT_SERVICE_URLS } : {};
openStore({ memory: true })
  .then(async (store) => {
    // The group names a running bot has cached after its first turn: the directory pass reads them every turn.
    await seedGroupNames(store.keyValue, BENCH_TENANT);
    return store;
  })
  .then((store) =>
    startBot(
      { ...loadConfig({ PORT: '0', LOG_LEVEL: 'error', ...serviceUrls }), dataDir: os.tmpdir() },
      {
        store,
        storage: new MemoryStorage(),
        pending: new MemoryPendingStore(),
        graph: { baseUrl: 'https://127.0.0.1:1' },
        tokens: { tokenFor: async () => 'bench-token-never-sent' },
        log: createLogger('error'),
      },
    ),
  )
  .then(
    (bot) => {
      process.stdout.write(`listening ${bot.endpoint}\n`);
      // Nothing to flush: exit at once (closing the server would wait for the benchmark's keep-alive sockets).
      const stop = (): void => process.exit(0);
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (err: Error) => {
      process.stderr.write(`memory-bot-serve: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
