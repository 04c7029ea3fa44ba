/**
 * The bot's logger: pino, one JSON object per line on stderr (`level`, `t`, `event`, then the event's fields).
 * Values under secret key names are replaced, bearer tokens and JWTs inside strings are masked, and errors are
 * reduced to name, message and stack as JSON strings, so neither tokens nor forged log lines reach the log.
 */
import pino from 'pino';

const LEVELS = { error: 0, warn: 1, info: 2, debug: 3 } as const;
export type Level = keyof typeof LEVELS;

/**
 * Key names whose values are never logged, compared without case, `-` or `_` (so `access_token`,
 * `Access-Token` and `accessToken` are all caught). A key merely containing "key" (such as `groupKey`) is kept.
 */
const SECRET_KEYS = new Set(
  [
    'authorization',
    'proxyAuthorization',
    'cookie',
    'setCookie',
    'token',
    'accessToken',
    'refreshToken',
    'idToken',
    'userToken',
    'bearer',
    'password',
    'botPassword',
    'microsoftAppPassword',
    'secret',
    'clientSecret',
    'appSecret',
    'assertion',
    'clientAssertion',
    'privateKey',
    'signingKey',
    'keyPem',
    'apiKey',
    'databaseUrl',
    'connectionString',
    'localSecret',
    'credential',
    'credentials',
  ].map((k) => k.toLowerCase()),
);
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi;
/** The password of a URL with credentials (`postgres://user:password@host/db`), anywhere in a string. */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)[^\s/?#@]+@/gi;
/** `password=…`, `client_secret=…` and the like in a form body or query string. */
const SECRET_PARAM =
  /((?:^|[?&\s])(?:password|client_secret|client_assertion|access_token|refresh_token|code)=)[^&\s]+/gi;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
/** Long strings are cut so that one event cannot flood the log. */
const MAX_STRING = 4000;

/** True when a key's value must not be logged. Never throws. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.replace(/[-_]/g, '').toLowerCase());
}

function cleanString(value: string): string {
  const cut = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  return cut
    .replace(BEARER, '$1[redacted]')
    .replace(JWT, '[redacted-jwt]')
    .replace(URL_PASSWORD, '$1[redacted]@')
    .replace(SECRET_PARAM, '$1[redacted]');
}

/** Returns a copy safe to log. Never throws. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return cleanString(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  if (value instanceof Error) {
    return {
      name: value.name,
      message: cleanString(value.message),
      ...(value.stack ? { stack: cleanString(value.stack) } : {}),
    };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

export interface Logger {
  error(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  info(event: string, data?: Record<string, unknown>): void;
  debug(event: string, data?: Record<string, unknown>): void;
}

/** Fields pino would otherwise let an event overwrite. */
const RESERVED = new Set(['level', 't', 'event']);

function fieldsOf(data: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!data) return {};
  const safe = redact(data) as Record<string, unknown>;
  for (const key of Object.keys(safe)) {
    if (RESERVED.has(key)) {
      safe[`data.${key}`] = safe[key];
      delete safe[key];
    }
  }
  return safe;
}

/**
 * A logger writing at `level` and above. `sink` receives each JSON line without its newline (tests collect
 * them); by default lines go to stderr synchronously, so nothing is lost when the process exits.
 */
export function createLogger(level: Level = 'info', sink?: (line: string) => void): Logger {
  const stream = sink
    ? { write: (line: string) => sink(line.replace(/\n$/, '')) }
    : pino.destination({ fd: 2, sync: true });
  const base = pino(
    {
      level,
      base: undefined,
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  const emit = (lvl: Level) => (event: string, data?: Record<string, unknown>) => {
    if (LEVELS[lvl] > LEVELS[level]) return;
    // The event first, then its fields: `{"level":…,"t":…,"event":…,…}`, as log readers and greps expect.
    base[lvl]({ event: cleanString(event), ...fieldsOf(data) });
  };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}

let configured: Logger | undefined;
let fallback: Logger | undefined;

/**
 * Makes `log` the logger of the code that has no context to carry one (a store's idle connection, a stored
 * link's parse): the CLI commands call it with the logger they configured from LOG_LEVEL, so there is one logger
 * per process. Never throws.
 */
export function setProcessLogger(log: Logger): void {
  configured = log;
}

/**
 * The process's logger: the one setProcessLogger was given, or, before any (tests, a library use), one writing
 * warnings and errors to stderr. Never throws.
 */
export function processLogger(): Logger {
  if (configured) return configured;
  fallback ??= createLogger('warn');
  return fallback;
}

/**
 * Logs Node's process warnings (a library's deprecation) as `process.warning` events of the process's logger
 * instead of Node's plain "(node:…) Warning" lines, leaving out the codes in `ignored`. For the CLI's entry.
 */
export function routeProcessWarningsToLog(ignored: readonly string[] = []): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: string }) => {
    if (warning.code && ignored.includes(warning.code)) return;
    processLogger().warn('process.warning', { name: warning.name, message: warning.message, code: warning.code });
  });
}

/** The logger a context carries, else the process's logger. Never throws. */
export function logOf(holder?: { log?: Logger | undefined }): Logger {
  return holder?.log ?? processLogger();
}

/**
 * Sends what libraries write with console.error/warn/log/info (botbuilder prints stack traces there) through
 * `log` as `console.<method>` events, so stderr holds JSON lines only. Returns a function that restores the
 * console. Meant for the CLI processes, not for tests.
 */
export function routeConsoleToLog(log: Logger): () => void {
  const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info };
  const text = (args: unknown[]): string =>
    args
      .map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : safeJson(a)))
      .join(' ');
  console.error = (...args: unknown[]) => log.error('console.error', { text: text(args) });
  console.warn = (...args: unknown[]) => log.warn('console.warn', { text: text(args) });
  console.log = (...args: unknown[]) => log.info('console.log', { text: text(args) });
  console.info = (...args: unknown[]) => log.info('console.info', { text: text(args) });
  return () => Object.assign(console, saved);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(redact(value)) ?? String(value);
  } catch (err) {
    return `[unprintable: ${(err as Error).message}]`;
  }
}
