/**
 * bot/log: one JSON object per line, secrets redacted by key name (not by any key containing "key"), tokens
 * masked inside strings, error stacks and control characters kept inside JSON strings (no forged lines).
 */
import { strict as assert } from 'node:assert';
import {
  createLogger,
  isSecretKey,
  logOf,
  processLogger,
  redact,
  routeConsoleToLog,
  routeProcessWarningsToLog,
  setProcessLogger,
  type Logger,
} from '../../bot/log';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZWdhbiJ9.c2lnbmF0dXJlLXZhbHVl';

describe('bot/log', () => {
  it('writes one JSON object per line with level, t and event, even for errors full of newlines', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    const forged = new Error('boom\n{"level":"info","event":"admin.granted"}\r\u001b[2J');
    log.error('turn.failed', { error: forged, note: 'line1\nline2\u0000' });
    assert.equal(lines.length, 1);
    assert.ok(!lines[0]?.includes('\n') && !lines[0]?.includes('\r') && !lines[0]?.includes('\u001b'), lines[0]);
    const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
    assert.deepEqual(Object.keys(entry).slice(0, 3), ['level', 't', 'event'], 'the event comes before its fields');
    assert.equal(entry['level'], 'error');
    assert.equal(entry['event'], 'turn.failed');
    assert.ok(!Number.isNaN(Date.parse(String(entry['t']))));
    assert.match(String((entry['error'] as { stack: string }).stack), /boom/);
  });

  it('redacts values by key name at any depth, and keeps keys that merely contain "key"', () => {
    const lines: string[] = [];
    createLogger('info', (l) => lines.push(l)).info('graph.call', {
      headers: { Authorization: `Bearer ${JWT}`, 'x-request-id': 'r1' },
      nested: {
        deeper: {
          access_token: 'secret-1',
          clientSecret: 'secret-2',
          password: 'secret-3',
          'Set-Cookie': 'c=secret-4',
        },
      },
      groupKey: 'marketing',
      keyboardLayout: 'de',
      monkey: 'george',
      turnKey: 't1',
      message: `failed with ${JWT} and Bearer abcdefghijklmnop`,
    });
    const text = lines[0] as string;
    for (const secret of ['secret-1', 'secret-2', 'secret-3', 'secret-4', JWT, 'abcdefghijklmnop'])
      assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    const entry = JSON.parse(text) as Record<string, unknown>;
    assert.equal(entry['groupKey'], 'marketing');
    assert.equal(entry['keyboardLayout'], 'de');
    assert.equal(entry['monkey'], 'george');
    assert.equal((entry['headers'] as Record<string, string>)['x-request-id'], 'r1');
    assert.equal(isSecretKey('Access-Token'), true);
    assert.equal(isSecretKey('primaryKey'), false);
  });

  it('does not let event data overwrite level, t or event', () => {
    const lines: string[] = [];
    createLogger('info', (l) => lines.push(l)).warn('real.event', { level: 'info', event: 'fake', t: 'then' });
    const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
    assert.equal(entry['level'], 'warn');
    assert.equal(entry['event'], 'real.event');
    assert.equal(entry['data.event'], 'fake');
  });

  it('drops events below the level', () => {
    const lines: string[] = [];
    const log = createLogger('warn', (l) => lines.push(l));
    log.info('quiet');
    log.debug('quieter');
    log.warn('loud');
    assert.deepEqual(
      lines.map((l) => (JSON.parse(l) as { event: string }).event),
      ['loud'],
    );
  });

  it('routes console output (botbuilder prints stack traces there) into JSON lines', () => {
    const lines: string[] = [];
    const restore = routeConsoleToLog(createLogger('info', (l) => lines.push(l)));
    try {
      console.error(new Error('bad\nthing'), { authorization: 'Bearer abcdefghijklmnopq' });
      console.warn('BadRequest: Missing activity');
    } finally {
      restore();
    }
    assert.equal(lines.length, 2);
    const first = JSON.parse(lines[0] as string) as { event: string; text: string };
    assert.equal(first.event, 'console.error');
    assert.ok(!first.text.includes('abcdefghijklmnopq'));
    assert.equal(typeof console.error, 'function');
  });

  it('redact() bounds depth and long strings', () => {
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 20; i++) deep = { d: deep };
    assert.match(JSON.stringify(redact(deep)), /\[…\]/);
    assert.ok(String(redact('x'.repeat(10_000))).length < 5000);
  });

  it('never logs secrets: authorization headers, tokens, passwords, client secrets, DATABASE_URL passwords', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    const databaseUrl = 'postgres://groupbot:pg-pass-1@db.example.internal:5432/groupbot';
    log.error('store.open.failed', {
      databaseUrl,
      DATABASE_URL: databaseUrl,
      error: new Error(`connect ECONNREFUSED for ${databaseUrl.replace('pg-pass-1', 'pg-pass-2')}`),
      where: `postgresql://admin:pg-pass-3@127.0.0.1/x?sslmode=require`,
      headers: { authorization: 'Basic dXNlcjpwYXNz', Authorization: 'Bearer opaque-token-4' },
      request: { body: 'grant_type=client_credentials&client_id=app&client_secret=secret-5&scope=x' },
      query: 'https://login.local/token?code=code-6&state=s',
      botPassword: 'secret-7',
      MicrosoftAppPassword: 'secret-8',
      tokenResponse: { access_token: 'at-9', refresh_token: 'rt-10', id_token: JWT },
    });
    const text = lines.join('\n');
    for (const secret of [
      'pg-pass-1',
      'pg-pass-2',
      'pg-pass-3',
      'dXNlcjpwYXNz',
      'opaque-token-4',
      'secret-5',
      'code-6',
      'secret-7',
      'secret-8',
      'at-9',
      'rt-10',
      JWT,
    ])
      assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    // What is not secret stays readable: the host of the database, the user name, the grant type.
    assert.match(text, /db\.example\.internal/);
    assert.match(text, /postgres:\/\/groupbot:\[redacted\]@/);
    assert.match(text, /grant_type=client_credentials/);
  });

  it('one process logger: the one the CLI configured from LOG_LEVEL, else warnings to stderr; contexts may carry their own', () => {
    const fallback = processLogger();
    assert.equal(processLogger(), fallback, 'the fallback is made once');
    const lines: string[] = [];
    const configured = createLogger('warn', (l) => lines.push(l));
    setProcessLogger(configured);
    try {
      assert.equal(processLogger(), configured);
      assert.equal(logOf(undefined), configured);
      assert.equal(logOf({}), configured);
      const own: Logger = createLogger('error', () => undefined);
      assert.equal(logOf({ log: own }), own);
      processLogger().info('quiet.event');
      processLogger().warn('loud.event', { password: 'p-1' });
      assert.equal(lines.length, 1, 'LOG_LEVEL filters the process logger too');
      assert.match(lines[0] as string, /loud\.event/);
      assert.ok(!(lines[0] as string).includes('p-1'));
    } finally {
      setProcessLogger(fallback);
    }
  });

  it("routes Node's process warnings through the process logger, leaving out the codes it is told to", async () => {
    const saved = process.listeners('warning');
    const lines: string[] = [];
    const before = processLogger();
    setProcessLogger(createLogger('warn', (l) => lines.push(l)));
    try {
      routeProcessWarningsToLog(['DEP0111']);
      process.emitWarning('old API with Bearer abcdefghijklmnopq', { code: 'DEP9999', type: 'DeprecationWarning' });
      process.emitWarning('ignored one', { code: 'DEP0111', type: 'DeprecationWarning' });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(lines.length, 1, lines.join('\n'));
      const entry = JSON.parse(lines[0] as string) as Record<string, string>;
      assert.equal(entry['event'], 'process.warning');
      assert.equal(entry['code'], 'DEP9999');
      assert.ok(!(lines[0] as string).includes('abcdefghijklmnopq'));
    } finally {
      process.removeAllListeners('warning');
      for (const listener of saved) process.on('warning', listener);
      setProcessLogger(before);
    }
  });
});
