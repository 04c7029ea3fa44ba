/** Background failure counts in the real store's key/value table (PGlite in memory). */
import { strict as assert } from 'node:assert';
import { openStore, type Store } from '../../../bot/store';
import { BackgroundFailures, type BackgroundItem } from '../../../bot/shared/background-failures';

const ITEM: BackgroundItem = {
  kind: 'removal',
  itemId: 'M1',
  groupId: 'g1',
  groupName: 'Marketing',
  what: 'remove Ana',
};

describe('bot/shared/background-failures', function () {
  this.timeout(60_000);
  let store: Store;
  let now: Date;
  let failures: BackgroundFailures;
  beforeEach(async () => {
    store = await openStore({ memory: true });
    now = new Date('2026-12-07T10:00:00Z');
    failures = new BackgroundFailures(store.keyValue, { maxFailures: 3, clock: () => now });
  });
  afterEach(async () => {
    await store.close();
  });

  it('counts failures and gives up exactly once at the bound', async () => {
    const seen: boolean[] = [];
    for (let n = 0; n < 4; n++) seen.push((await failures.record(ITEM, `error ${n}`)).gaveUpNow);
    assert.deepEqual(seen, [false, false, true, false]);
    const f = await failures.get('removal', 'm1');
    assert.equal(f?.failures, 4);
    assert.equal(f?.lastError, 'error 3');
    assert.deepEqual(
      (await failures.givenUp()).map((g) => g.itemId),
      ['M1'],
    );
  });

  it('pauses a given-up item for a day, then lets one try through', async () => {
    for (let n = 0; n < 3; n++) await failures.record(ITEM, 'no token');
    assert.ok(await failures.paused('removal', 'M1'));
    now = new Date(now.getTime() + 25 * 3_600_000);
    assert.equal(await failures.paused('removal', 'M1'), undefined);
  });

  it('remembers who was told, and a success clears everything', async () => {
    for (let n = 0; n < 3; n++) await failures.record(ITEM, 'no token');
    await failures.markTold('removal', 'M1', ['OLGA', 'megan']);
    await failures.record(ITEM, 'no token');
    assert.deepEqual((await failures.get('removal', 'M1'))?.told, ['olga', 'megan']);
    assert.equal(await failures.clear('removal', 'M1'), true);
    assert.equal(await failures.get('removal', 'M1'), undefined);
    assert.deepEqual(await failures.givenUp(), []);
  });

  it('refuses a bound below one', () => {
    assert.throws(() => new BackgroundFailures(store.keyValue, { maxFailures: 0 }), RangeError);
  });
});
