/**
 * The production stack as Teams and Azure would see it, all on 127.0.0.1: a private PostgreSQL (one fresh schema
 * per stack), the Graph emulator, the local cloud (Entra, channel keys, token service, Bot Connector, Teams
 * client), and one or more `groupbot serve` child processes in PRODUCTION mode, with the environment the local
 * cloud gives (`botEnv()`), the local CA in NODE_EXTRA_CA_CERTS and bot/local/loopback-preload.cjs preloaded.
 *
 *   const stack = await startProductionStack({ instances: 1 });
 *   await stack.cloud.teams.sendMessage('megan', ...);
 *   await stack.stop();
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmulator, type RunningEmulator } from '../../../graph-emulator';
import { startLocalCloud, type LocalCloud } from '../../../local-cloud';
import { dropSchemas, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';
import { spawnGroupProcess, type GroupProcess } from '../../support/process-group';

const REPO = path.join(__dirname, '..', '..', '..');
const GROUPBOT = path.join(REPO, 'bin', 'groupbot.js');
/** Preloaded into every bot process (NODE_OPTIONS=--require): binds a host-less listen to 127.0.0.1. */
export const LOOPBACK_PRELOAD = path.join(REPO, 'bot', 'local', 'loopback-preload.cjs');

/** One `groupbot serve` process of the stack. */
export interface BotInstance {
  /** `http://127.0.0.1:P/api/messages` */
  endpoint: string;
  process: GroupProcess;
  /** The process's log lines (stderr, JSON) written so far. */
  logLines(): string[];
}

export interface ProductionStack {
  dir: string;
  /** The local cloud's data directory (its keys, under `keys/`). */
  cloudDir: string;
  databaseUrl: string;
  emulator: RunningEmulator;
  cloud: LocalCloud;
  bots: BotInstance[];
  /** The environment every bot process got (without the inherited process environment). */
  botEnv: Record<string, string>;
  /** How many log lines each bot has written so far (a mark for `tail`). */
  logMark(): number[];
  /** Every bot's log lines after `mark` (default: all), at most the last 40 each, for a failing test's message. */
  tail(mark?: number[]): string;
  /** Stops the bots (SIGTERM, SIGKILL after 5 s), the cloud and the emulator, drops the schema, deletes `dir`. */
  stop(): Promise<void>;
}

/** Variables of the parent environment that would change what the bot does; never inherited. */
const NOT_INHERITED = /^(BOT_|MicrosoftApp|OAUTH_|AAD_|DATABASE_URL$|GRAPH_|DATA_DIR$|PORT$|HOST$|NODE_OPTIONS$)/;

/** The database URL with every connection's search_path set to `schema` (libpq `options`, which pg passes on). */
export function withSearchPath(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.href;
}

/**
 * Starts the stack (`env`: more settings for every bot process). Rejects (after stopping what it started) when PostgreSQL, the emulator, the cloud or a bot
 * process does not come up; a bot's failure message ends with its output.
 */
export async function startProductionStack(
  opts: { instances?: number; env?: Record<string, string> } = {},
): Promise<ProductionStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-production-'));
  const serverUrl = await testDatabaseUrl();
  const schema = uniqueSchemaName('prod');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = withSearchPath(serverUrl, schema);
  const graphDir = path.join(dir, 'graph');
  const cloudDir = path.join(dir, 'cloud');
  const started: { emulator?: RunningEmulator; cloud?: LocalCloud; bots: BotInstance[] } = { bots: [] };
  const stop = async (): Promise<void> => {
    await Promise.all(started.bots.map((b) => b.process.stop(5000)));
    await started.cloud?.stop();
    await started.emulator?.stop();
    await dropSchemas(serverUrl, [schema]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    started.emulator = await startEmulator({ dataDir: graphDir, port: 0, seed: 'demo', dynamicProcessingDelayMs: 0 });
    started.cloud = await startLocalCloud({ dataDir: cloudDir, graphDataDir: graphDir });
    const botEnv = {
      ...started.cloud.botEnv({ databaseUrl, graphBaseUrl: started.emulator.graphUrl, port: 0 }),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_OPTIONS: `--require ${LOOPBACK_PRELOAD}`,
      NO_PROXY: 'localhost,127.0.0.1',
      // The preload ends the bot when this test process is gone (a crashed run leaves nothing running).
      GROUPBOT_PLAYGROUND_PARENT: String(process.pid),
      // Background loops off: the scenarios drive every turn themselves.
      HISTORY_POLL_SECONDS: '0',
      ...(opts.env ?? {}),
    };
    const count = opts.instances ?? 1;
    const bots = await Promise.all(
      Array.from({ length: count }, (_, i) => startBotProcess(path.join(dir, `bot-${i}`), botEnv)),
    );
    started.bots.push(...bots);
    started.cloud.teams.setBotEndpoint((bots[0] as BotInstance).endpoint);
    const { emulator, cloud } = started;
    return {
      dir,
      cloudDir,
      databaseUrl,
      emulator,
      cloud,
      bots,
      botEnv,
      logMark: () => bots.map((b) => b.logLines().length),
      tail: (mark = []) =>
        bots
          .map(
            (b, i) =>
              `--- bot ${i} log ---\n${b
                .logLines()
                .slice(mark[i] ?? 0)
                .slice(-40)
                .join('\n')}`,
          )
          .join('\n'),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Starts one `groupbot serve` with exactly the inherited environment minus bot settings, plus `botEnv`. */
async function startBotProcess(dataDir: string, botEnv: Record<string, string>): Promise<BotInstance> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!NOT_INHERITED.test(k)) env[k] = v;
  Object.assign(env, botEnv, { DATA_DIR: dataDir });
  const proc = spawnGroupProcess([GROUPBOT, 'serve'], { env });
  const ready = await proc.waitFor(/groupbot listening on [^:\s]+:(\d+)\/api\/messages/, 60_000);
  if (ready === 'exit' || ready === 'timeout') {
    await proc.stop(5000);
    throw new Error(
      `groupbot serve (production mode) ${ready === 'exit' ? 'exited at start' : 'did not start within 60 s'}\n` +
        proc.output().split('\n').slice(-30).join('\n'),
    );
  }
  return {
    endpoint: `http://127.0.0.1:${ready[1]}/api/messages`,
    process: proc,
    logLines: () => proc.stderr().split('\n').filter(Boolean),
  };
}

let shared: Promise<ProductionStack> | undefined;

/**
 * One stack with two bot instances for every production test file of this mocha process (starting a stack costs
 * tens of seconds: seeding the emulator, compiling the bot). Started on first use; stopped by a root-level after()
 * hook, once all files have run. Scenarios keep apart by using different demo users and conversations.
 * Rejects as startProductionStack does (and again on every later call).
 */
export function sharedProductionStack(): Promise<ProductionStack> {
  shared ??= startProductionStack({ instances: 2 });
  return shared;
}

// A root-level hook (registered while mocha loads the spec files that import this module).
if (typeof after === 'function') {
  after(async function () {
    this.timeout(60_000);
    const stack = await shared?.catch(() => undefined);
    shared = undefined;
    await stack?.stop();
  });
}
