import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Storage } from 'botbuilder';
import { startEmulator, type RunningEmulator } from '../../graph-emulator';
import { startBot, openBotStore, type RunningBot } from '../runtime';
import type { Store } from '../store';
import type { BotConfig } from '../config';
import type { Logger } from '../log';
import { LocalIdentity } from './local-identity';
import { LocalTokenSource } from '../teams/user-tokens';
import type { PendingStore } from '../commands/context';

export interface LocalRuntime {
  emulator: RunningEmulator;
  identity: LocalIdentity;
  bot?: RunningBot;
  store?: Store;
  stop(): Promise<void>;
}

/** `<DATA_DIR>/graph`: the emulator's directory, certificates and signing key. */
export function graphDataDir(config: BotConfig): string {
  return path.join(config.dataDir, 'graph');
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
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2));
  fs.renameSync(tmp, runtimeFile(config));
}

/**
 * Local mode: starts the embedded Graph emulator on 127.0.0.1 (seeding the demo tenant on first start) and,
 * unless `botless`, the bot, whose users get tokens from the local identity provider. Rejects with a clear
 * message when a port is taken or the data directory is held by another process.
 */
export async function startLocal(config: BotConfig, log: Logger, opts: { botless?: boolean; storage?: Storage; pending?: PendingStore } = {}): Promise<LocalRuntime> {
  const dir = graphDataDir(config);
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({ dataDir: dir, port: config.graphEmulatorPort });
  } catch (err) {
    throw new Error(`The local Graph emulator could not start on port ${config.graphEmulatorPort} with data in '${dir}': ${(err as Error).message}`);
  }
  log.info('emulator.listening', { url: emulator.graphUrl, seededSeconds: emulator.seedSeconds });
  const identity = new LocalIdentity(dir);
  if (opts.botless) return { emulator, identity, stop: () => emulator.stop() };
  let store: Store;
  try {
    store = await openBotStore(config);
  } catch (err) {
    await emulator.stop();
    throw new Error(`The bot's store could not open: ${(err as Error).message}`);
  }
  let bot: RunningBot;
  try {
    bot = await startBot(config, {
      graph: { baseUrl: emulator.baseUrl, caPem: emulator.caPem },
      tokens: new LocalTokenSource((objectId) => (identity.find(objectId) ? identity.tokenFor(objectId) : undefined)),
      log,
      store,
      tokenForUser: async (objectId) => (identity.find(objectId) ? identity.tokenFor(objectId) : undefined),
      ...(opts.storage ? { storage: opts.storage } : {}),
      ...(opts.pending ? { pending: opts.pending } : {}),
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
