/**
 * The HTTPS transport: `https://localhost:P/v1.0/...` for Graph (bearer token required) and
 * `/_emulator/...` control endpoints (loopback only, no token): stats and fault injection.
 */
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultInjector } from '../control/fault-injector';
import type { RequestStats } from '../control/request-stats';
import { E, GraphHttpError } from './graph-error';
import type { GraphPipeline } from './graph-pipeline';
import type { EmuRequest, EmuResponse } from './request-context';

const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const MAX_BODY = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new GraphHttpError(413, 'Request_EntityTooLarge', 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: EmuResponse): void {
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache', 'Strict-Transport-Security': 'max-age=31536000', ...(r.headers ?? {}) };
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
  certPem: string;
  keyPem: string;
  onError: (err: unknown) => void;
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  const method = (req.method ?? 'GET').toUpperCase();
  const emuReq: EmuRequest = { method, path: '/', query: url.searchParams, headers };

  if (url.pathname.startsWith('/_emulator/')) {
    send(res, await control(parts, method, url.pathname, req));
    return;
  }
  parts.stats.requests++;
  try {
    const m = /^\/(v1\.0|beta)(\/.*)?$/i.exec(url.pathname);
    if (!m) throw E.badRequest(`Invalid version: ${url.pathname.split('/')[1] ?? ''}`, 'BadRequest');
    if ((m[1] as string).toLowerCase() !== 'v1.0') throw E.badRequest('The graph-emulator serves only the v1.0 endpoint.', 'BadRequest');
    emuReq.path = m[2] && m[2] !== '/' ? m[2] : '/';
    // Some clients send `+` for spaces in the query string (docs/graph-behaviour.md, Transport): URLSearchParams already decodes it.
    const bodyText = await readBody(req);
    if (bodyText) emuReq.bodyText = bodyText;
    const caller = parts.pipeline.authenticate(headers['authorization']);
    send(res, await parts.pipeline.dispatch(emuReq, caller));
  } catch (err) {
    const g = err instanceof GraphHttpError ? err : new GraphHttpError(500, 'InternalServerError', 'The emulator failed to process the request.');
    if (!(err instanceof GraphHttpError)) parts.onError(err);
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
      const text = await readBody(req);
      const spec = parts.faults.set(JSON.parse(text || 'null'));
      return { status: 200, body: { active: true, spec } };
    } catch (err) {
      return { status: 400, body: { error: { code: 'BadRequest', message: `Invalid fault specification: ${(err as Error).message}` } } };
    }
  }
  if (route === 'GET /_emulator/health') return { status: 200, body: { status: 'ok' } };
  return { status: 404, body: { error: { code: 'NotFound', message: `No control endpoint '${route}'. Known: GET /_emulator/stats, POST /_emulator/stats/reset, GET|POST|DELETE /_emulator/faults, GET /_emulator/health.` } } };
}

/** Starts the HTTPS server on 127.0.0.1. Resolves to the server and its port. Rejects when the port is taken. */
export function listen(parts: ServerParts, port: number): Promise<{ server: https.Server; port: number }> {
  const server = https.createServer({ cert: parts.certPem, key: parts.keyPem }, (req, res) => {
    handle(parts, req, res).catch((err: unknown) => {
      parts.onError(err);
      if (!res.headersSent) send(res, { status: 500, body: { error: { code: 'InternalServerError', message: 'The emulator failed to process the request.' } } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}
