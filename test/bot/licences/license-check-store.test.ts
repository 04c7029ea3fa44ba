/**
 * The licence checks in the key-value store: due only at their time, claimed by exactly one of concurrent
 * claimers, held for the lease and taken over after it (an instance that crashed mid-check loses nothing), put back
 * with one attempt more, gone once finished.
 */
import { strict as assert } from 'node:assert';
import { openStore, type Store } from '../../../bot/store';
import { LicenceCheckStore, type LicenceCheckRequest } from '../../../bot/licences/license-check-store';

const REQUEST: LicenceCheckRequest = {
  groupId: 'g1',
  groupName: 'Marketing',
  skuId: 'sku',
  skuName: 'Microsoft 365 E3',
  askerId: 'u1',
  askerName: 'Megan Bowen',
  conversationId: 'c1',
};
const T0 = new Date('2026-12-07T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('bot/licences license-check store', function () {
  this.timeout(60_000);
  let store: Store;
  let checks: LicenceCheckStore;

  before(async () => {
    store = await openStore({ memory: true });
    checks = new LicenceCheckStore(store.keyValue, { delaySeconds: 60, leaseSeconds: 30 });
  });
  after(async () => {
    await store.close();
  });

  it('is due at its time, claimed once, taken over after the lease, retried, then finished', async () => {
    const c = await checks.schedule(REQUEST, T0);
    assert.equal(c.dueAt, at(60).toISOString());
    assert.deepEqual(await checks.due(at(59)), []);
    assert.deepEqual(
      (await checks.due(at(60))).map((x) => x.id),
      [c.id],
    );

    const claims = await Promise.all([checks.claim(c.id, at(61)), checks.claim(c.id, at(61))]);
    assert.equal(claims.filter(Boolean).length, 1, 'one of two concurrent claimers');
    assert.deepEqual(await checks.due(at(80)), [], 'held during the lease');
    assert.equal(await checks.claim(c.id, at(80)), undefined);

    // The holder "crashed": after the lease another instance takes it over; the old holder's write then fails.
    const stale = claims.find(Boolean);
    assert.ok(stale);
    const taken = await checks.claim(c.id, at(92));
    assert.ok(taken, 'taken over once the lease ran out');
    assert.equal(await checks.retryLater(stale, at(93), 10), false, "the crashed holder's write is refused");

    assert.equal(await checks.retryLater(taken, at(93), 10), true);
    const [again] = await checks.all(at(93));
    assert.equal(again?.attempts, 1);
    assert.equal(again?.dueAt, at(103).toISOString());
    assert.equal(again?.claimedUntil, undefined, 'released');

    const last = await checks.claim(c.id, at(103));
    assert.ok(last);
    await checks.finish(last);
    assert.deepEqual(await checks.all(at(104)), []);
  });

  it('expires whatever happens after its keep time', async () => {
    const keep = new LicenceCheckStore(store.keyValue, { delaySeconds: 1, keepDays: 1 });
    await keep.schedule(REQUEST, T0);
    assert.equal((await keep.all(at(3600))).length, 1);
    assert.deepEqual(await keep.all(at(86_401)), []);
  });
});
