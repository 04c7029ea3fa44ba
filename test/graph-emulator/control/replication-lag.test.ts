/** The emulator's replication-lag knob on its own clock: which groups lag, for how long, and its limits. */
import { strict as assert } from 'node:assert';
import { ReplicationLag } from '../../../graph-emulator/control/replication-lag';

describe('graph-emulator replication lag', () => {
  it('hides a group created within the lag from lists, and only that one, until the lag has passed', () => {
    let now = 1_000_000;
    const lag = new ReplicationLag(10, () => now);
    lag.noteCreated('AAAA');
    assert.equal(lag.lagging('aaaa'), true, 'ids compare without case');
    assert.equal(lag.lagging('bbbb'), false);
    assert.deepEqual(
      [...lag.replicated([{ id: 'aaaa' }, { id: 'bbbb' }])].map((o) => o.id),
      ['bbbb'],
    );
    assert.deepEqual(lag.describe(), { seconds: 10, lagging: 1 });
    now += 9_999;
    assert.equal(lag.lagging('aaaa'), true);
    now += 1;
    assert.equal(lag.lagging('aaaa'), false);
    assert.deepEqual(lag.describe(), { seconds: 10, lagging: 0 });
  });

  it('is off by default and notes nothing then; set(0) ends every lag at once', () => {
    const off = new ReplicationLag();
    off.noteCreated('aaaa');
    assert.equal(off.lagging('aaaa'), false);
    const lag = new ReplicationLag(60);
    lag.noteCreated('cccc');
    assert.equal(lag.lagging('cccc'), true);
    lag.set(0);
    assert.equal(lag.lagging('cccc'), false);
  });

  it('refuses a lag that is not 0 to 3600 seconds', () => {
    const lag = new ReplicationLag();
    for (const bad of [-1, 3601, Number.NaN, '5', undefined])
      assert.throws(() => lag.set(bad), /'seconds' must be a number from 0 to 3600/);
    assert.throws(() => new ReplicationLag(-2), /from 0 to 3600/);
    assert.equal(lag.set(2.5), 2.5);
  });
});
