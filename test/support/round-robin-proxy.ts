/**
 * A tiny HTTP load balancer for tests, on 127.0.0.1: each request goes to the next backend in turn (or to the one
 * a test pins with `sendNextTo`). A backend that refuses the connection (its process is down) is skipped and the
 * next one is tried, as a load balancer's health check would; a backend that dies while handling a request
 * answers 502 (the request may have had effects, so it is not replayed). Every request is recorded with the
 * backend that answered it and, for Bot Framework activities, the activity's type, name and verb.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the proxy saw it. */
export interface ProxiedRequest {
  method: string;
  path: string;
  /** Index of the backend that answered (the last one tried when none did). */
  backend: number;
  /** Backends skipped because they refused the connection. */
  skipped: number[];
  /** HTTP status sent back (502 when no backend answered). */
  status: number;
  /** Activity fields, when the body was a Bot Framework activity. */
  activityType?: string;
  name?: string;
  verb?: string;
  text?: string;
}

interface Backend {
  host: string;
  port: number;
}

function activityOf(body: Buffer): Pick<ProxiedRequest, 'activityType' | 'name' | 'verb' | 'text'> {
  if (body.length === 0) return {};
  let parsed: { type?: unknown; name?: unknown; text?: unknown; value?: { action?: { verb?: unknown } } };
  try {
    parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
  } catch (err) {
    // Not JSON: nothing to record about it, the bytes are forwarded as they are.
    if (err instanceof SyntaxError) return {};
    throw err;
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const out: Pick<ProxiedRequest, 'activityType' | 'name' | 'verb' | 'text'> = {};
  const type = str(parsed.type);
  const name = str(parsed.name);
  const verb = str(parsed.value?.action?.verb);
  const text = str(parsed.text);
  if (type) out.activityType = type;
  if (name) out.name = name;
  if (verb) out.verb = verb;
  if (text) out.text = text;
  return out;
}

export class RoundRobinProxy {
  /** Every request handled, in arrival order. */
  readonly handled: ProxiedRequest[] = [];
  private next = 0;

  private readonly server: Server;
  private port_ = 0;

  private constructor(private readonly backends: readonly Backend[]) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** The port it listens on. */
  get port(): number {
    return this.port_;
  }

  /** `http://127.0.0.1:<port>` */
  get url(): string {
    return `http://127.0.0.1:${this.port_}`;
  }

  /**
   * Listens on 127.0.0.1 (port 0 = any free port) in front of the backends (`http://127.0.0.1:P` URLs).
   * Throws TypeError for a backend that is not plain http on loopback; rejects when the port cannot be bound.
   */
  static async start(backendUrls: readonly string[], port = 0): Promise<RoundRobinProxy> {
    if (backendUrls.length === 0) throw new TypeError('the proxy needs at least one backend');
    const backends = backendUrls.map((raw) => {
      const url = new URL(raw);
      if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(url.hostname))
        throw new TypeError(`backend '${raw}' must be http on 127.0.0.1`);
      return { host: '127.0.0.1', port: Number(url.port) };
    });
    const proxy = new RoundRobinProxy(backends);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(port, '127.0.0.1', () => resolve());
    });
    proxy.port_ = (proxy.server.address() as AddressInfo).port;
    return proxy;
  }

  /** The next request goes to backend `index`; later ones continue round-robin from there. Throws RangeError. */
  sendNextTo(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.backends.length)
      throw new RangeError(`no backend ${index}`);
    this.next = index;
  }

  /** Stops listening and closes open connections. Never rejects. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const first = this.next;
      this.next = (this.next + 1) % this.backends.length;
      const record: ProxiedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        backend: first,
        skipped: [],
        status: 0,
        ...activityOf(body),
      };
      this.handled.push(record);
      this.forward(req, res, body, record, first, 0);
    });
  }

  private forward(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    record: ProxiedRequest,
    index: number,
    tries: number,
  ): void {
    const backend = this.backends[index] as Backend;
    record.backend = index;
    const headers = { ...req.headers, host: `${backend.host}:${backend.port}`, 'content-length': String(body.length) };
    const upstream = httpRequest(
      { host: backend.host, port: backend.port, method: req.method, path: req.url, headers },
      (answer) => {
        record.status = answer.statusCode ?? 502;
        res.writeHead(record.status, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' && tries + 1 < this.backends.length) {
        // Down before it saw the request: safe to send it to the next backend.
        record.skipped.push(index);
        this.forward(req, res, body, record, (index + 1) % this.backends.length, tries + 1);
        return;
      }
      record.status = 502;
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`backend ${index} failed: ${err.code ?? err.message}`);
      } else {
        res.destroy();
      }
    });
    upstream.end(body);
  }
}
