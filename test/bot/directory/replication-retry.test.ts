/** The replication-delay retry policy (pure): which failures wait, how long, and what the user is told. */
import { strict as assert } from 'node:assert';
import {
  isReplicationTransient,
  REPLICATION_MESSAGE,
  REPLICATION_RETRY,
  replicationDelays,
  replicationGaveUpSentence,
  replicationWaitSentence,
} from '../../../bot/directory/replication-retry';

describe('bot/directory replication-retry', () => {
  it('backs off 4, 8, 16 then 30 s, six retries within the two-minute bound', () => {
    const delays = replicationDelays();
    assert.deepEqual(delays, [4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    const sum = delays.reduce((a, b) => a + b, 0);
    assert.ok(sum <= REPLICATION_RETRY.budgetMs && sum + 30_000 > REPLICATION_RETRY.budgetMs, `${sum} ms`);
  });

  it('never exceeds the budget, and gives no retries when the first wait alone is over it', () => {
    assert.deepEqual(
      replicationDelays({ firstDelayMs: 1_000, factor: 3, maxDelayMs: 5_000, budgetMs: 12_000 }),
      [1_000, 3_000, 5_000],
    );
    assert.deepEqual(replicationDelays({ firstDelayMs: 10_000, factor: 2, maxDelayMs: 30_000, budgetMs: 5_000 }), []);
    assert.deepEqual(replicationDelays({ firstDelayMs: 0, factor: 2, maxDelayMs: 30_000, budgetMs: 5_000 }), []);
  });

  it('treats E16 as transient always, and 404 only on a group created moments ago', () => {
    const e16 = { status: 400, code: 'Request_BadRequest', message: REPLICATION_MESSAGE };
    assert.equal(isReplicationTransient(e16, false), true);
    assert.equal(isReplicationTransient({ status: 400, message: REPLICATION_MESSAGE.slice(0, -1) }, false), true);
    assert.equal(isReplicationTransient({ status: 404, message: "Resource 'x' does not exist." }, true), true);
    assert.equal(isReplicationTransient({ status: 404, message: "Resource 'x' does not exist." }, false), false);
    const e1 = "One or more added object references already exist for the following modified properties: 'members'.";
    assert.equal(isReplicationTransient({ status: 400, message: e1 }, true), false);
    assert.equal(isReplicationTransient({ status: 403, message: REPLICATION_MESSAGE }, true), false);
    assert.equal(isReplicationTransient({ status: 400, message: null }, true), false);
  });

  it('tells the user what is happening and, at the end, that nothing was done', () => {
    assert.equal(
      replicationWaitSentence('Finance Readers', 2, 6),
      'Entra is still setting up Finance Readers; trying again (2 of 6)…',
    );
    assert.match(
      replicationGaveUpSentence("'Finance Readers'", 118_000),
      /^Entra was still setting up 'Finance Readers' after about 2 minutes of retries, so this was not done\. Try again in a few minutes/,
    );
    assert.match(replicationGaveUpSentence('X', 5_000), /after about a minute of retries/);
  });
});
