/**
 * A tiny Bot Connector stand-in on 127.0.0.1: the serviceUrl a test (or a benchmark) puts in its activities, so
 * that the bot's replies (POST .../activities[/:replyToId]) and card updates (PUT .../activities/:id) are
 * captured here instead of going to Teams or the Playground. Answers like the real connector: `{ id }`.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity id in the URL (the message replied to, or the one updated). */
  targetId?: string;
  activity: Record<string, unknown>;
}

export interface ReplyConnector {
  /** http://127.0.0.1:<port>/ — use as the activity's serviceUrl. */
  serviceUrl: string;
  /** Everything captured so far, in order. */
  captured: CapturedActivity[];
  /** Resolves with the next `count` captures for the conversation (counting those already captured since the last take). Rejects after `timeoutMs` (default 10 s) listing what did arrive. */
  take(conversationId: string, count?: number, timeoutMs?: number): Promise<CapturedActivity[]>;
  /** Called on each capture (the benchmark's fast path). */
  onCapture?: (c: CapturedActivity) => void;
  stop(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?\/?$/;

/**
 * Starts the connector on a free 127.0.0.1 port.
 * @throws Error when no port can be bound.
 */
export async function startReplyConnector(): Promise<ReplyConnector> {
  const captured: CapturedActivity[] = [];
  const cursors = new Map<string, number>();
  let waiters: (() => void)[] = [];
  let counter = 0;
  const connector: ReplyConnector = {
    serviceUrl: '',
    captured,
    take(conversationId, count = 1, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const from = cursors.get(conversationId) ?? 0;
          const mine = captured.filter((c) => c.conversationId === conversationId);
          if (mine.length - from < count) return false;
          cursors.set(conversationId, from + count);
          resolve(mine.slice(from, from + count));
          return true;
        };
        if (check()) return;
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seen = captured
            .filter((c) => c.conversationId === conversationId)
            .map((c) => `${c.method} ${String(c.activity['text'] ?? c.activity['type'])}`);
          reject(
            new Error(
              `expected ${count} bot activities in ${conversationId} within ${timeoutMs} ms; got: ${seen.join(' | ') || 'none'}`,
            ),
          );
        }, timeoutMs);
        const waiter = (): void => {
          if (check()) {
            clearTimeout(timer);
            waiters = waiters.filter((w) => w !== waiter);
          }
        };
        waiters.push(waiter);
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const m = ROUTE.exec(url.pathname);
      if (!m || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } }));
        return;
      }
      let activity: Record<string, unknown>;
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch (err) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadJson', message: (err as Error).message } }));
        return;
      }
      const capture: CapturedActivity = {
        method: req.method,
        conversationId: decodeURIComponent(m[1] as string),
        ...(m[2] ? { targetId: decodeURIComponent(m[2]) } : {}),
        activity,
      };
      captured.push(capture);
      connector.onCapture?.(capture);
      for (const w of [...waiters]) w();
      const id = req.method === 'PUT' ? capture.targetId : `reply-${++counter}`;
      res.writeHead(req.method === 'PUT' ? 200 : 201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  connector.serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return connector;
}

/** Every string inside an activity (text and card content), joined, for assertions. Never throws. */
export function activityText(activity: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(activity['text']);
  walk(activity['attachments']);
  return parts.join('\n');
}
