import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SentLog } from '../../../local-cloud/teams/sent-log';

describe('local-cloud SentLog', () => {
  it('keeps each message as it stands after updates and deletes', () => {
    const log = new SentLog();
    log.record({ kind: 'send', conversationId: 'c', activityId: '1', activity: { text: 'a' } });
    log.record({ kind: 'update', conversationId: 'c', activityId: '1', activity: { text: 'b' } });
    assert.equal(log.activity('c', '1')?.text, 'b');
    log.record({ kind: 'delete', conversationId: 'c', activityId: '1' });
    assert.equal(log.activity('c', '1'), undefined);
    assert.deepEqual(
      log.list('c').map((e) => [e.seq, e.kind]),
      [
        [1, 'send'],
        [2, 'update'],
        [3, 'delete'],
      ],
    );
  });

  it('next() returns each entry once per conversation, in order, including ones recorded before the call', async () => {
    const log = new SentLog();
    log.record({ kind: 'send', conversationId: 'c', activityId: '1', activity: { text: 'one' } });
    log.record({ kind: 'send', conversationId: 'other', activityId: '2', activity: { text: 'elsewhere' } });
    log.record({ kind: 'send', conversationId: 'c', activityId: '3', activity: { text: 'two' } });
    assert.equal((await log.next('c')).activity?.text, 'one');
    assert.equal((await log.next('c')).activity?.text, 'two');
    assert.equal((await log.next('other')).activity?.text, 'elsewhere');
  });

  it('next() waits for a matching entry recorded later and skips the ones that do not match', async () => {
    const log = new SentLog();
    const waiting = log.next('c', { match: (s) => s.activity?.text === 'wanted', timeoutMs: 5000 });
    log.record({ kind: 'send', conversationId: 'c', activityId: '1', activity: { text: 'noise' } });
    log.record({ kind: 'send', conversationId: 'c', activityId: '2', activity: { text: 'wanted' } });
    assert.equal((await waiting).activityId, '2');
  });

  it('next() rejects after the timeout, saying what the bot sent instead', async () => {
    const log = new SentLog();
    log.record({ kind: 'send', conversationId: 'c', activityId: '1', activity: { type: 'message', text: 'hello' } });
    await assert.rejects(log.next('c', { match: () => false, timeoutMs: 20 }), /nothing matching.*"hello"/);
  });

  it('with a file, messages as they stand survive a restart (the entries do not)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sent-log-'));
    try {
      const file = path.join(dir, 'messages.jsonl');
      const a = new SentLog(file);
      a.record({ kind: 'send', conversationId: 'c', activityId: '1', activity: { text: 'card' } });
      a.record({ kind: 'send', conversationId: 'c', activityId: '2', activity: { text: 'gone soon' } });
      a.replace('c', '1', { text: 'card, answered' });
      a.record({ kind: 'delete', conversationId: 'c', activityId: '2' });
      fs.appendFileSync(file, '{"c":"c","id":"3","a":{"te');
      const b = new SentLog(file);
      assert.equal(b.activity('c', '1')?.text, 'card, answered');
      assert.equal(b.has('c', '2'), false);
      assert.equal(b.has('c', '3'), false, 'a torn last line is ignored');
      assert.deepEqual(b.list(), []);
      b.record({ kind: 'send', conversationId: 'c', activityId: '4', activity: { text: 'after the restart' } });
      assert.equal(new SentLog(file).activity('c', '4')?.text, 'after the restart', 'appends after the cut line');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
