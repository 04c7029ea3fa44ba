import { strict as assert } from 'node:assert';
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
});
