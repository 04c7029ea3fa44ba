/**
 * The bot's endpoint under hostile input (local mode, real HTTP server): compressed bodies, form posts from web
 * pages, a missing or wrong local credential, foreign serviceUrls, activities with fields of the wrong type, and a
 * body that stops half-way. Each gets a 4xx with a short reason, no turn runs, and the process keeps answering.
 */
import { strict as assert } from 'node:assert';
import * as net from 'node:net';
import { gzipSync } from 'node:zlib';
import { startBot, type RunningBot } from '../../bot/runtime';
import { openStore, type Store } from '../../bot/store';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { createServer, DEFAULT_LIMITS, listen } from '../../bot/server';
import { createAdapter } from '../../bot/teams/adapter';
import { isLoopbackServiceUrl } from '../../bot/teams/activity-guard';
import { startReplyConnector, type ReplyConnector } from './teams/reply-connector';

const USER_ID = '17da675f-27c5-4df3-8e3d-7b27d437674d';

describe('bot/server under hostile input (local mode)', function () {
  this.timeout(30_000);
  let bot: RunningBot;
  let store: Store;
  let connector: ReplyConnector;
  let tokenRequests = 0;
  let seq = 0;
  const logLines: string[] = [];

  const activity = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    type: 'message',
    id: `in-${++seq}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    conversation: { id: `conv-${seq}`, conversationType: 'personal' },
    from: { id: '29:ana', name: 'Ana Silva', aadObjectId: USER_ID },
    recipient: { id: '28:groupbot', name: 'groupbot' },
    text: 'help',
    ...over,
  });

  const post = async (
    body: string | Buffer,
    headers: Record<string, string> = {},
    url = bot.endpoint,
  ): Promise<{ status: number; text: string }> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: res.status, text: await res.text() };
  };

  before(async function () {
    this.timeout(180_000); // an in-memory store opens first (PGlite, slow on a loaded machine)
    connector = await startReplyConnector();
    const config = { ...loadConfig({ PORT: '0', LOG_LEVEL: 'warn' }), dataDir: '/nonexistent-groupbot-hardening-test' };
    store = await openStore({ memory: true });
    bot = await startBot(config, {
      store,
      graph: { baseUrl: 'https://localhost:1' },
      tokens: {
        tokenFor: async () => {
          tokenRequests++;
          return undefined;
        },
      },
      log: createLogger('warn', (l) => logLines.push(l)),
      serviceUrls: [connector.serviceUrl],
    });
  });
  after(async () => {
    await bot?.stop();
    await store?.close();
    await connector?.stop();
  });

  /** Nothing reached the turn: no reply was sent and no token was asked for. */
  const noTurn = (capturedBefore: number, tokensBefore: number): void => {
    assert.equal(connector.captured.length, capturedBefore, 'no reply was sent');
    assert.equal(tokenRequests, tokensBefore, 'no token was asked for');
  };

  it('a well-formed activity on the endpoint with its secret is answered (the control case)', async () => {
    const a = activity();
    assert.equal((await post(JSON.stringify(a))).status, 200);
    await connector.take((a['conversation'] as { id: string }).id);
  });

  it('a Teams activity with JSON null in optional fields and replyToId "" is answered, not refused', async () => {
    const a = activity({
      replyToId: '',
      locale: null,
      timestamp: null,
      channelData: null,
      value: null,
      entities: null,
      from: { id: '29:ana', name: null, aadObjectId: USER_ID },
      conversation: { id: `conv-nulls-${++seq}`, conversationType: 'personal', name: null, tenantId: null },
    });
    const r = await post(JSON.stringify(a));
    assert.equal(r.status, 200, r.text);
    const [sent] = await connector.take((a['conversation'] as { id: string }).id);
    assert.ok(sent, 'the turn ran and replied');
  });

  it('a body claiming gzip is refused with 415, whether or not it is gzip, and the bot keeps running', async () => {
    const before = connector.captured.length;
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)); // a few KB that would inflate to 20 MB
    for (const body of [Buffer.from('this is not gzip at all'), gzipSync(JSON.stringify(activity())), bomb]) {
      const r = await post(body, { 'content-encoding': 'gzip' });
      assert.equal(r.status, 415, r.text);
      assert.match(r.text, /uncompressed/);
    }
    assert.equal((await post(Buffer.from('x'), { 'content-encoding': 'deflate, gzip' })).status, 415);
    assert.equal((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status, 200);
    noTurn(before, tokenRequests);
  });

  it("a web page's form post (urlencoded, multipart, text/plain) is refused with 415", async () => {
    const before = connector.captured.length;
    const tokens = tokenRequests;
    const form =
      'type=message&serviceUrl=http%3A%2F%2F127.0.0.1%3A9&from[aadObjectId]=x&conversation[id]=c&text=delete+Marketing';
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
      'application/json; charset=utf-16',
    ]) {
      const r = await post(type.startsWith('application/json') ? JSON.stringify(activity()) : form, {
        'content-type': type,
      });
      assert.equal(r.status, 415, `${type}: ${r.text}`);
    }
    noTurn(before, tokens);
  });

  it('refuses requests without the local credential, with a wrong one, from a browser, or for a foreign Host', async () => {
    const before = connector.captured.length;
    const tokens = tokenRequests;
    const body = JSON.stringify(activity());
    const base = `http://127.0.0.1:${bot.port}/api/messages`;
    const bare = await post(body, {}, base);
    assert.ok(bare.status >= 400 && bare.status < 500, `no secret: ${bare.status}`);
    const wrong = await post(body, {}, `${base}/${'A'.repeat(32)}`);
    assert.equal(wrong.status, 401);
    assert.match(wrong.text, /local credential/);
    const browser = await post(body, { origin: 'http://evil.example.com' });
    assert.equal(browser.status, 403);
    const rebound = await new Promise<string>((resolve, reject) => {
      const path = new URL(bot.endpoint).pathname;
      const socket = net.connect(bot.port, '127.0.0.1', () => {
        socket.end(
          `POST ${path} HTTP/1.1\r\nHost: attacker.example.com:${bot.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      });
      let text = '';
      socket.on('data', (d: Buffer) => {
        text += d.toString();
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(rebound, /^HTTP\/1\.1 403/);
    noTurn(before, tokens);
  });

  it('refuses a serviceUrl outside the allow-list (no loopback port scanning, no file: URLs)', async () => {
    const before = connector.captured.length;
    for (const serviceUrl of [
      'http://127.0.0.1:22/',
      'http://127.0.0.1:1/_connector',
      'https://evil.example.com/',
      'file:///etc/passwd',
      'not a url',
      `${connector.serviceUrl}../..`.replace(/\/\.\.\/\.\.$/, 'x'),
    ]) {
      const r = await post(JSON.stringify(activity({ serviceUrl })));
      assert.equal(r.status, 400, `${serviceUrl}: ${r.text}`);
      assert.match(r.text, /serviceUrl/);
    }
    noTurn(before, tokenRequests);
  });

  const malformed: [string, Record<string, unknown>][] = [
    ['a numeric id', { id: 42 }],
    ['an object id', { id: { $gt: '' } }],
    ['a numeric locale', { locale: 7 }],
    ['a locale with markup', { locale: '<script>' }],
    ['a numeric conversation.id', { conversation: { id: 12 } }],
    ['a NUL in conversation.id', { conversation: { id: 'conv\u0000x' } }],
    ['a newline in from.id', { from: { id: '29:ana\n{"level":"error"}', aadObjectId: USER_ID } }],
    ['an object from.aadObjectId', { from: { id: '29:ana', aadObjectId: { toString: 1 } } }],
    ['an array recipient.id', { recipient: { id: ['28:groupbot'] } }],
    ['a boolean conversation.name', { conversation: { id: 'c', name: true } }],
    ['a timestamp that is not a date', { timestamp: 'yesterday-ish' }],
    ['a NUL in the text', { text: 'add Ana\u0000 to Marketing' }],
    ['an unpaired surrogate in the text', { text: 'add \ud800 to Marketing' }],
    ['a value nested 100 levels deep', { value: JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`) as unknown }],
    ['a numeric type', { type: 5 }],
    ['a numeric channelId', { channelId: 5 }],
    ['entities that are not objects', { entities: ['x'] }],
    ['a string membersAdded', { type: 'conversationUpdate', membersAdded: 'everyone' }],
  ];
  for (const [what, over] of malformed) {
    it(`${what} gets 400 with a reason naming the field, and no turn`, async () => {
      const before = connector.captured.length;
      const tokens = tokenRequests;
      const r = await post(JSON.stringify(activity(over)));
      assert.equal(r.status, 400, r.text);
      const message = (JSON.parse(r.text) as { error: { code: string; message: string } }).error.message;
      assert.ok(message.length < 200 && !/\n|at .*\.js/.test(message), `a short reason, no internals: ${message}`);
      noTurn(before, tokens);
    });
  }

  it('logs only JSON lines, one per event, while refusing all of this', () => {
    for (const line of logLines) assert.doesNotThrow(() => JSON.parse(line), line);
    assert.ok(logLines.every((l) => !l.includes('\n')));
  });
});

describe('bot/server timeouts', function () {
  this.timeout(20_000);

  it('keeps header and body waits well under 75 s in total (Node checks them every 30 s)', () => {
    assert.ok(DEFAULT_LIMITS.headersTimeoutMs + DEFAULT_LIMITS.bodyTimeoutMs + 30_000 <= 75_000);
    const server = createServer({
      adapter: createAdapter(loadConfig({})),
      logic: async () => undefined,
      log: createLogger('error', () => undefined),
      serviceUrlAllowed: isLoopbackServiceUrl,
      localSecret: 's'.repeat(32),
    });
    assert.equal(server.server.headersTimeout, DEFAULT_LIMITS.headersTimeoutMs);
    assert.equal(server.server.requestTimeout, DEFAULT_LIMITS.headersTimeoutMs + DEFAULT_LIMITS.bodyTimeoutMs);
    assert.ok(server.server.timeout > 0 && server.server.timeout <= 60_000);
  });

  it('answers 408 and closes the connection when a body stops half-way', async () => {
    const secret = 's'.repeat(32);
    const server = createServer({
      adapter: createAdapter(loadConfig({})),
      logic: async () => undefined,
      log: createLogger('error', () => undefined),
      serviceUrlAllowed: isLoopbackServiceUrl,
      localSecret: secret,
      limits: { bodyTimeoutMs: 500 },
    });
    const port = await listen(server, '127.0.0.1', 0);
    try {
      const t0 = Date.now();
      const { text, closedAfterMs } = await new Promise<{ text: string; closedAfterMs: number }>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(
            `POST /api/messages/${secret} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":"mess`,
          );
        });
        let received = '';
        socket.on('data', (d: Buffer) => {
          received += d.toString();
        });
        socket.on('close', () => resolve({ text: received, closedAfterMs: Date.now() - t0 }));
        socket.on('error', reject);
      });
      assert.match(text, /^HTTP\/1\.1 408/);
      assert.ok(closedAfterMs < 5000, `closed after ${closedAfterMs} ms`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
