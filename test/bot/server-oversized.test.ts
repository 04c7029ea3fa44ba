/**
 * Oversized request bodies (bot/server.ts with common/body-read.ts, real HTTP server, real node:http client):
 * a client still sending a body larger than the limit must get the 413 answer, not a reset connection
 * (ECONNRESET / EPIPE before any response), whether the body is chunked or announced by Content-Length, a bit
 * or far larger than the limit; and the server keeps answering afterwards.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as http from 'node:http';
import { createServer, listen } from '../../bot/server';
import { createAdapter } from '../../bot/teams/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { isLoopbackServiceUrl } from '../../bot/teams/activity-guard';
import type * as restify from 'restify';

const SECRET = 'o'.repeat(32);
const LIMIT = 64 * 1024;
const CHUNK = Buffer.alloc(16 * 1024, 0x20);

interface Outcome {
  status?: number;
  body: string;
  /** An error the client saw before any response arrived. */
  errorBeforeResponse?: string;
  bytesSent: number;
}

/**
 * POSTs `total` bytes in 16 KB chunks, one every `gapMs`, like a slow uploader; stops sending once the answer
 * arrives (as curl and browsers do). Resolves when the response has been read, or on an error.
 */
function upload(
  port: number,
  total: number,
  opts: { contentLength: boolean; gapMs: number; ignoreAnswer?: boolean },
): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { body: '', bytesSent: 0 };
    let answered = false;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve(outcome);
    };
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/messages/${SECRET}`,
      agent: false,
      headers: {
        'content-type': 'application/json',
        ...(opts.contentLength ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }),
      },
    });
    req.on('response', (res) => {
      answered = true;
      outcome.status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        outcome.body += d;
      });
      res.on('end', finish);
      res.on('error', finish);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (!answered) outcome.errorBeforeResponse = `${err.code ?? ''} ${err.message}`;
      if (!answered || outcome.status !== undefined) setTimeout(finish, 50);
    });
    const pump = (): void => {
      if ((answered && !opts.ignoreAnswer) || done || req.destroyed) return;
      if (outcome.bytesSent >= total) {
        req.end();
        return;
      }
      const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, total - outcome.bytesSent));
      outcome.bytesSent += chunk.length;
      req.write(chunk, () => setTimeout(pump, opts.gapMs));
    };
    pump();
  });
}

/**
 * A client in its own process (so that it can be busy while the server answers, as a loaded client is): writes
 * `size` bytes as fast as the socket takes them, blocks its event loop for `blockMs` right after starting, and
 * prints what it saw: `status 413` (then `end` or a late error), or only an error when the connection was reset
 * before it could read the answer.
 */
const BUSY_CLIENT = `
const http = require('node:http');
const [port, path, size, mode, blockMs] = process.argv.slice(1);
const total = Number(size);
const req = http.request({ host: '127.0.0.1', port: Number(port), method: 'POST', path, agent: false,
  headers: { 'content-type': 'application/json', ...(mode === 'length' ? { 'content-length': size } : {}) } });
let seen = '';
req.on('response', (res) => { seen = 'status ' + res.statusCode; res.resume(); res.on('end', () => { console.log(seen + ' end'); process.exit(0); }); });
req.on('error', (e) => { console.log((seen ? seen + ' ' : '') + 'error ' + e.code); process.exit(0); });
const chunk = Buffer.alloc(64 * 1024, 0x20);
let sent = 0;
const pump = () => { while (sent < total) { sent += chunk.length; if (!req.write(chunk)) { req.once('drain', pump); return; } } req.end(); };
pump();
setTimeout(() => { const t = Date.now(); while (Date.now() - t < Number(blockMs)) {} }, 20);
setTimeout(() => { console.log(seen + ' timeout'); process.exit(0); }, 20000);
`;

function busyUpload(port: number, size: number, mode: 'length' | 'chunked', blockMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', BUSY_CLIENT, String(port), `/api/messages/${SECRET}`, String(size), mode, String(blockMs)],
      { timeout: 30_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
    );
  });
}

describe('bot/server: oversized bodies are answered 413, not reset', function () {
  this.timeout(60_000);
  let server: restify.Server;
  let port: number;
  let turns = 0;

  before(async () => {
    server = createServer({
      adapter: createAdapter(loadConfig({})),
      logic: async () => {
        turns++;
      },
      log: createLogger('error', () => undefined),
      serviceUrlAllowed: isLoopbackServiceUrl,
      localSecret: SECRET,
      limits: { maxBodyBytes: LIMIT, bodyTimeoutMs: 10_000 },
    });
    port = await listen(server, '127.0.0.1', 0);
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const cases: [string, number, { contentLength: boolean; gapMs: number; ignoreAnswer?: boolean }][] = [
    ['a chunked body twice the limit', 2 * LIMIT, { contentLength: false, gapMs: 1 }],
    ['a chunked body 40 times the limit, sent slowly', 40 * LIMIT, { contentLength: false, gapMs: 2 }],
    ['a chunked body 40 times the limit, sent as fast as possible', 40 * LIMIT, { contentLength: false, gapMs: 0 }],
    ['a Content-Length body twice the limit', 2 * LIMIT, { contentLength: true, gapMs: 1 }],
    ['a Content-Length body 40 times the limit', 40 * LIMIT, { contentLength: true, gapMs: 1 }],
    [
      'a chunked body 40 times the limit from a client that keeps sending after the answer',
      40 * LIMIT,
      { contentLength: false, gapMs: 1, ignoreAnswer: true },
    ],
    [
      'a Content-Length body 40 times the limit from a client that keeps sending after the answer',
      40 * LIMIT,
      { contentLength: true, gapMs: 0, ignoreAnswer: true },
    ],
  ];
  for (const [what, total, opts] of cases) {
    it(`${what}: the client receives the 413 with its reason`, async () => {
      const outcome = await upload(port, total, opts);
      assert.equal(outcome.errorBeforeResponse, undefined, `the client saw ${outcome.errorBeforeResponse}`);
      assert.equal(outcome.status, 413, JSON.stringify(outcome));
      const error = (JSON.parse(outcome.body) as { error: { code: string; message: string } }).error;
      assert.equal(error.code, 'RequestTooLarge');
      assert.match(error.message, /larger than 64 KB/);
    });
  }

  it('a fetch (undici) upload of a body 40 times the limit gets the 413', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/messages/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(40 * LIMIT, 0x20),
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /RequestTooLarge/);
  });

  for (const mode of ['length', 'chunked'] as const) {
    it(`a busy client uploading 20 MB (${mode === 'length' ? 'Content-Length' : 'chunked'}) reads the 413 before any reset, every time`, async () => {
      const seen: string[] = [];
      for (let i = 0; i < 4; i++) seen.push(await busyUpload(port, 20 * 1024 * 1024, mode, 400));
      assert.ok(
        seen.every((line) => line.startsWith('status 413')),
        `what the client saw: ${seen.join(' | ')}`,
      );
    });
  }

  it('runs no turn for any of them, and still answers a normal request afterwards', async () => {
    assert.equal(turns, 0);
    const res = await fetch(`http://127.0.0.1:${port}/api/messages/${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'typing',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
        conversation: { id: 'c' },
        from: { id: 'u' },
      }),
    });
    assert.equal(res.status, 200, await res.text());
    assert.equal(turns, 1);
  });
});
