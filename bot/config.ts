import * as path from 'node:path';

/** Settings read from the environment (see .env.example). */
export interface BotConfig {
  mode: 'local' | 'production';
  /** Where the bot listens; local mode always uses 127.0.0.1. */
  host: string;
  port: number;
  dataDir: string;
  graphEmulatorPort: number;
  /**
   * Local mode: an already running Graph emulator to use instead of starting one (GRAPH_EMULATOR_URL), so that
   * several bot processes share one directory. Normalised to its origin, `https://localhost:P`.
   */
  graphEmulatorUrl?: string;
  /** The emulator's data directory: its CA and signing key (GRAPH_EMULATOR_DATA_DIR; unset = `<DATA_DIR>/graph`). */
  graphEmulatorDataDir?: string;
  playgroundPort: number;
  /**
   * Local mode: the secret last segment of the messaging endpoint (BOT_ENDPOINT_SECRET), for several bot
   * processes behind one endpoint. Unset: a new random secret on every start.
   */
  botEndpointSecret?: string;
  /**
   * Local mode, `groupbot serve`: the serviceUrl prefixes the bot replies to (BOT_SERVICE_URLS, comma-separated);
   * by default the connector of an Agents Playground on PLAYGROUND_PORT. `groupbot start` uses its own Playground's.
   */
  localServiceUrls: string[];
  /** Production only. */
  botId?: string;
  botPassword?: string;
  botTenantId?: string;
  botAppType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  oauthConnectionName?: string;
  databaseUrl?: string;
  graphBaseUrl: string;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
}

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(`${name} must be a port number (0-65535), got '${raw}'.`);
  return n;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** GRAPH_EMULATOR_URL as an origin; only https on a loopback host is allowed (the emulator never leaves 127.0.0.1). */
function emulatorUrlFrom(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : undefined;
  if (
    !url ||
    url.protocol !== 'https:' ||
    !LOOPBACK.has(url.hostname) ||
    !url.port ||
    !['', '/', '/v1.0', '/v1.0/'].includes(url.pathname)
  ) {
    throw new ConfigError(
      `GRAPH_EMULATOR_URL must be the https URL of a running local Graph emulator, such as https://localhost:8443/v1.0, got '${raw}'.`,
    );
  }
  return url.origin;
}

/** BOT_SERVICE_URLS as a list of loopback http(s) URLs; by default the Playground's connector on its port. */
function localServiceUrlsFrom(raw: string | undefined, playgroundPort: number): string[] {
  if (raw === undefined || raw.trim() === '')
    return playgroundPort
      ? [`http://127.0.0.1:${playgroundPort}/_connector`, `http://localhost:${playgroundPort}/_connector`]
      : [];
  return raw.split(',').map((item) => {
    const url = URL.canParse(item.trim()) ? new URL(item.trim()) : undefined;
    if (!url || !/^https?:$/.test(url.protocol) || !LOOPBACK.has(url.hostname)) {
      throw new ConfigError(
        `BOT_SERVICE_URLS must list http URLs on 127.0.0.1 or localhost (local mode replies nowhere else), got '${item.trim()}'.`,
      );
    }
    return url.href;
  });
}

/**
 * Reads the configuration. Local mode when no bot credentials are set; production otherwise, failing fast on
 * missing settings. Throws ConfigError with a sentence naming the setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const botId = env.BOT_ID || env.MicrosoftAppId || undefined;
  const mode = botId ? 'production' : 'local';
  const logLevel = (env.LOG_LEVEL ?? 'info') as BotConfig['logLevel'];
  if (!['error', 'warn', 'info', 'debug'].includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be error, warn, info or debug, got '${env.LOG_LEVEL}'.`);
  const dataDir = path.resolve(env.DATA_DIR || '.data');
  const graphEmulatorUrl = mode === 'local' ? emulatorUrlFrom(env.GRAPH_EMULATOR_URL) : undefined;
  const base: BotConfig = {
    mode,
    host: mode === 'local' ? '127.0.0.1' : env.HOST || '0.0.0.0',
    port: intFrom(env, 'PORT', 3978),
    dataDir,
    graphEmulatorPort: intFrom(env, 'GRAPH_EMULATOR_PORT', 8443),
    ...(graphEmulatorUrl ? { graphEmulatorUrl } : {}),
    ...(env.GRAPH_EMULATOR_DATA_DIR ? { graphEmulatorDataDir: path.resolve(env.GRAPH_EMULATOR_DATA_DIR) } : {}),
    playgroundPort: intFrom(env, 'PLAYGROUND_PORT', 56150),
    localServiceUrls: [],
    graphBaseUrl: env.GRAPH_BASE_URL || 'https://graph.microsoft.com',
    logLevel,
  };
  if (mode === 'local') {
    const secret = env.BOT_ENDPOINT_SECRET;
    if (secret !== undefined && secret !== '' && !/^[A-Za-z0-9_-]{16,128}$/.test(secret)) {
      throw new ConfigError(
        'BOT_ENDPOINT_SECRET must be 16 to 128 letters, digits, - or _ (or unset for a random one).',
      );
    }
    return {
      ...base,
      ...(secret ? { botEndpointSecret: secret } : {}),
      localServiceUrls: localServiceUrlsFrom(env.BOT_SERVICE_URLS, base.playgroundPort),
      ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    };
  }
  const missing = ['BOT_PASSWORD', 'BOT_TENANT_ID', 'OAUTH_CONNECTION_NAME', 'DATABASE_URL'].filter(
    (k) => !env[k] && !(k === 'BOT_PASSWORD' && env.BOT_TYPE === 'UserAssignedMSI'),
  );
  if (missing.length)
    throw new ConfigError(`Production mode (BOT_ID is set) needs ${missing.join(', ')}; see .env.example.`);
  return {
    ...base,
    botId,
    ...(env.BOT_PASSWORD ? { botPassword: env.BOT_PASSWORD } : {}),
    botTenantId: env.BOT_TENANT_ID,
    botAppType: (env.BOT_TYPE as BotConfig['botAppType']) || 'SingleTenant',
    oauthConnectionName: env.OAUTH_CONNECTION_NAME,
    databaseUrl: env.DATABASE_URL,
  };
}

/**
 * For sub-commands: the configuration, or undefined after writing "groupbot <command>: <reason>" to stderr when
 * a setting is wrong (the caller then exits with code 2). Throws only on programming errors.
 */
export function configForCommand(command: string, env: NodeJS.ProcessEnv = process.env): BotConfig | undefined {
  try {
    return loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`groupbot ${command}: ${err.message}\n`);
    return undefined;
  }
}
