/** The groups a user just created, in the real store: remembered per user, newest first, forgotten after 30 min. */
import { strict as assert } from 'node:assert';
import { KeyValueRecentGroups, RECENT_GROUP_MS, recentGroupNamed } from '../../../bot/commands/recent-groups';
import { openStore, type Store } from '../../../bot/store';
import type { DirectoryGroup } from '../../../bot/directory/types';

const T0 = new Date('2026-12-07T10:00:00Z');
const group = (id: string, displayName: string, mailNickname: string): DirectoryGroup => ({
  id,
  displayName,
  mailNickname,
  mail: null,
  mailEnabled: false,
  securityEnabled: true,
  groupTypes: [],
});

describe('bot/commands recent-groups (store)', function () {
  this.timeout(60_000);
  let store: Store;
  before(async () => {
    store = await openStore({ memory: true });
  });
  after(async () => {
    await store.close();
  });

  it('remembers each user’s new groups, newest first, until they expire or are deleted', async () => {
    const recent = new KeyValueRecentGroups(store.keyValue);
    const a = group('11111111-1111-4111-8111-111111111111', 'Finance Readers', 'FinanceReaders');
    const b = group('22222222-2222-4222-8222-222222222222', 'Finance Readers', 'FinanceReaders2');
    await recent.remember('USER-1', a, T0);
    await recent.remember('user-1', b, new Date(T0.getTime() + 1000));
    await recent.remember('user-2', group('33333333-3333-4333-8333-333333333333', 'Other', 'Other'), T0);
    const listed = await recent.list('user-1', new Date(T0.getTime() + 2000));
    assert.deepEqual(
      listed.map((g) => g.id),
      [b.id, a.id],
    );
    assert.equal(recentGroupNamed('finance readers', listed)?.id, b.id, 'the newest wins a name clash');
    assert.equal(recentGroupNamed("'FinanceReaders'", listed)?.id, a.id, 'by mail nickname, quotes ignored');
    assert.equal(recentGroupNamed('Finance', listed), undefined, 'whole names only');
    assert.deepEqual(await recent.list('user-1', new Date(T0.getTime() + RECENT_GROUP_MS + 1000)), []);
    await recent.forget('User-1', b.id.toUpperCase());
    assert.deepEqual(
      (await recent.list('user-1', new Date(T0.getTime() + 2000))).map((g) => g.id),
      [a.id],
      'a deleted group is forgotten',
    );
  });
});
