/**
 * Posts an activity to the bot's messaging endpoint as Teams does (JSON, `Authorization: Bearer <channel token>`)
 * and reads the answer: the HTTP status and, for invokes, the invoke response body. Also fetches pages (the
 * sign-in link) the way the user's browser would. HTTPS endpoints are trusted through the local CA.
 */
import * as http from 'node:http';
import * as https from 'node:https';

export interface HttpAnswer {
  status: number;
  body: unknown;
  text: string;
}

/** Sends one request. Rejects when the endpoint cannot be reached or does not answer within `timeoutMs`. */
export function httpRequest(
  url: string,
  opts: { method: string; headers?: Record<string, string>; body?: string; ca?: string; timeoutMs?: number },
): Promise<HttpAnswer> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      {
        method: opts.method,
        headers: {
          ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
          ...opts.headers,
        },
        ...(u.protocol === 'https:' && opts.ca ? { ca: opts.ca } : {}),
        timeout: opts.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = undefined;
          if (text && /json/i.test(res.headers['content-type'] ?? '')) {
            try {
              body = JSON.parse(text);
            } catch (err) {
              if (!(err instanceof SyntaxError)) throw err;
              body = text;
            }
          } else if (text) body = text;
          resolve({ status: res.statusCode ?? 0, body, text });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`local-cloud: ${opts.method} ${u.origin}${u.pathname} timed out`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
