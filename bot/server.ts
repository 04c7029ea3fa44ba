import { timingSafeEqual } from 'node:crypto';
import * as restify from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { CheckedTeamsAdapter } from './teams/adapter';
import { BodyReadError, mediaType, readBody } from '../common/body-read';
import { answerThenClose, type LingerLimits } from './http/lingering-close';
import { checkActivity, serviceUrlProblem } from './teams/activity-guard';
import type { Logger } from './log';

/** Bounds on every request; the defaults suit Teams (messages ≤ ~100 KB, answered within seconds). */
export interface HttpLimits extends LingerLimits {
  maxBodyBytes: number;
  /** The body must arrive within this time once its headers have. */
  bodyTimeoutMs: number;
  /** The request line and headers must arrive within this time. */
  headersTimeoutMs: number;
  /** A socket with no traffic at all is closed after this time. */
  idleTimeoutMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  maxBodyBytes: 256 * 1024,
  bodyTimeoutMs: 20_000,
  headersTimeoutMs: 20_000,
  idleTimeoutMs: 30_000,
  // A refused body larger than 4 × maxBodyBytes: after the 413 is written, the client gets this long (and this
  // many bytes) to stop sending before its connection is closed, so that it reads the answer rather than a reset.
  lingerMs: 2_000,
  lingerBytes: 16 * 1024 * 1024,
};

export interface ServerParts {
  adapter: CheckedTeamsAdapter;
  /** Runs one turn (the teams-ai Application). */
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
  /** Which serviceUrls the bot may reply to (the Playground's in local mode, the Bot Framework's in production). */
  serviceUrlAllowed: (url: URL) => boolean;
  /**
   * Local mode's credential: the messaging endpoint is `/api/messages/<secret>`, a path only the Playground (given
   * it on its command line) and the runtime file know. Local mode also refuses requests a browser sends (they carry
   * an Origin header) and Host names other than loopback ones. Absent in production, where the adapter checks
   * each request's Bot Framework JWT instead.
   */
  localSecret?: string;
  /** Extra readiness facts for /healthz. */
  health?: () => Promise<Record<string, unknown>>;
  limits?: Partial<HttpLimits>;
}

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/**
 * Answers with a JSON error body. `close` (given when the request was not read to its end): the connection is
 * closed after the answer without resetting it under a client still sending (bot/http/lingering-close.ts).
 */
function refuse(
  res: restify.Response,
  status: number,
  code: string,
  message: string,
  close?: { req: restify.Request; linger: LingerLimits },
): void {
  if (res.headersSent) return;
  if (close) answerThenClose(close.req, res, status, { error: { code, message } }, close.linger);
  else res.send(status, { error: { code, message } });
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a local-mode request is refused before its body is read, or null. */
function localProblem(req: restify.Request, secret: string): [number, string, string] | null {
  if (req.headers.origin !== undefined)
    return [403, 'BrowserRequest', 'Web pages may not post to the bot; use the Agents Playground or `groupbot chat`.'];
  if (!LOOPBACK_HOST.test(String(req.headers.host ?? '')))
    return [403, 'BadHost', 'Local mode answers only requests addressed to 127.0.0.1 or localhost.'];
  if (!sameSecret(req.params?.secret as string | undefined, secret)) {
    return [
      401,
      'Unauthorized',
      'This endpoint needs the local credential: use the bot endpoint `groupbot start` gives the Agents Playground (DATA_DIR/local-runtime.json).',
    ];
  }
  return null;
}

/** The activity from a request whose body was read: JSON only, of the right shape, for an allowed serviceUrl. */
function activityOf(body: Buffer, serviceUrlAllowed: (url: URL) => boolean): Activity | string {
  let parsed: unknown;
  if (!body.toString('utf8').trim()) return 'The request body must be a JSON activity object.';
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    return `The request body is not valid JSON (${(err as Error).message.slice(0, 100)}).`;
  }
  const checked = checkActivity(parsed);
  if (!checked.ok) return checked.problem;
  const activity = checked.activity;
  const urlProblem = serviceUrlProblem(String(activity['serviceUrl']), serviceUrlAllowed);
  if (urlProblem) return urlProblem;
  // What botbuilder's own request parsing does: timestamps become Dates (the schema checked they parse).
  for (const key of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const raw = activity[key];
    if (typeof raw === 'string') {
      activity[`raw${key[0]?.toUpperCase()}${key.slice(1)}`] = raw;
      activity[key] = new Date(raw);
    }
  }
  return activity as unknown as Activity;
}

/** jsonwebtoken's errors, which botframework-connector lets through when a token's signature or dates are bad. */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

function isAuthFailure(err: unknown): boolean {
  return (
    err instanceof AuthenticationError ||
    (err as { statusCode?: number } | null)?.statusCode === 401 ||
    (err instanceof Error && JWT_ERRORS.has(err.name))
  );
}

/**
 * The HTTP surface: POST /api/messages (production: Bot Framework activities, JWT validated by the adapter) or
 * /api/messages/<secret> (local mode), and GET /healthz. Every body is bounded in size and time, only
 * uncompressed JSON activities of the expected shape are accepted, and bad input gets a 4xx with a short reason.
 */
export function createServer(parts: ServerParts): restify.Server {
  const limits = { ...DEFAULT_LIMITS, ...parts.limits };
  const server = restify.createServer({ name: 'groupbot', handleUncaughtExceptions: false });
  server.server.headersTimeout = limits.headersTimeoutMs;
  server.server.requestTimeout = limits.headersTimeoutMs + limits.bodyTimeoutMs;
  server.server.timeout = limits.idleTimeoutMs;

  /** Refuses a request before its body is used; the body is read and dropped first, so the client sees the answer. */
  const refuseUnread = async (
    req: restify.Request,
    res: restify.Response,
    status: number,
    code: string,
    message: string,
  ): Promise<void> => {
    const drained = await readBody(req, { maxBytes: limits.maxBodyBytes, timeoutMs: limits.bodyTimeoutMs }).then(
      () => true,
      (err: unknown) => !(err instanceof BodyReadError && err.closeConnection),
    );
    refuse(res, status, code, message, drained ? undefined : { req, linger: limits });
  };
  const onMessages = async (req: restify.Request, res: restify.Response): Promise<void> => {
    const local = parts.localSecret === undefined ? null : localProblem(req, parts.localSecret);
    if (local) {
      parts.log.warn('http.local.refused', { status: local[0], reason: local[1] });
      return refuseUnread(req, res, ...local);
    }
    if (mediaType(req.headers['content-type']) !== 'application/json') {
      return refuseUnread(
        req,
        res,
        415,
        'UnsupportedMediaType',
        'The bot accepts only application/json activities in UTF-8.',
      );
    }
    let body: Buffer;
    try {
      body = await readBody(req, { maxBytes: limits.maxBodyBytes, timeoutMs: limits.bodyTimeoutMs });
    } catch (err) {
      if (!(err instanceof BodyReadError)) throw err;
      parts.log.warn('http.body.refused', { status: err.status, reason: err.message });
      return refuse(
        res,
        err.status,
        err.status === 413 ? 'RequestTooLarge' : err.status === 415 ? 'UnsupportedMediaType' : 'BadRequest',
        err.message,
        err.closeConnection ? { req, linger: limits } : undefined,
      );
    }
    const activity = activityOf(body, parts.serviceUrlAllowed);
    if (typeof activity === 'string') return refuse(res, 400, 'BadActivity', activity);
    await runTurn(parts, req, res, activity);
  };
  const guarded = async (req: restify.Request, res: restify.Response): Promise<void> => {
    try {
      await onMessages(req, res);
    } catch (err) {
      parts.log.error('http.failed', { error: err });
      refuse(res, 500, 'InternalError', 'The bot could not process this request.', { req, linger: limits });
    }
  };
  if (parts.localSecret === undefined) server.post('/api/messages', guarded);
  else server.post('/api/messages/:secret', guarded);

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const extra = parts.health ? await parts.health().catch((e: Error) => ({ healthError: e.message })) : {};
    res.json({ status: 'ok', ...extra });
  });

  server.on(
    'restifyError',
    (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, cb: () => void) => {
      parts.log.debug('http.rejected', { path: req.path(), status: err.statusCode, reason: err.message });
      cb();
    },
  );
  return server;
}

/**
 * Hands a checked activity to the adapter (which validates the JWT in production) and answers with the invoke
 * response, 200, 401 for a bad token, or 500 without internal detail when the turn itself failed.
 */
async function runTurn(
  parts: ServerParts,
  req: restify.Request,
  res: restify.Response,
  activity: Activity,
): Promise<void> {
  const authorization = String(req.headers.authorization ?? '');
  try {
    const invokeResponse = await parts.adapter.runChecked(authorization, activity, parts.logic);
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body !== undefined) res.send(invokeResponse.body);
    else res.end();
  } catch (err) {
    if (isAuthFailure(err)) {
      parts.log.warn('http.unauthorized', { reason: (err as Error).message });
      return refuse(res, 401, 'Unauthorized', 'The request does not carry a valid Bot Framework token.');
    }
    parts.log.error('turn.failed', { error: err, activityType: activity.type });
    refuse(res, 500, 'TurnFailed', 'The bot could not process this activity.');
  }
}

/** Starts listening; resolves to the bound port. Throws when the port is taken. */
export function listen(server: restify.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      const addr = server.address() as { port: number };
      resolve(addr.port);
    });
  });
}
