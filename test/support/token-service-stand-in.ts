/**
 * A STAND-IN for the Bot Framework token service (https://token.botframework.com), which no local part can play:
 * a plain HTTP server on 127.0.0.1 that answers the one call the bot makes outside a turn, in the service's REST
 * shape, from tokens the test puts in:
 *
 *   GET /api/usertoken/GetToken?userId=&connectionName=&channelId=[&code=]
 *     200 { channelId, connectionName, token, expiration }   when a token is cached for that user/connection/channel
 *     404 (empty body)                                         when none is
 *
 * It records every request (path, query, Authorization header) so tests can assert what the bot asked for and with
 * which credentials. It checks nothing about the bearer token itself; the real service validates it.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface TokenServiceCall {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
}

export interface TokenServiceStandIn {
  /** Base URL, `http://127.0.0.1:P` (the UserTokenClient's OAuth endpoint). */
  url: string;
  calls: TokenServiceCall[];
  /** Caches `token` for (userId, connectionName, channelId). */
  putToken(userId: string, connectionName: string, channelId: string, token: string): void;
  /** Forgets every cached token and pending failure. */
  clearTokens(): void;
  /** Answers the next GetToken calls with this status and an error body instead (e.g. 500), `count` times. */
  failNext(status: number, count?: number): void;
  stop(): Promise<void>;
}

const key = (userId: string, connectionName: string, channelId: string) =>
  JSON.stringify([userId, connectionName, channelId]);

/** Starts the stand-in on 127.0.0.1, on a free port. Throws when it cannot listen. */
export async function startTokenServiceStandIn(): Promise<TokenServiceStandIn> {
  const tokens = new Map<string, string>();
  const calls: TokenServiceCall[] = [];
  let failures: { status: number; count: number } | undefined;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams.entries());
    calls.push({ method: req.method ?? '', path: url.pathname, query, authorization: req.headers.authorization });
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/api/usertoken/GetToken')
      return send(404, { error: { code: 'NotFound', message: 'no such route on the stand-in' } });
    if (failures && failures.count > 0) {
      failures.count -= 1;
      return send(failures.status, { error: { code: 'ServiceError', message: `stand-in failure ${failures.status}` } });
    }
    const { userId = '', connectionName = '', channelId = '' } = query;
    const token = tokens.get(key(userId, connectionName, channelId));
    if (!token) return send(404);
    return send(200, { channelId, connectionName, token, expiration: new Date(Date.now() + 3600_000).toISOString() });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    putToken: (userId, connectionName, channelId, token) => {
      tokens.set(key(userId, connectionName, channelId), token);
    },
    clearTokens: () => {
      tokens.clear();
      failures = undefined;
    },
    failNext: (status, count = 1) => {
      failures = { status, count };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
