/**
 * The group-name index against the Graph emulator: what a turn costs in Graph requests (counted at the
 * emulator), the cap, the background refresh of a stale snapshot, and the key-value copy another instance reads.
 * Also the resolver's nickname look-up ("Patty", "Izzy") in its one query.
 */
import { strict as assert } from 'node:assert';
import { GraphSession } from '../../../bot/directory/graph-session';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { GroupNameIndex } from '../../../bot/directory/group-name-index';
import { resolveNames } from '../../../bot/directory/resolve-names';
import { createLogger } from '../../../bot/log';
import { openStore, type Store } from '../../../bot/store';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';

describe('bot/directory/group-name-index against the emulator', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let session: GraphSession;
  let store: Store;
  let now: Date;
  before(async () => {
    session = new GraphSession(
      await emu.clientFor(DEMO_USERS.megan.upn),
      { baseUrl: emu.baseUrl },
      async () => undefined,
    );
    store = await openStore({ memory: true });
  });
  beforeEach(() => {
    now = new Date('2026-12-07T10:00:00Z');
  });
  after(async () => {
    await store.close();
    await closeGraphConnections();
  });

  const requests = async (): Promise<number> =>
    ((await emu.raw('GET', '/_emulator/stats')).json() as { requests: number }).requests;
  const reset = async (): Promise<void> => {
    assert.equal((await emu.raw('POST', '/_emulator/stats/reset')).status < 300, true);
  };

  it('costs one Graph request on the first turn and none while cached', async () => {
    const index = new GroupNameIndex({ now: () => now });
    await reset();
    const first = await index.forTurn('tenant-a', session);
    assert.equal(await requests(), 1, 'the first turn reads one page');
    const names = first.groups.map((g) => g.displayName);
    assert.ok(names.includes('Legal') && names.includes('Finance Readers'), names.join(', '));
    assert.equal(names.filter((n) => n === 'Project Falcon').length, 2, 'both groups called Project Falcon');
    assert.equal(first.truncated, false);
    await index.idle();
    await reset();
    for (let turn = 0; turn < 3; turn += 1) await index.forTurn('tenant-a', session);
    await index.idle();
    assert.equal(await requests(), 0, 'cached turns make no Graph request');
  });

  it('uses a stale snapshot as it is and refreshes it after the turn', async () => {
    const index = new GroupNameIndex({ now: () => now, maxAgeMs: 60_000 });
    const first = await index.forTurn('tenant-b', session);
    now = new Date(now.getTime() + 120_000);
    await reset();
    const stale = await index.forTurn('tenant-b', session);
    assert.equal(stale.builtAt, first.builtAt, 'the turn got the old snapshot');
    assert.equal(await requests(), 0, 'nothing read during the turn');
    await index.idle();
    assert.equal(await requests(), 1, 'one listing after the turn');
    const fresh = await index.forTurn('tenant-b', session);
    assert.equal(fresh.builtAt, now.toISOString());
  });

  it('keeps at most maxGroups names and says so', async () => {
    const lines: string[] = [];
    const index = new GroupNameIndex({ now: () => now, maxGroups: 5, log: createLogger('warn', (l) => lines.push(l)) });
    const first = await index.forTurn('tenant-c', session);
    assert.equal(first.groups.length, 5);
    assert.equal(first.truncated, true);
    const full = await index.refresh('tenant-c', session);
    assert.equal(full.groups.length, 5);
    assert.equal(full.truncated, true);
    assert.match(lines.join('\n'), /groupNames\.truncated.*"kept":5/);
  });

  it('shares the snapshot through the key-value store: another instance reads it with no Graph request', async () => {
    const one = new GroupNameIndex({ keyValue: store.keyValue, now: () => now });
    const built = await one.forTurn('tenant-d', session);
    await one.idle();
    const other = new GroupNameIndex({ keyValue: store.keyValue, now: () => now });
    await reset();
    const read = await other.forTurn('tenant-d', session);
    assert.equal(await requests(), 0);
    assert.deepEqual(read, built);
  });

  it('the resolver finds people by a nickname in its one query (Patty → Patti, Izzy → Isaiah)', async () => {
    await reset();
    const r = await resolveNames(session, { users: ['Patty', 'Izzy'] });
    assert.equal(await requests(), 1, 'one $batch');
    assert.deepEqual(
      r.users.map((u) => (u.status === 'resolved' ? u.item.displayName : u.status)),
      ['Patti Fernandez', 'Isaiah Langer'],
    );
  });
});
