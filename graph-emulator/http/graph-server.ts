/**
 * The HTTPS transport: `https://localhost:P/v1.0/...` for Graph (bearer token required) and
 * `/_emulator/...` control endpoints (loopback only, no token): stats and fault injection.
 */
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultInjector } from '../control/fault-injector';
import type { RequestStats } from '../control/request-stats';
import { BodyReadError, readBody as readBounded } from '../../common/body-read';
import { E, GraphHttpError } from './graph-error';
import type { GraphPipeline } from './graph-pipeline';
import type { EmuRequest, EmuResponse } from './request-context';
import { MAX_SIMPLE_UPLOAD_BYTES } from '../routes/drive-items';
import { driveWebResponse } from '../drive/drive-web';
import { PERSONAL_PREFIX } from '../drive/drive-json';
import { BrowserSessions } from '../drive/browser-sessions';
import { signInResponse } from '../drive/browser-sign-in';
import { SIGN_IN_PATH } from '../drive/sign-in-page';
import type { ReplicationLag } from '../control/replication-lag';

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
/** Graph's own limit on a request body is 4 MB. */
const MAX_BODY = 4 * 1024 * 1024;
/** Timeouts: a client that stops sending half-way is dropped well before a minute has passed. */
const BODY_TIMEOUT_MS = 20_000;
const HEADERS_TIMEOUT_MS = 20_000;
const IDLE_TIMEOUT_MS = 30_000;

/** A simple file upload (`PUT …/content`) may carry up to 250 MB (driveitem-put-content); anything else 4 MB. */
const FILE_UPLOAD = /\/content$/i;
/** Time for a body of that size over loopback. */
const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * The request body's bytes. Throws GraphHttpError 413 (larger than 4 MB, or 250 MB for a file upload, judged by
 * Content-Length before reading when it is given), 408 (too slow), 415 (compressed) or 400 (aborted);
 * `closeConnection` on the error's cause says the connection must be closed after the answer.
 */
async function readBody(req: IncomingMessage, upload = false): Promise<Buffer> {
  try {
    return await readBounded(
      req,
      upload
        ? { maxBytes: MAX_SIMPLE_UPLOAD_BYTES, drainBytes: MAX_SIMPLE_UPLOAD_BYTES, timeoutMs: UPLOAD_TIMEOUT_MS }
        : { maxBytes: MAX_BODY, timeoutMs: BODY_TIMEOUT_MS },
    );
  } catch (err) {
    if (!(err instanceof BodyReadError)) throw err;
    const code =
      err.status === 413
        ? 'Request_EntityTooLarge'
        : err.status === 408
          ? 'RequestTimeout'
          : err.status === 415
            ? 'UnsupportedMediaType'
            : 'BadRequest';
    throw Object.assign(new GraphHttpError(err.status, code, err.message), { cause: err });
  }
}

/** True when a request failed before its body was fully read, so its connection cannot be reused. */
function mustClose(err: unknown): boolean {
  return err instanceof GraphHttpError && err.cause instanceof BodyReadError && err.cause.closeConnection;
}

function send(res: ServerResponse, r: EmuResponse): void {
  const headers: Record<string, string> = {
    'Cache-Control': 'no-cache',
    'Strict-Transport-Security': 'max-age=31536000',
    ...(r.headers ?? {}),
  };
  let payload: string | undefined;
  if (r.text !== undefined) {
    headers['Content-Type'] = 'text/plain';
    payload = r.text;
  } else if (r.body !== undefined && r.status !== 204) {
    headers['Content-Type'] = JSON_TYPE;
    headers['OData-Version'] = '4.0';
    payload = JSON.stringify(r.body);
  }
  res.writeHead(r.status, headers);
  res.end(payload);
}

export interface ServerParts {
  pipeline: GraphPipeline;
  faults: FaultInjector;
  stats: RequestStats;
  /** The replication-lag knob (GET|POST /_emulator/replication-lag); absent = not offered. */
  replication?: ReplicationLag;
  certPem: string;
  keyPem: string;
  onError: (err: unknown) => void;
}

const WEB_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

async function handle(
  parts: ServerParts,
  sessions: BrowserSessions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  const method = (req.method ?? 'GET').toUpperCase();
  const emuReq: EmuRequest = { method, path: '/', query: url.searchParams, headers };

  if (url.pathname.startsWith('/_emulator/')) {
    send(res, await control(parts, method, url.pathname, req));
    return;
  }
  if (url.pathname === SIGN_IN_PATH) {
    let form = '';
    if (method === 'POST') {
      try {
        form = (await readBody(req)).toString('utf8');
      } catch (err) {
        if (!(err instanceof GraphHttpError)) throw err;
        res.writeHead(err.status, { ...WEB_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
        res.end(`${err.message}\n`);
        return;
      }
    }
    const r = signInResponse(parts.pipeline, sessions, method, url.searchParams, form);
    res.writeHead(r.status, { ...WEB_HEADERS, ...r.headers });
    res.end(r.body);
    return;
  }
  if (url.pathname.startsWith(PERSONAL_PREFIX)) {
    const r = await driveWebResponse(
      parts.pipeline,
      method,
      url.pathname,
      { authorization: headers['authorization'], cookie: headers['cookie'], accept: headers['accept'] },
      sessions,
    );
    res.writeHead(r.status, { ...WEB_HEADERS, ...r.headers });
    res.end(r.body);
    return;
  }
  parts.stats.requests++;
  try {
    const m = /^\/(v1\.0|beta)(\/.*)?$/i.exec(url.pathname);
    if (!m) throw E.badRequest(`Invalid version: ${url.pathname.split('/')[1] ?? ''}`, 'BadRequest');
    // beta serves the v1.0 routes plus the few beta-only properties the emulator knows (routes/beta-properties.ts).
    if ((m[1] as string).toLowerCase() === 'beta') emuReq.beta = true;
    emuReq.path = m[2] && m[2] !== '/' ? m[2] : '/';
    // Some clients send `+` for spaces in the query string (docs/graph-behaviour.md, Transport): URLSearchParams already decodes it.
    const upload = method === 'PUT' && FILE_UPLOAD.test(emuReq.path);
    const bytes = await readBody(req, upload);
    if (bytes.length) {
      emuReq.bodyBytes = bytes;
      // A file's bytes are read as bytes only; JSON bodies as text.
      if (!upload) emuReq.bodyText = bytes.toString('utf8');
    }
    const caller = parts.pipeline.authenticate(headers['authorization']);
    send(res, await parts.pipeline.dispatch(emuReq, caller));
  } catch (err) {
    const g =
      err instanceof GraphHttpError
        ? err
        : new GraphHttpError(500, 'InternalServerError', 'The emulator failed to process the request.');
    if (!(err instanceof GraphHttpError)) parts.onError(err);
    if (mustClose(err)) {
      res.setHeader('Connection', 'close');
      res.once('finish', () => res.socket?.destroySoon());
    }
    send(res, parts.pipeline.errorResponse(g, emuReq));
  }
}

async function control(parts: ServerParts, method: string, path: string, req: IncomingMessage): Promise<EmuResponse> {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  if (route === 'GET /_emulator/stats') return { status: 200, body: parts.stats.snapshot() };
  if (route === 'POST /_emulator/stats/reset') {
    parts.stats.reset();
    return { status: 204 };
  }
  if (route === 'GET /_emulator/faults') return { status: 200, body: parts.faults.describe() };
  if (route === 'DELETE /_emulator/faults') {
    parts.faults.clear();
    return { status: 204 };
  }
  if (route === 'POST /_emulator/faults') {
    try {
      const text = (await readBody(req)).toString('utf8');
      const spec = parts.faults.set(JSON.parse(text || 'null'));
      return { status: 200, body: { active: true, spec } };
    } catch (err) {
      return {
        status: 400,
        body: { error: { code: 'BadRequest', message: `Invalid fault specification: ${(err as Error).message}` } },
      };
    }
  }
  if (route === 'GET /_emulator/replication-lag' && parts.replication)
    return { status: 200, body: parts.replication.describe() };
  if (route === 'POST /_emulator/replication-lag' && parts.replication) {
    try {
      const body = JSON.parse((await readBody(req)).toString('utf8') || 'null') as { seconds?: unknown } | null;
      parts.replication.set(body?.seconds);
      return { status: 200, body: parts.replication.describe() };
    } catch (err) {
      return {
        status: 400,
        body: { error: { code: 'BadRequest', message: `Invalid replication lag: ${(err as Error).message}` } },
      };
    }
  }
  if (route === 'GET /_emulator/health') return { status: 200, body: { status: 'ok' } };
  return {
    status: 404,
    body: {
      error: {
        code: 'NotFound',
        message: `No control endpoint '${route}'. Known: GET /_emulator/stats, POST /_emulator/stats/reset, GET|POST|DELETE /_emulator/faults, GET|POST /_emulator/replication-lag, GET /_emulator/health.`,
      },
    },
  };
}

/** Starts the HTTPS server on 127.0.0.1. Resolves to the server and its port. Rejects when the port is taken. */
export function listen(parts: ServerParts, port: number): Promise<{ server: https.Server; port: number }> {
  // Browser sessions of the OneDrive web pages: in memory, one set per server (drive/browser-sessions.ts).
  const sessions = new BrowserSessions();
  const server = https.createServer({ cert: parts.certPem, key: parts.keyPem }, (req, res) => {
    handle(parts, sessions, req, res).catch((err: unknown) => {
      parts.onError(err);
      if (!res.headersSent)
        send(res, {
          status: 500,
          body: { error: { code: 'InternalServerError', message: 'The emulator failed to process the request.' } },
        });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = HEADERS_TIMEOUT_MS + BODY_TIMEOUT_MS;
  server.timeout = IDLE_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}
