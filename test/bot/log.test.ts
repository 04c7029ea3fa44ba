/**
 * bot/log: one JSON object per line, secrets redacted by key name (not by any key containing "key"), tokens
 * masked inside strings, error stacks and control characters kept inside JSON strings (no forged lines).
 */
import { strict as assert } from 'node:assert';
import { createLogger, isSecretKey, redact, routeConsoleToLog } from '../../bot/log';

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
});
