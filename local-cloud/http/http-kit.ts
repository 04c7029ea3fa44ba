/**
 * Small HTTP helpers shared by every part of the local cloud: a route table matched on method and path, body
 * reading with a size cap, JSON and form parsing, and answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  /** Named groups of the route's pattern. */
  params: Record<string, string>;
  /** The raw body (empty for GET). */
  body: string;
}

export type RouteHandler = (r: RouteRequest, res: ServerResponse) => void | Promise<void>;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

/** Thrown by handlers for an answer other than 2xx; the server turns it into that response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

const MAX_BODY = 1024 * 1024;

/** Reads the whole body as UTF-8. Rejects with HttpError 413 past 1 MB. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, { error: { code: 'RequestTooLarge', message: 'Request body too large.' } }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a JSON body; throws HttpError 400 with `errorBody` when it is not a JSON object. */
export function jsonBody(
  r: RouteRequest,
  errorBody: unknown = { error: { code: 'BadArgument', message: 'Invalid JSON body.' } },
): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(r.body || 'null');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
  }
  throw new HttpError(400, errorBody);
}

/** Parses an application/x-www-form-urlencoded body. */
export function formBody(r: RouteRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(r.body).entries());
}

/** Sends `body` as JSON (or an empty body when undefined). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Sends an HTML page. */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

/** The bearer token of the request, or undefined. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m ? m[1] : undefined;
}

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
