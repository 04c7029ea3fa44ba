import { strict as assert } from 'node:assert';
import { startPacer } from '../../../bot/commands/progress-pacer';

describe('bot/commands/progress-pacer', () => {
  it('sends at most one update per gap, repeats the latest while nothing moves, and always the final state', async () => {
    let t = 0;
    let tick: (() => void) | undefined;
    const sent: string[] = [];
    const pacer = startPacer(
      async (d, n) => {
        sent.push(`${d}/${n}`);
      },
      (err) => {
        throw err;
      },
      {
        minGapMs: 500,
        heartbeatMs: 1500,
        now: () => t,
        setInterval: (fn) => {
          tick = fn;
          return 1;
        },
        clearInterval: () => {
          tick = undefined;
        },
      },
    );
    await pacer.report(20, 100);
    t = 100;
    await pacer.report(40, 100); // too soon: held back
    t = 700;
    await pacer.report(60, 100);
    t = 2300;
    tick?.(); // nothing new for 1.6 s: the latest state again
    await new Promise((r) => setImmediate(r));
    await pacer.finish(100, 100);
    assert.deepEqual(sent, ['20/100', '60/100', '60/100', '100/100']);
    assert.equal(tick, undefined, 'the heartbeat stops');
  });
});
