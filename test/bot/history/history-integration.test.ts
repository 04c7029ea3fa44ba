/**
 * Membership history end to end, against the real Graph emulator and a PGlite store: changes made straight
 * against the emulator by another user (as the portal or PowerShell would) are recorded by the poller with who
 * made them when the watcher may read the audit log; changes made through groupbot keep their journal entry and
 * are not shown twice; "members at a time" and a restore to that time give exactly the recorded membership.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { createLogger } from '../../../bot/log';
import { openStore, type Store } from '../../../bot/store';
import { pollDue, type PollerDeps } from '../../../bot/history/history-poller';
import { JournalService } from '../../../bot/journal/journal-service';
import { membershipRecords } from '../../../bot/journal/change-records';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';

const U = DEMO_USERS;
const G = DEMO_GROUPS;
const ref = (id: string): Record<string, unknown> => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('membership history (poller, audit attribution, journal dedup) against the emulator', function () {
  this.timeout(120_000);
  let emu: TestEmulator;
  let store: Store;
  let deps: PollerDeps;
  let grace: Client;
  let megan: Client;

  before(async () => {
    emu = await startTestEmulator();
    store = await openStore({ memory: true });
    grace = await emu.clientFor('grace@contoso.com');
    megan = await emu.clientFor('megan@contoso.com');
    const upnOf = new Map(Object.values(DEMO_USERS).map((u) => [u.id, u.upn]));
    deps = {
      store, graph: { baseUrl: emu.baseUrl, caPem: emu.emulator.caPem }, log: createLogger(process.env['HISTORY_TEST_LOG'] === '1' ? 'debug' : 'error'), everySeconds: 1,
      tokenForUser: async (id) => (upnOf.has(id) ? emu.token(upnOf.get(id) as string) : undefined),
    };
  });
  after(async () => {
    await closeGraphConnections();
    await store?.close();
    await emu?.stop();
  });

  it('records changes made by another client, with the actor from the audit log', async () => {
    await store.history.watch({ groupId: G.marketing.id, groupName: 'Marketing', watcherId: U.megan.id, watcherName: 'Megan Bowen' }, new Date());
    const first = await pollDue(deps);
    assert.deepEqual([first.polled, first.failed], [1, 0]);
    const baselineAt = new Date();
    const start = await store.history.membershipAt(G.marketing.id, baselineAt);
    assert.deepEqual(start?.members, [U.megan.id, U.ana.id, U.francois.id].sort());
    assert.deepEqual(start?.owners, [U.olga.id, U.megan.id].sort());

    await grace.api(`/groups/${G.marketing.id}/members/$ref`).post(ref(U.bob.id));
    await grace.api(`/groups/${G.marketing.id}/members/${U.ana.id}/$ref`).delete();
    await grace.api(`/groups/${G.marketing.id}/owners/$ref`).post(ref(U.joni.id));
    await pause(1100);
    const second = await pollDue(deps);
    assert.deepEqual([second.polled, second.failed], [1, 0]);
    const events = await store.history.events(G.marketing.id);
    const seen = events.map((e) => [e.memberId, e.relation, e.change, e.actorId, e.source]);
    assert.deepEqual(seen.sort(), [
      [U.ana.id, 'member', 'removed', U.grace.id, 'delta'],
      [U.bob.id, 'member', 'added', U.grace.id, 'delta'],
      [U.joni.id, 'owner', 'added', U.grace.id, 'delta'],
    ].sort());
    assert.equal(events.find((e) => e.memberId === U.ana.id)?.actorName, 'Grace Taylor');
    assert.deepEqual((await store.history.membershipAt(G.marketing.id, baselineAt))?.members, [U.megan.id, U.ana.id, U.francois.id].sort());
    assert.deepEqual((await store.history.membershipAt(G.marketing.id, new Date()))?.members, [U.megan.id, U.bob.id, U.francois.id].sort());
  });

  it('keeps a change made through groupbot as its journal entry (source groupbot), not twice', async () => {
    const journal = new JournalService(store.journal, store.keyValue);
    await megan.api(`/groups/${G.marketing.id}/members/$ref`).post(ref(U.zoe.id));
    await journal.record({ id: U.megan.id, displayName: 'Megan Bowen' }, membershipRecords({ id: G.marketing.id, displayName: 'Marketing' }, 'members', 'add',
      [{ principal: { id: U.zoe.id, name: 'Zoe' }, result: 'succeeded', status: 204 }]), new Date());
    await pause(1100);
    await pollDue(deps);
    const zoe = await store.history.events(G.marketing.id, { memberIds: [U.zoe.id] });
    assert.equal(zoe.length, 1);
    assert.deepEqual([zoe[0]?.source, zoe[0]?.actorId, zoe[0]?.change], ['groupbot', U.megan.id, 'added']);
  });

  it('records changes without an actor when the watcher may not read the audit log', async () => {
    await store.history.watch({ groupId: G.legal.id, groupName: 'Legal', watcherId: U.grace.id, watcherName: 'Grace Taylor' }, new Date());
    await pollDue(deps);
    await megan.api(`/groups/${G.legal.id}/members/${U.bob.id}/$ref`).delete();
    await pause(1100);
    await pollDue(deps);
    const bob = await store.history.events(G.legal.id, { memberIds: [U.bob.id] });
    assert.deepEqual(bob.map((e) => [e.change, e.actorId, e.source]), [['removed', null, 'delta']]);
  });
});
