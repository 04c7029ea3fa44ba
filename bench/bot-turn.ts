/**
 * Benchmark: the cost of one text turn through the real HTTP endpoint (POST /api/messages), groupbot vs a plain
 * botbuilder echo bot on the same stack (restify 12 + CloudAdapter, test/support/echo-bot.ts), one turn at a time.
 *
 * A turn is timed from the start of the POST until both the HTTP answer and the bot's reply have arrived; the
 * reply goes to a tiny local connector on 127.0.0.1 (the activities' serviceUrl), so the bot is measured, not
 * the Agents Playground. Graph latency is excluded by choice of utterance: an out-of-domain sentence goes the
 * whole way (mention removal, language parser, actor, token, command dispatch, card building) and makes no
 * Graph call; the benchmark checks the answer is the "did not understand" card, which a Graph call could not
 * produce (Graph points at an unreachable address in the memory-storage variant).
 *
 * Each bot runs in its own process, and the turns are interleaved (one per bot in turn, the order rotating), so
 * all of them see the same machine load. Variants: `groupbot serve` as a real process (local mode: PGlite store
 * for turn state, pending operations and requests; its emulator is started but not called), groupbot's runtime
 * with in-memory turn state (bench/support/memory-bot-serve.ts: the teams-ai Application alone), and the echo
 * bot (bench/support/echo-serve.ts). Prints p50/p95 per variant and the p50 ratios (targets: ≤ 1.3× in memory, ≤ 1.8× with the PGlite store).
 *
 * Run: node bin/run-ts.js bench/bot-turn.ts [--turns N] [--warmup W] [--no-store]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_USERS } from '../graph-emulator/seed/demo-tenant';
import { startBotProcess, type BotProcess } from './support/bot-process';
import {
  startReplyConnector,
  activityText,
  type CapturedActivity,
  type ReplyConnector,
} from '../test/bot/teams/reply-connector';

const UTTERANCE = "what's the weather like in Lisbon tomorrow";

interface Options {
  turns: number;
  warmup: number;
  store: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { turns: 300, warmup: 100, store: true };
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
    else {
      process.stderr.write('usage: bot-turn.ts [--turns N] [--warmup W] [--no-store]\n');
      process.exit(2);
    }
  }
  return opts;
}

/** `p`, or a rejection with `message` after `ms`. */
function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Variant {
  name: string;
  endpoint: string;
  expect: RegExp;
}
interface Result {
  name: string;
  p50: number;
  p95: number;
  mean: number;
}

/** One bot under test, with its own conversation and its own way of waiting for the reply. */
class Driver {
  readonly times: number[] = [];
  private pending: ((c: CapturedActivity) => void) | undefined;
  private n = 0;
  readonly conversationId: string;

  constructor(
    private readonly connector: ReplyConnector,
    readonly variant: Variant,
    index: number,
  ) {
    this.conversationId = `bench-${index}`;
  }

  /** Called by the connector for every captured activity. */
  onCapture(c: CapturedActivity): void {
    if (c.conversationId === this.conversationId && this.pending) this.pending(c);
  }

  /** One text turn; records its time unless warming up. Throws on a non-200 answer or an unexpected first reply. */
  async turn(record: boolean): Promise<void> {
    const i = this.n++;
    const activity = {
      type: 'message',
      id: `m-${i}`,
      channelId: 'msteams',
      serviceUrl: this.connector.serviceUrl,
      text: UTTERANCE,
      textFormat: 'plain',
      conversation: { id: this.conversationId, conversationType: 'personal', tenantId: 'bench' },
      from: { id: '29:bench-user', name: DEMO_USERS.megan.displayName, aadObjectId: DEMO_USERS.megan.id },
      recipient: { id: '28:bench-bot', name: 'bot' },
      timestamp: new Date().toISOString(),
      locale: 'en-US',
    };
    const t0 = process.hrtime.bigint();
    const reply = new Promise<CapturedActivity>((resolve) => {
      this.pending = resolve;
    });
    const res = await fetch(this.variant.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const answer = Buffer.from(await res.arrayBuffer()).toString('utf8');
    if (res.status !== 200)
      throw new Error(`${this.variant.name}: POST /api/messages answered ${res.status}: ${answer.slice(0, 200)}`);
    const captured = await withTimeout(reply, 15_000, `${this.variant.name}: no reply within 15 s`);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    this.pending = undefined;
    if (i === 0 && !this.variant.expect.test(activityText(captured.activity))) {
      throw new Error(`${this.variant.name}: unexpected reply: ${activityText(captured.activity).slice(0, 200)}`);
    }
    if (record) this.times.push(ms);
  }
}

/**
 * Runs the turns interleaved (one turn per bot in turn, the order rotating each round), so that every bot sees
 * the same machine load: on a shared machine, running the bots one after the other measures the load drift.
 */
async function interleave(drivers: Driver[], rounds: number, record: boolean): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < drivers.length; k++) await (drivers[(r + k) % drivers.length] as Driver).turn(record);
  }
}

function summarise(name: string, times: number[]): Result {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const connector = await startReplyConnector();
  const runTs = path.resolve(__dirname, '../bin/run-ts.js');
  const quietEnv: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    NO_PROXY: 'localhost,127.0.0.1',
    // Local mode replies only to allowed serviceUrls: allow this benchmark's connector.
    BOT_SERVICE_URLS: connector.serviceUrl,
  };
  for (const k of ['BOT_ID', 'MicrosoftAppId', 'DATABASE_URL']) delete quietEnv[k];
  const bots: BotProcess[] = [];
  let dataDir: string | undefined;
  try {
    const listening = /listening (http:\/\/127\.0\.0\.1:\d+\/api\/messages\S*)/;
    bots.push(await startBotProcess([runTs, path.resolve(__dirname, 'support/echo-serve.ts')], quietEnv, listening));
    bots.push(
      await startBotProcess([runTs, path.resolve(__dirname, 'support/memory-bot-serve.ts')], quietEnv, listening),
    );
    if (opts.store) {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-bench-'));
      bots.push(
        await startBotProcess(
          [path.resolve(__dirname, '../bin/groupbot.js'), 'serve'],
          { ...quietEnv, DATA_DIR: dataDir, PORT: '0', GRAPH_EMULATOR_PORT: '0' },
          /groupbot listening on (http:\/\/127\.0\.0\.1:\d+\/api\/messages\S*)/,
        ),
      );
    }
    const dontUnderstand = /did not understand|not sure what you meant/;
    const variants: Variant[] = [
      {
        name: 'echo bot (botbuilder CloudAdapter + restify)',
        endpoint: (bots[0] as BotProcess).endpoint,
        expect: /^Echo: /,
      },
      {
        name: 'groupbot runtime, in-memory turn state',
        endpoint: (bots[1] as BotProcess).endpoint,
        expect: dontUnderstand,
      },
      ...(bots[2]
        ? [{ name: '`groupbot serve` (PGlite store)', endpoint: bots[2].endpoint, expect: dontUnderstand }]
        : []),
    ];
    process.stdout.write(
      `bot-turn: ${opts.turns} sequential text turns per bot (interleaved; each bot in its own process) after ${opts.warmup} warm-up turns each;\n  utterance "${UTTERANCE}" (no Graph call)\n`,
    );
    const drivers = variants.map((v, i) => new Driver(connector, v, i));
    connector.onCapture = (c) => {
      for (const d of drivers) d.onCapture(c);
    };
    await interleave(drivers, opts.warmup, false);
    await interleave(drivers, opts.turns, true);
    const results = drivers.map((d) => summarise(d.variant.name, d.times));
    const base = results[0] as Result;
    for (const r of results) {
      const ratio =
        r === base ? '' : `  ratio p50 ${(r.p50 / base.p50).toFixed(2)}×, p95 ${(r.p95 / base.p95).toFixed(2)}×`;
      process.stdout.write(
        `  ${r.name.padEnd(46)} p50 ${r.p50.toFixed(2).padStart(7)} ms  p95 ${r.p95.toFixed(2).padStart(7)} ms  mean ${r.mean.toFixed(2).padStart(7)} ms${ratio}\n`,
      );
    }
    const targets = [1.3, 1.8];
    results.slice(1).forEach((r, i) => {
      const ratio = r.p50 / base.p50;
      const target = targets[i] ?? 2;
      process.stdout.write(
        `  target: ${r.name} p50 at most ${target}× the echo bot's → ${ratio <= target ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×)\n`,
      );
    });
  } finally {
    for (const b of bots) await b.stop();
    await connector.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bot-turn: ${err.message}\n`);
  process.exitCode = 1;
});
