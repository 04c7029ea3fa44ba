import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Storage } from 'botbuilder';
import { DEFAULT_SCOPES, startEmulator, type RunningEmulator } from '../../graph-emulator';
import { startBot, openBotStore, type RunningBot } from '../runtime';
import { DirectoryLockedError, type Store } from '../store';
import type { BotConfig } from '../config';
import type { Logger } from '../log';
import { LocalIdentity } from './local-identity';
import { LocalTokenSource } from '../teams/user-tokens';
import { rememberChatIds } from '../teams/chat-user-ids';
import { buildPlaygroundConfig } from './playground-config';
import type { PendingStore } from '../commands/context';

export interface LocalRuntime {
  emulator: RunningEmulator;
  identity: LocalIdentity;
  bot?: RunningBot;
  store?: Store;
  stop(): Promise<void>;
}

/** The emulator's directory, certificates and signing key: GRAPH_EMULATOR_DATA_DIR, by default `<DATA_DIR>/graph`. */
export function graphDataDir(config: BotConfig): string {
  return config.graphEmulatorDataDir ?? path.join(config.dataDir, 'graph');
}

/**
 * An emulator started elsewhere (`groupbot emulator --port P --data DIR`), shared by several bot processes: its CA
 * is read from `<dir>/tls` and users' tokens are minted with its signing key. `stop()` leaves it running;
 * `issueToken` ignores `lifetimeSeconds` (tokens last the identity provider's default hour).
 * Throws when the directory holds no emulator CA (wrong GRAPH_EMULATOR_DATA_DIR, or the emulator never ran there).
 */
function sharedEmulator(url: string, dir: string): RunningEmulator {
  const caCertPath = path.join(dir, 'tls', 'ca-certificate.pem');
  if (!fs.existsSync(caCertPath)) {
    throw new Error(
      `GRAPH_EMULATOR_URL is set to ${url}, but '${caCertPath}' does not exist: set GRAPH_EMULATOR_DATA_DIR to the --data directory that emulator was started with.`,
    );
  }
  return {
    port: Number(new URL(url).port),
    baseUrl: url,
    graphUrl: `${url}/v1.0`,
    caCertPath,
    caPem: fs.readFileSync(caCertPath, 'utf8'),
    dataDir: dir,
    seedSeconds: 0,
    issueToken: async (upn, o = {}) => new LocalIdentity(dir, o.scopes ?? DEFAULT_SCOPES).tokenFor(upn),
    stop: async () => undefined,
  };
}

/** `<DATA_DIR>/local-runtime.json`: where a running local stack listens, for `groupbot chat` and tests. */
export function runtimeFile(config: BotConfig): string {
  return path.join(config.dataDir, 'local-runtime.json');
}

export interface RuntimeInfo {
  pid: number;
  emulatorUrl: string;
  caCertPath: string;
  botEndpoint?: string;
  playgroundUrl?: string;
}

/** Reads the runtime file of a local stack that is still running; undefined otherwise. */
export function readRunningRuntime(config: BotConfig): RuntimeInfo | undefined {
  const file = runtimeFile(config);
  if (!fs.existsSync(file)) return undefined;
  const info = JSON.parse(fs.readFileSync(file, 'utf8')) as RuntimeInfo;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
    throw err;
  }
}

export function writeRuntimeFile(config: BotConfig, info: RuntimeInfo): void {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const tmp = `${runtimeFile(config)}.${process.pid}.tmp`;
  // The bot endpoint in it carries the local credential: readable by this user only.
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, runtimeFile(config));
}

/**
 * Local mode: starts the embedded Graph emulator on 127.0.0.1 (seeding the demo tenant on first start), or uses
 * the running one at GRAPH_EMULATOR_URL, and, unless `botless`, the bot, whose users get tokens from the local
 * identity provider. `serviceUrls` narrows where the bot may reply (the Playground's connector URL); by default
 * any loopback http URL. Rejects with a clear message when a port is taken, the data directory is held by another
 * process (before anything in it is opened), or a shared emulator's directory holds no CA.
 */
export async function startLocal(
  config: BotConfig,
  log: Logger,
  opts: { botless?: boolean; storage?: Storage; pending?: PendingStore; serviceUrls?: readonly string[] } = {},
): Promise<LocalRuntime> {
  const dir = graphDataDir(config);
  let emulator: RunningEmulator;
  if (config.graphEmulatorUrl) {
    emulator = sharedEmulator(config.graphEmulatorUrl, dir);
    log.info('emulator.shared', { url: emulator.graphUrl, dataDir: dir });
  } else {
    try {
      emulator = await startEmulator({
        dataDir: dir,
        port: config.graphEmulatorPort,
        ...(config.pgliteTemplateDir ? { pgliteTemplateDir: config.pgliteTemplateDir } : {}),
        ...(config.graphEmulatorDynamicDelayMs !== undefined
          ? { dynamicProcessingDelayMs: config.graphEmulatorDynamicDelayMs }
          : {}),
        onError: (error) => log.error('emulator.internalError', { error }),
      });
    } catch (err) {
      if (err instanceof DirectoryLockedError)
        throw new Error(`The data directory '${config.dataDir}' is already in use. ${err.message}`);
      throw new Error(
        `The local Graph emulator could not start on port ${config.graphEmulatorPort} with data in '${dir}': ${(err as Error).message}`,
      );
    }
    log.info('emulator.listening', { url: emulator.graphUrl, seededSeconds: emulator.seedSeconds });
  }
  const identity = new LocalIdentity(dir);
  if (opts.botless) return { emulator, identity, stop: () => emulator.stop() };
  let store: Store;
  try {
    store = await openBotStore(config);
  } catch (err) {
    await emulator.stop();
    throw new Error(`The bot's store could not open: ${(err as Error).message}`);
  }
  // The Playground's connector looks members up by their chat id only (not by Entra id, as Teams also does), so
  // the chat ids of its users are known from the start: approval cards list them in refresh.userIds.
  const playground = buildPlaygroundConfig();
  await rememberChatIds(store.keyValue, [playground.currentUser, ...playground.users]).catch((err: unknown) =>
    log.warn('local.chatIds', { error: err }),
  );
  let bot: RunningBot;
  try {
    bot = await startBot(config, {
      graph: { baseUrl: emulator.baseUrl, caPem: emulator.caPem, ...config.directory },
      tokens: new LocalTokenSource((objectId) => (identity.find(objectId) ? identity.tokenFor(objectId) : undefined)),
      log,
      store,
      tokenForUser: async (objectId) => (identity.find(objectId) ? identity.tokenFor(objectId) : undefined),
      ...(opts.storage ? { storage: opts.storage } : {}),
      ...(opts.pending ? { pending: opts.pending } : {}),
      ...(opts.serviceUrls ? { serviceUrls: opts.serviceUrls } : {}),
      health: async () => ({ mode: 'local', graph: emulator.graphUrl }),
    });
  } catch (err) {
    await store.close();
    await emulator.stop();
    throw new Error(`The bot could not listen on 127.0.0.1:${config.port}: ${(err as Error).message}`);
  }
  return {
    emulator,
    identity,
    bot,
    store,
    stop: async () => {
      await bot.stop();
      await store.close();
      await emulator.stop();
    },
  };
}
