/**
 * groupbot's settings: every environment variable the bot reads is parsed here, once, by one zod schema
 * (ENV_SCHEMA), into the typed BotConfig that is handed to whoever needs a setting. `.env.example` documents each
 * variable of the schema and README's Configuration table its default (test/bot/config-docs.test.ts checks both).
 */
import * as path from 'node:path';
import { z } from 'zod';
import { isKnownTimeZone } from '../cards/card-time';
import { BOT_CLOUDS, resolveEndpoints, type BotEndpoints } from './cloud-endpoints';
import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from './requests/request-settings';
import { DEFAULT_HYGIENE_SETTINGS, type HygieneSettings } from './hygiene/hygiene-settings';

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
  /** Local mode: ms between a write touching dynamic membership and its processing (GROUPBOT_DYNAMIC_DELAY_MS). */
  graphEmulatorDynamicDelayMs?: number;
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
  /** The Azure Bot OAuth connection for the users' Graph tokens (OAUTH_CONNECTION_NAME, default `graph`). */
  oauthConnectionName?: string;
  /**
   * The App ID URI of the bot's app registration (AAD_APP_ID_URI, default `api://botid-<BOT_ID>`): teams-ai's
   * tokenExchangeUri, so card clicks get SSO. Production; in local mode only when set.
   */
  aadAppIdUri?: string;
  /** Production: the Bot Framework endpoints (BOT_CLOUD preset, BOT_LOGIN_URL and the other overrides). */
  botEndpoints?: BotEndpoints;
  databaseUrl?: string;
  graphBaseUrl: string;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** The access-request lifecycle (REQUEST_*, REQUESTS_SWEEP_SECONDS). */
  requests: RequestSettings;
  /** The hygiene digest (GROUPBOT_DIGEST_*). */
  hygiene: HygieneSettings;
  /** Seconds between two delta rounds of one watched group (HISTORY_POLL_SECONDS; 0 = the poller is off). */
  historyPollSeconds: number;
  /** Seconds between a group licence assignment and the check of its licence errors (LICENSE_CHECK_DELAY_SECONDS). */
  licenceCheckDelaySeconds: number;
  /** How long a bulk run's lease lasts before another instance reports it interrupted (BULK_RUN_LEASE_SECONDS). */
  bulkRunLeaseSeconds: number;
  /** Graph write tuning, carried on the GraphEndpoint (GROUPBOT_BATCH_CONCURRENCY, GROUPBOT_PATCH_BINDS). */
  directory: { batchConcurrency: number; patchBinds: boolean };
  /** Where the machine's empty PGlite cluster is kept (GROUPBOT_PGLITE_TEMPLATE; unset = under the OS temp dir). */
  pgliteTemplateDir?: string;
  /**
   * groupbot's id in the tenant's Teams app catalog (TEAMS_APP_CATALOG_ID; the catalog id, not the manifest id).
   * When set, an approver without the app may get it installed with the acting user's delegated token
   * (bot/directory/teams-app-install.ts, TeamsAppInstallation.ReadWriteForUser). Unset: never tried.
   */
  teamsAppCatalogId?: string;
  /** For `npm run package` (scripts/package-app.ts): BOT_DOMAIN, AAD_APP_CLIENT_ID and TEAMS_APP_ID, when set. */
  appPackage: { botDomain?: string; aadAppClientId?: string; teamsAppId?: string };
}

export class ConfigError extends Error {}

type Check<T> = (raw: string) => T | { invalid: string };

/** An optional variable: blank is unset; otherwise `check` returns the value or what the value must be. */
function optional<T>(check: Check<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      if (raw === undefined || raw.trim() === '') return undefined;
      const value = check(raw.trim());
      if (value && typeof value === 'object' && 'invalid' in value) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: value.invalid });
        return z.NEVER;
      }
      return value as T;
    });
}

const text = optional((raw) => raw);

/** What a bad value is told, quoting it (only for variables that cannot hold a secret). */
const got = (expected: string, raw: string) => ({ invalid: `must be ${expected}, got '${raw}'.` });

const port = optional((raw) => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : got('a port number (0-65535)', raw);
});

function whole(min: number, max: number) {
  return optional((raw) => {
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    return Number.isInteger(n) && n >= min && n <= max ? n : got(`a whole number from ${min} to ${max}`, raw);
  });
}

function decimal(min: number, max: number) {
  return optional((raw) => {
    const n = Number(raw);
    return Number.isFinite(n) && n >= min && n <= max ? n : got(`a number from ${min} to ${max}`, raw);
  });
}

function oneOf<const T extends readonly string[]>(values: T) {
  const listed = `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
  return optional((raw) => ((values as readonly string[]).includes(raw) ? (raw as T[number]) : got(listed, raw)));
}

const httpsUrl = optional((raw) => {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  return url && url.protocol === 'https:' ? raw.replace(/\/+$/, '') : got('an https URL', raw);
});

const timeZone = optional((raw) => (isKnownTimeZone(raw) ? raw : got('an IANA time zone such as Europe/Lisbon', raw)));

/** Never echoes the value: a connection string holds a password. */
const databaseUrl = optional((raw) =>
  /^postgres(ql)?:\/\//.test(raw) && URL.canParse(raw)
    ? raw
    : { invalid: 'must be a postgres:// connection URL (the value is not shown: it may hold a password).' },
);

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** GRAPH_EMULATOR_URL as an origin; only https on a loopback host is allowed (the emulator never leaves 127.0.0.1). */
const emulatorUrl = optional((raw) => {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (
    !url ||
    url.protocol !== 'https:' ||
    !LOOPBACK.has(url.hostname) ||
    !url.port ||
    !['', '/', '/v1.0', '/v1.0/'].includes(url.pathname)
  ) {
    return got('the https URL of a running local Graph emulator, such as https://localhost:8443/v1.0', raw);
  }
  return url.origin;
});

/** BOT_SERVICE_URLS as a list of loopback http(s) URLs. */
const serviceUrls = optional((raw) => {
  const urls: string[] = [];
  for (const item of raw.split(',').map((s) => s.trim())) {
    const url = URL.canParse(item) ? new URL(item) : undefined;
    if (!url || !/^https?:$/.test(url.protocol) || !LOOPBACK.has(url.hostname)) {
      return {
        invalid: `must list http URLs on 127.0.0.1 or localhost (local mode replies nowhere else), got '${item}'.`,
      };
    }
    urls.push(url.href);
  }
  return urls;
});

const endpointSecret = optional((raw) =>
  /^[A-Za-z0-9_-]{16,128}$/.test(raw)
    ? raw
    : { invalid: 'must be 16 to 128 letters, digits, - or _ (or unset for a random one).' },
);

const onOff = optional((raw) => (raw === 'on' ? true : raw === 'off' ? false : got('on or off', raw)));

const catalogId = optional((raw) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)
    ? raw.toLowerCase()
    : got("a GUID (the app's id in the Teams app catalog)", raw),
);
const appIdUri = optional((raw) => (URL.canParse(raw) ? raw : got('a URI such as api://botid-<BOT_ID>', raw)));

/**
 * Every variable groupbot reads, with its parser. Keys are the variable names (.env.example lists the same
 * names); values come out typed, `undefined` when unset or blank.
 */
const VARIABLES = {
  // Both modes.
  PORT: port,
  DATA_DIR: text,
  LOG_LEVEL: oneOf(['error', 'warn', 'info', 'debug'] as const),
  GRAPH_BASE_URL: httpsUrl,
  // Local mode.
  BOT_ENDPOINT_SECRET: endpointSecret,
  BOT_SERVICE_URLS: serviceUrls,
  PLAYGROUND_PORT: port,
  GRAPH_EMULATOR_PORT: port,
  GRAPH_EMULATOR_URL: emulatorUrl,
  GRAPH_EMULATOR_DATA_DIR: text,
  GROUPBOT_DYNAMIC_DELAY_MS: whole(0, 3_600_000),
  // Production.
  BOT_ID: text,
  MicrosoftAppId: text,
  BOT_PASSWORD: text,
  BOT_TENANT_ID: text,
  BOT_TYPE: oneOf(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const),
  OAUTH_CONNECTION_NAME: text,
  AAD_APP_ID_URI: appIdUri,
  TEAMS_APP_CATALOG_ID: catalogId,
  DATABASE_URL: databaseUrl,
  HOST: text,
  // Production: the cloud and its Bot Framework endpoints.
  BOT_CLOUD: oneOf(BOT_CLOUDS),
  BOT_LOGIN_URL: httpsUrl,
  BOT_OAUTH_SCOPE: text,
  BOT_TOKEN_ISSUER: text,
  BOT_OPENID_METADATA_URL: httpsUrl,
  BOT_TOKEN_SERVICE_URL: httpsUrl,
  BOT_CHANNEL_SERVICE: text,
  // Access requests.
  REQUESTS_SWEEP_SECONDS: decimal(0, 86_400),
  REQUEST_REMIND_HOURS: decimal(0.001, 24 * 365),
  REQUEST_EXPIRY_DAYS: decimal(0.0001, 365),
  REQUEST_LEASE_SECONDS: decimal(1, 86_400),
  REQUEST_MEMBERSHIP_NOTICE_DAYS: decimal(0, 365),
  REQUEST_TIME_ZONE: timeZone,
  REQUEST_ESCALATE_HOURS: decimal(0, 24 * 365),
  // Hygiene digest.
  GROUPBOT_DIGEST_EXPIRING_DAYS: whole(1, 365),
  GROUPBOT_DIGEST_LINES: whole(1, 50),
  GROUPBOT_DIGEST_EVERY_DAYS: whole(1, 365),
  GROUPBOT_DIGEST_CHECK_SECONDS: whole(0, 86_400 * 7),
  // Watched groups, bulk changes, stores.
  HISTORY_POLL_SECONDS: whole(0, 86_400 * 7),
  LICENSE_CHECK_DELAY_SECONDS: whole(1, 86_400),
  BULK_RUN_LEASE_SECONDS: decimal(0.001, 86_400),
  GROUPBOT_BATCH_CONCURRENCY: whole(1, 64),
  GROUPBOT_PATCH_BINDS: onOff,
  GROUPBOT_PGLITE_TEMPLATE: text,
  // Teams app package (npm run package).
  BOT_DOMAIN: text,
  AAD_APP_CLIENT_ID: text,
  TEAMS_APP_ID: text,
};

type Parsed = { [K in keyof typeof VARIABLES]: z.output<(typeof VARIABLES)[K]> };

/** The one schema: the variables, then the settings object built from them (mode rules included). */
export const ENV_SCHEMA = z.object(VARIABLES).transform((env, ctx) => toConfig(env as Parsed, ctx));

/** The names of every environment variable groupbot reads. */
export const ENV_VARIABLES: readonly string[] = Object.keys(VARIABLES);

function toConfig(env: Parsed, ctx: z.RefinementCtx): BotConfig {
  const botId = env.BOT_ID ?? env.MicrosoftAppId;
  const mode = botId ? 'production' : 'local';
  const playgroundPort = env.PLAYGROUND_PORT ?? 56150;
  const base: BotConfig = {
    mode,
    host: mode === 'local' ? '127.0.0.1' : (env.HOST ?? '0.0.0.0'),
    port: env.PORT ?? 3978,
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    graphEmulatorPort: env.GRAPH_EMULATOR_PORT ?? 8443,
    ...(env.GRAPH_EMULATOR_DATA_DIR ? { graphEmulatorDataDir: path.resolve(env.GRAPH_EMULATOR_DATA_DIR) } : {}),
    ...(env.GROUPBOT_DYNAMIC_DELAY_MS !== undefined
      ? { graphEmulatorDynamicDelayMs: env.GROUPBOT_DYNAMIC_DELAY_MS }
      : {}),
    playgroundPort,
    localServiceUrls: [],
    graphBaseUrl: env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com',
    logLevel: env.LOG_LEVEL ?? 'info',
    ...(env.AAD_APP_ID_URI ? { aadAppIdUri: env.AAD_APP_ID_URI } : {}),
    ...(env.TEAMS_APP_CATALOG_ID ? { teamsAppCatalogId: env.TEAMS_APP_CATALOG_ID } : {}),
    requests: {
      sweepSeconds: env.REQUESTS_SWEEP_SECONDS ?? DEFAULT_REQUEST_SETTINGS.sweepSeconds,
      remindHours: env.REQUEST_REMIND_HOURS ?? DEFAULT_REQUEST_SETTINGS.remindHours,
      expiryDays: env.REQUEST_EXPIRY_DAYS ?? DEFAULT_REQUEST_SETTINGS.expiryDays,
      leaseSeconds: env.REQUEST_LEASE_SECONDS ?? DEFAULT_REQUEST_SETTINGS.leaseSeconds,
      membershipNoticeDays: env.REQUEST_MEMBERSHIP_NOTICE_DAYS ?? DEFAULT_REQUEST_SETTINGS.membershipNoticeDays,
      timeZone: env.REQUEST_TIME_ZONE ?? DEFAULT_REQUEST_SETTINGS.timeZone,
      escalateHours: env.REQUEST_ESCALATE_HOURS ?? DEFAULT_REQUEST_SETTINGS.escalateHours ?? 72,
      answerWithinMs: DEFAULT_REQUEST_SETTINGS.answerWithinMs ?? 1500,
    },
    hygiene: {
      expiringDays: env.GROUPBOT_DIGEST_EXPIRING_DAYS ?? DEFAULT_HYGIENE_SETTINGS.expiringDays,
      lines: env.GROUPBOT_DIGEST_LINES ?? DEFAULT_HYGIENE_SETTINGS.lines,
      everyDays: env.GROUPBOT_DIGEST_EVERY_DAYS ?? DEFAULT_HYGIENE_SETTINGS.everyDays,
      checkSeconds: env.GROUPBOT_DIGEST_CHECK_SECONDS ?? DEFAULT_HYGIENE_SETTINGS.checkSeconds,
    },
    historyPollSeconds: env.HISTORY_POLL_SECONDS ?? 300,
    licenceCheckDelaySeconds: env.LICENSE_CHECK_DELAY_SECONDS ?? 300,
    bulkRunLeaseSeconds: env.BULK_RUN_LEASE_SECONDS ?? 60,
    directory: { batchConcurrency: env.GROUPBOT_BATCH_CONCURRENCY ?? 4, patchBinds: env.GROUPBOT_PATCH_BINDS ?? true },
    ...(env.GROUPBOT_PGLITE_TEMPLATE ? { pgliteTemplateDir: path.resolve(env.GROUPBOT_PGLITE_TEMPLATE) } : {}),
    appPackage: {
      ...(env.BOT_DOMAIN ? { botDomain: env.BOT_DOMAIN } : {}),
      ...(env.AAD_APP_CLIENT_ID ? { aadAppClientId: env.AAD_APP_CLIENT_ID } : {}),
      ...(env.TEAMS_APP_ID ? { teamsAppId: env.TEAMS_APP_ID } : {}),
    },
  };
  if (mode === 'local') {
    return {
      ...base,
      ...(env.GRAPH_EMULATOR_URL ? { graphEmulatorUrl: env.GRAPH_EMULATOR_URL } : {}),
      ...(env.BOT_ENDPOINT_SECRET ? { botEndpointSecret: env.BOT_ENDPOINT_SECRET } : {}),
      localServiceUrls:
        env.BOT_SERVICE_URLS ??
        (playgroundPort
          ? [`http://127.0.0.1:${playgroundPort}/_connector`, `http://localhost:${playgroundPort}/_connector`]
          : []),
      ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    };
  }
  const appType = env.BOT_TYPE ?? 'SingleTenant';
  const missing = [
    ...(env.BOT_PASSWORD || appType === 'UserAssignedMSI' ? [] : ['BOT_PASSWORD']),
    ...(env.BOT_TENANT_ID ? [] : ['BOT_TENANT_ID']),
    ...(env.DATABASE_URL ? [] : ['DATABASE_URL']),
  ];
  if (missing.length) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `Production mode (BOT_ID is set) needs ${missing.join(', ')}; see .env.example.`,
    });
    return z.NEVER;
  }
  return {
    ...base,
    botId,
    ...(env.BOT_PASSWORD ? { botPassword: env.BOT_PASSWORD } : {}),
    botTenantId: env.BOT_TENANT_ID,
    botAppType: appType,
    oauthConnectionName: env.OAUTH_CONNECTION_NAME ?? 'graph',
    aadAppIdUri: env.AAD_APP_ID_URI ?? `api://botid-${botId}`,
    botEndpoints: resolveEndpoints(env.BOT_CLOUD ?? 'public', appType, env.BOT_TENANT_ID, {
      loginUrl: env.BOT_LOGIN_URL,
      oauthScope: env.BOT_OAUTH_SCOPE,
      tokenIssuer: env.BOT_TOKEN_ISSUER,
      openIdMetadataUrl: env.BOT_OPENID_METADATA_URL,
      tokenServiceUrl: env.BOT_TOKEN_SERVICE_URL,
      channelService: env.BOT_CHANNEL_SERVICE,
    }),
    databaseUrl: env.DATABASE_URL,
  };
}

/** One line for a failed parse: each bad variable named with what it must be (issues without a path as they are). */
function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')} ${issue.message}` : issue.message))
    .join(' ');
}

/**
 * Reads the configuration. Local mode when no bot credentials are set; production otherwise, failing fast on
 * missing settings. Throws ConfigError with one line naming each bad variable (never quoting a secret).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const result = ENV_SCHEMA.safeParse(env);
  if (!result.success) throw new ConfigError(describe(result.error));
  return result.data;
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

/**
 * The environment of a child process groupbot starts (the Agents Playground, `groupbot cloud`'s bot): this
 * process's own environment passed through, without the variables `leaveOut` matches, with `extra` on top. The
 * one place besides loadConfig that touches process.env. Never throws.
 */
export function childProcessEnv(extra: Record<string, string>, leaveOut?: RegExp): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!leaveOut?.test(name)) env[name] = value;
  return { ...env, ...extra };
}
