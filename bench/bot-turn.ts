/**
 * Benchmark: the cost of one text turn through the real HTTP endpoint (POST /api/messages), groupbot vs a plain
 * botbuilder echo bot on the same stack (restify 12 + CloudAdapter, test/support/echo-bot.ts), one turn at a time.
 *
 * A turn is timed from the start of the POST until both the HTTP answer and the bot's reply have arrived. Graph
 * latency is excluded by choice of utterance: an out-of-domain sentence goes the whole way (mention removal,
 * language parser, actor, token, the directory pass over the tenant's cached group names, command dispatch, card
 * building) and makes no Graph call; the benchmark checks the answer is the "did not understand" card, which a
 * Graph call could not produce.
 *
 * Variants, each bot in its own process, turns interleaved (one per bot in turn, the order rotating) so that all
 * of them see the same machine load:
 * - the echo bot (bench/support/echo-serve.ts), the baseline;
 * - groupbot's runtime with in-memory turn state (bench/support/memory-bot-serve.ts: the teams-ai Application
 *   alone); target p50 ≤ 1.3× the echo bot;
 * - `groupbot serve` in local mode (PGlite store for turn state, pending operations and requests; its emulator
 *   is started but not called); target ≤ 1.8×. These three reply to a tiny connector on 127.0.0.1
 *   (bench/support/connector-driver.ts), so the bot is measured, not the Agents Playground;
 * - `groupbot serve` in PRODUCTION mode against the local cloud (bench/support/production-driver.ts): channel JWT
 *   validated on every turn, the signed-in user's token read from the token service, the reply sent to the local
 *   Bot Connector with the bot's cached MSAL token, PostgreSQL store. No target: the figure says what production
 *   (JWT validation on) costs; its p50 is also given against local mode's. Skipped, with a line saying so, only
 *   when PostgreSQL is not installed.
 *
 * Prints p50/p95 per variant, the p50 ratios and the machine's load average before and after the timed turns.
 * Run: node bin/run-ts.js bench/bot-turn.ts [--turns N] [--warmup W] [--no-store] [--no-production]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startReplyConnector } from '../test/bot/teams/reply-connector';
import { startBotProcess, type BotProcess } from './support/bot-process';
import { ConnectorDriver, type ConnectorVariant } from './support/connector-driver';
import { postgresMissing, ProductionDriver } from './support/production-driver';
import { interleave, type TurnDriver } from './support/turn-driver';
import { summarise, type TurnStats } from './support/turn-stats';

const UTTERANCE = "what's the weather like in Lisbon tomorrow";
const DONT_UNDERSTAND = /did not understand|not sure what you meant/;
const ECHO = 'echo bot (botbuilder CloudAdapter + restify)';
const LOCAL = '`groupbot serve`, local mode (PGlite store)';
const PRODUCTION = '`groupbot serve`, production (JWT, PostgreSQL)';

interface Options {
  turns: number;
  warmup: number;
  store: boolean;
  production: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { turns: 300, warmup: 100, store: true, production: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const n = Number(argv[i + 1]);
    if (a === '--turns' && Number.isInteger(n) && n > 0) {
      opts.turns = n;
      i++;
    } else if (a === '--warmup' && Number.isInteger(n) && n >= 0) {
      opts.warmup = n;
      i++;
    } else if (a === '--no-store') opts.store = false;
    else if (a === '--no-production') opts.production = false;
    else {
      process.stderr.write('usage: bot-turn.ts [--turns N] [--warmup W] [--no-store] [--no-production]\n');
      process.exit(2);
    }
  }
  return opts;
}

function line(r: TurnStats, base: TurnStats): string {
  const ratio =
    r === base ? '' : `  ratio p50 ${(r.p50 / base.p50).toFixed(2)}×, p95 ${(r.p95 / base.p95).toFixed(2)}×`;
  const ms = (v: number): string => v.toFixed(2).padStart(7);
  return `  ${r.name.padEnd(48)} p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  mean ${ms(r.mean)} ms${ratio}\n`;
}

/** The variants that reply to the local connector: echo bot, in-memory runtime, and (with the store) local mode. */
async function startConnectorBots(
  opts: Options,
  serviceUrl: string,
  bots: BotProcess[],
  dataDir: string | undefined,
): Promise<ConnectorVariant[]> {
  const runTs = path.resolve(__dirname, '../bin/run-ts.js');
  const quietEnv: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    NO_PROXY: 'localhost,127.0.0.1',
    // Local mode replies only to allowed serviceUrls: allow this benchmark's connector.
    BOT_SERVICE_URLS: serviceUrl,
  };
  for (const k of ['BOT_ID', 'MicrosoftAppId', 'DATABASE_URL']) delete quietEnv[k];
  const listening = /listening (http:\/\/127\.0\.0\.1:\d+\/api\/messages\S*)/;
  const echo = await startBotProcess([runTs, path.resolve(__dirname, 'support/echo-serve.ts')], quietEnv, listening);
  bots.push(echo);
  const memory = await startBotProcess(
    [runTs, path.resolve(__dirname, 'support/memory-bot-serve.ts')],
    quietEnv,
    listening,
  );
  bots.push(memory);
  const variants: ConnectorVariant[] = [
    { name: ECHO, endpoint: echo.endpoint, expect: /^Echo: / },
    { name: 'groupbot runtime, in-memory turn state', endpoint: memory.endpoint, expect: DONT_UNDERSTAND, target: 1.3 },
  ];
  if (dataDir) {
    const local = await startBotProcess(
      [path.resolve(__dirname, '../bin/groupbot.js'), 'serve'],
      { ...quietEnv, DATA_DIR: dataDir, PORT: '0', GRAPH_EMULATOR_PORT: '0' },
      /groupbot listening on (http:\/\/127\.0\.0\.1:\d+\/api\/messages\S*)/,
    );
    bots.push(local);
    variants.push({ name: LOCAL, endpoint: local.endpoint, expect: DONT_UNDERSTAND, target: 1.8 });
  }
  return variants;
}

/** The machine's 1-minute load average, to read the ratios by (the bots share the machine with everything else). */
function loadAverage(): string {
  return (os.loadavg()[0] ?? NaN).toFixed(2);
}

function report(drivers: readonly TurnDriver[], loadAtStart: string): void {
  process.stdout.write(`  load average (1 min): ${loadAtStart} before the timed turns, ${loadAverage()} after\n`);
  const results = drivers.map((d) => summarise(d.name, d.times));
  const base = results[0] as TurnStats;
  for (const r of results) process.stdout.write(line(r, base));
  drivers.forEach((d, i) => {
    const r = results[i] as TurnStats;
    if (d.target === undefined) return;
    const ratio = r.p50 / base.p50;
    process.stdout.write(
      `  target: ${r.name} p50 at most ${d.target}× the echo bot's → ${ratio <= d.target ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)\n`,
    );
  });
  const local = results.find((r) => r.name === LOCAL);
  const production = results.find((r) => r.name === PRODUCTION);
  if (production) {
    process.stdout.write(
      `  production (JWT validation on) vs echo bot: p50 ${(production.p50 / base.p50).toFixed(2)}× (no target)\n`,
    );
  }
  if (local && production) {
    process.stdout.write(
      `  production / local mode: p50 ${(production.p50 / local.p50).toFixed(2)}× (+${(production.p50 - local.p50).toFixed(2)} ms), p95 ${(production.p95 / local.p95).toFixed(2)}×\n`,
    );
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const connector = await startReplyConnector();
  const bots: BotProcess[] = [];
  let production: ProductionDriver | undefined;
  const dataDir = opts.store ? fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-bench-')) : undefined;
  try {
    const variants = await startConnectorBots(opts, connector.serviceUrl, bots, dataDir);
    const connectorDrivers = variants.map((v, i) => new ConnectorDriver(connector, v, UTTERANCE, i));
    connector.onCapture = (c) => {
      for (const d of connectorDrivers) d.onCapture(c);
    };
    const drivers: TurnDriver[] = [...connectorDrivers];
    const missing = opts.production ? postgresMissing() : undefined;
    if (!opts.production) process.stdout.write('bot-turn: production variant off (--no-production)\n');
    else if (missing) process.stdout.write(`bot-turn: production variant SKIPPED: ${missing}\n`);
    else {
      production = await ProductionDriver.start(PRODUCTION, UTTERANCE, DONT_UNDERSTAND);
      drivers.push(production);
    }
    process.stdout.write(
      `bot-turn: ${opts.turns} sequential text turns per bot (interleaved; each bot in its own process) after ${opts.warmup} warm-up turns each;\n  utterance "${UTTERANCE}" (no Graph call)\n`,
    );
    await interleave(drivers, opts.warmup, false);
    const loadAtStart = loadAverage();
    await interleave(drivers, opts.turns, true);
    report(drivers, loadAtStart);
  } catch (err) {
    if (production) process.stderr.write(`${production.tail()}\n`);
    throw err;
  } finally {
    for (const b of bots) await b.stop();
    await production?.stop();
    await connector.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bot-turn: ${err.message}\n`);
  process.exitCode = 1;
});
