import { strict as assert } from 'node:assert';
import { openStore, type Store } from '../../../bot/store';
import { JournalService } from '../../../bot/journal';
import type { JournalChange } from '../../../bot/journal';

const G = '9fad3235-e6d7-4bc9-93fb-058d0748357d';
const actor = {
  id: '6486e8ef-6e2d-4af9-bcd8-9ae6325d137c',
  displayName: 'Megan Bowen',
  userPrincipalName: 'megan@contoso.com',
};

function change(over: Partial<JournalChange> = {}): JournalChange {
  return {
    action: 'group.rename',
    group: { id: G, name: 'Marketing' },
    before: { displayName: 'Old' },
    after: { displayName: 'Marketing' },
    result: 'succeeded',
    status: 204,
    undo: { kind: 'updateGroup', groupId: G, set: { displayName: 'Old' } },
    ...over,
  };
}

describe('bot/journal/journal-service (in-memory store)', function () {
  this.timeout(60_000);
  let store: Store;
  before(async () => {
    store = await openStore({ memory: true });
  });
  after(async () => {
    await store.close();
  });

  it('records the actor, whose token, the call and a 24 h undo window; one change gets its entry id as undo key', async () => {
    const journal = new JournalService(store.journal, store.keyValue);
    const at = new Date('2026-03-14T14:02:00Z');
    const r = await journal.record(actor, [change()], at);
    const e = r.entries[0];
    assert.ok(e);
    assert.deepEqual(e.actor, { id: actor.id, name: 'Megan Bowen' });
    assert.equal(e.tokenOfId, actor.id);
    assert.equal(e.undoUntil?.toISOString(), '2026-03-15T14:02:00.000Z');
    assert.deepEqual(r.undo, { key: e.id, until: e.undoUntil });
    assert.deepEqual(
      (await journal.undoTargets(e.id, at)).map((x) => x.id),
      [e.id],
    );
  });

  it('several undoable changes share one change key that expires with the window', async () => {
    const journal = new JournalService(store.journal, store.keyValue);
    const at = new Date();
    const r = await journal.record(actor, [change(), change(), change({ result: 'failed', status: 403 })], at);
    assert.equal(r.entries.length, 3);
    assert.equal(r.entries[2]?.undo, null, 'a failed change has no undo');
    const key = r.undo?.key ?? '';
    assert.ok(key.startsWith('chg-'));
    assert.equal((await journal.undoTargets(key, at)).length, 2);
    assert.deepEqual(await journal.undoTargets(key, new Date(at.getTime() + 25 * 3_600_000)), []);
    assert.deepEqual(await journal.undoTargets('chg-unknown', at), []);
  });

  it('"undo that" undoes the whole latest change (every entry its Undo button stands for), or one entry alone', async () => {
    const journal = new JournalService(store.journal, store.keyValue);
    const someone = { ...actor, id: 'b2f1b0a4-6f0e-4f43-9d0c-2b8f5d0c1a77' };
    const at = new Date();
    assert.equal(await journal.latestUndoKey(someone.id, at), undefined);
    const many = await journal.record(someone, [change(), change()], at);
    assert.equal(await journal.latestUndoKey(someone.id, at), many.undo?.key);
    const later = new Date(at.getTime() + 1000);
    const one = await journal.record(someone, [change()], later);
    assert.equal(await journal.latestUndoKey(someone.id, later), one.entries[0]?.id);
  });

  it('refuses a change that carries something like a token, reports it and does not throw', async () => {
    const errors: unknown[] = [];
    const journal = new JournalService(store.journal, store.keyValue, { onError: (err) => errors.push(err) });
    const r = await journal.record(
      actor,
      [change({ detail: 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig' })],
      new Date(),
    );
    assert.deepEqual(r.entries, []);
    assert.equal(r.undo, undefined);
    assert.equal(errors.length, 1);
    assert.match(String((errors[0] as Error).name), /JournalSecretError/);
  });

  it('pages history newest first with a beforeSeq cursor', async () => {
    const journal = new JournalService(store.journal, store.keyValue);
    const other = '61959770-1ba5-43d0-baba-d823363cbcf9';
    for (let i = 0; i < 5; i++)
      await journal.record(actor, [change({ group: { id: other, name: 'Sales' }, detail: `n${i}` })], new Date());
    const p1 = await journal.history(other, { limit: 3 });
    assert.deepEqual(
      p1.entries.map((e) => e.detail),
      ['n4', 'n3', 'n2'],
    );
    assert.ok(p1.nextBeforeSeq !== undefined);
    const p2 = await journal.history(other, { limit: 3, beforeSeq: p1.nextBeforeSeq });
    assert.deepEqual(
      p2.entries.map((e) => e.detail),
      ['n1', 'n0'],
    );
    assert.equal(p2.nextBeforeSeq, undefined);
  });
});
