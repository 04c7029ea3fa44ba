/**
 * The bot's logger: one JSON line per event on stderr. Values under keys that look secret are replaced, and
 * bearer tokens inside strings are masked, so tokens never reach logs.
 */
const LEVELS = { error: 0, warn: 1, info: 2, debug: 3 } as const;
export type Level = keyof typeof LEVELS;

const SECRET_KEY = /token|secret|password|authorization|assertion|key/i;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;

/** Returns a copy safe to log. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return value.replace(BEARER, '$1[redacted]').replace(JWT, '[redacted-jwt]');
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
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

export function createLogger(level: Level = 'info', sink: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const max = LEVELS[level];
  const emit = (lvl: Level) => (event: string, data?: Record<string, unknown>) => {
    if (LEVELS[lvl] > max) return;
    sink(JSON.stringify({ t: new Date().toISOString(), level: lvl, event, ...(data ? (redact(data) as object) : {}) }));
  };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}
