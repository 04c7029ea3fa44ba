/**
 * The local cloud's HTTPS server: one listener on 127.0.0.1 with the Graph emulator's localhost certificate,
 * dispatching to the route tables of every part. Unknown paths answer 404; unexpected errors answer 500 and go
 * to `onError` (without request bodies, which may hold secrets).
 */
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { HttpError, readBody, sendJson, type Route } from './http-kit';

export interface CloudServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0 = any). Rejects when the port is taken. */
export function listenCloud(
  tls: { certPem: string; keyPem: string },
  routes: readonly Route[],
  port: number,
  onError: (err: unknown) => void,
): Promise<CloudServer> {
  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    void dispatch(req, res);
  });
  async function dispatch(
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'https://localhost');
      let pathMatched = false;
      for (const route of routes) {
        const m = route.pattern.exec(url.pathname);
        if (!m) continue;
        pathMatched = true;
        if (route.method !== req.method) continue;
        const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req);
        await route.handler({ req, url, params: { ...(m.groups ?? {}) }, body }, res);
        return;
      }
      sendJson(res, pathMatched ? 405 : 404, {
        error: {
          code: pathMatched ? 'MethodNotAllowed' : 'NotFound',
          message: `No route for ${req.method} ${url.pathname}`,
        },
      });
    } catch (err) {
      if (err instanceof HttpError) {
        if (!res.headersSent) sendJson(res, err.status, err.body, err.headers);
        return;
      }
      onError(err);
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 'ServiceError', message: 'Internal error in the local cloud.' } });
      else res.destroy();
    }
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
