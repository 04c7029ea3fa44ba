import { strict as assert } from 'node:assert';
import { repeatEvery } from '../../../bot/shared/repeat-every';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('bot/shared/repeat-every', () => {
  it('runs passes on the timer, never two at once, and stop waits for the running pass', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    let finished = 0;
    const stop = repeatEvery(0.02, async () => {
      running++;
      passes++;
      most = Math.max(most, running);
      await sleep(70);
      running--;
      finished++;
    });
    await sleep(200);
    await stop();
    assert.ok(passes >= 2, `passes: ${passes}`);
    assert.equal(most, 1, 'overlapping ticks are skipped');
    assert.equal(finished, passes, 'stop resolved after the running pass');
    const after = passes;
    await sleep(60);
    assert.equal(passes, after, 'no pass after stop');
  });

  it('starts nothing for 0 seconds', async () => {
    let passes = 0;
    const stop = repeatEvery(0, async () => {
      passes++;
    });
    await sleep(30);
    await stop();
    assert.equal(passes, 0);
  });
});
