import { strict as assert } from 'node:assert';
import { forEachConcurrently } from '../../../bot/shared/concurrent-each';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('bot/shared/concurrent-each', () => {
  it('runs every item once, never more than the limit at once, starting them in order', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await forEachConcurrently([5, 1, 3, 1, 2, 4], 3, async (ms, i) => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await sleep(ms * 5);
      running--;
    });
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5]);
    assert.equal(most, 3);
  });

  it('runs one at a time for a limit below one, and nothing for no items', async () => {
    let running = 0;
    let most = 0;
    await forEachConcurrently([1, 2, 3], 0, async () => {
      running++;
      most = Math.max(most, running);
      await sleep(2);
      running--;
    });
    assert.equal(most, 1);
    let calls = 0;
    await forEachConcurrently([], 4, async () => {
      calls++;
    });
    assert.equal(calls, 0);
  });

  it('rejects with the error a call throws', async () => {
    await assert.rejects(
      forEachConcurrently([1, 2], 2, async (n) => {
        if (n === 2) throw new Error('boom');
      }),
      /boom/,
    );
  });
});
