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
import { openTestServices } from '../../support/bot-services';
import { openStore, type Store } from '../../../bot/store';
import { pollDue, type PollerDeps } from '../../../bot/history/history-poller';
import { JournalService } from '../../../bot/journal/journal-service';
import { membershipRecords } from '../../../bot/journal/change-records';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { relationIds } from '../../../bot/directory/group-history-read';
import { MemoryPendingStore } from '../../../bot/commands/pending-memory';
import type { CommandContext } from '../../../bot/commands/context';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import { HistoryService } from '../../../bot/history/history-service';
import { parseIntent } from '../../../bot/language';
import { allText, buttonData } from '../commands/command-harness';

const U = DEMO_USERS;
const G = DEMO_GROUPS;
const ref = (id: string): Record<string, unknown> => ({
  '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}`,
});
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
      store,
      graph: { baseUrl: emu.baseUrl, caPem: emu.emulator.caPem },
      log: createLogger(process.env['HISTORY_TEST_LOG'] === '1' ? 'debug' : 'error'),
      everySeconds: 1,
      tokenForUser: async (id) => (upnOf.has(id) ? emu.token(upnOf.get(id) as string) : undefined),
    };
  });
  after(async () => {
    await closeGraphConnections();
    await store?.close();
    await emu?.stop();
  });

  it('records changes made by another client, with the actor from the audit log', async () => {
    await store.history.watch(
      { groupId: G.marketing.id, groupName: 'Marketing', watcherId: U.megan.id, watcherName: 'Megan Bowen' },
      new Date(),
    );
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
    assert.deepEqual(
      seen.sort(),
      [
        [U.ana.id, 'member', 'removed', U.grace.id, 'delta'],
        [U.bob.id, 'member', 'added', U.grace.id, 'delta'],
        [U.joni.id, 'owner', 'added', U.grace.id, 'delta'],
      ].sort(),
    );
    assert.equal(events.find((e) => e.memberId === U.ana.id)?.actorName, 'Grace Taylor');
    assert.deepEqual(
      (await store.history.membershipAt(G.marketing.id, baselineAt))?.members,
      [U.megan.id, U.ana.id, U.francois.id].sort(),
    );
    assert.deepEqual(
      (await store.history.membershipAt(G.marketing.id, new Date()))?.members,
      [U.megan.id, U.bob.id, U.francois.id].sort(),
    );
  });

  it('keeps a change made through groupbot as its journal entry (source groupbot), not twice', async () => {
    const journal = new JournalService(store.journal, store.keyValue);
    await megan.api(`/groups/${G.marketing.id}/members/$ref`).post(ref(U.zoe.id));
    await journal.record(
      { id: U.megan.id, displayName: 'Megan Bowen' },
      membershipRecords({ id: G.marketing.id, displayName: 'Marketing' }, 'members', 'add', [
        { principal: { id: U.zoe.id, name: 'Zoe' }, result: 'succeeded', status: 204 },
      ]),
      new Date(),
    );
    await pause(1100);
    await pollDue(deps);
    const zoe = await store.history.events(G.marketing.id, { memberIds: [U.zoe.id] });
    assert.equal(zoe.length, 1);
    assert.deepEqual([zoe[0]?.source, zoe[0]?.actorId, zoe[0]?.change], ['groupbot', U.megan.id, 'added']);
  });

  it('records changes without an actor when the watcher may not read the audit log', async () => {
    await store.history.watch(
      { groupId: G.legal.id, groupName: 'Legal', watcherId: U.grace.id, watcherName: 'Grace Taylor' },
      new Date(),
    );
    await pollDue(deps);
    await megan.api(`/groups/${G.legal.id}/members/${U.bob.id}/$ref`).delete();
    await pause(1100);
    await pollDue(deps);
    const bob = await store.history.events(G.legal.id, { memberIds: [U.bob.id] });
    assert.deepEqual(
      bob.map((e) => [e.change, e.actorId, e.source]),
      [['removed', null, 'delta']],
    );
  });

  it('runs at most one round per group per interval, however often it is asked', async () => {
    const again = await Promise.all([pollDue({ ...deps, everySeconds: 300 }), pollDue({ ...deps, everySeconds: 300 })]);
    assert.deepEqual(
      again.map((r) => r.polled),
      [0, 0],
    );
  });
});

describe('restoring members to a past time against the emulator', function () {
  this.timeout(120_000);
  let emu: TestEmulator;
  let store: Store;
  let megan: CommandContext;
  let deps: PollerDeps;
  let grace: Client;

  before(async () => {
    emu = await startTestEmulator();
    store = await openStore({ memory: true });
    grace = await emu.clientFor('grace@contoso.com');
    const token = await emu.token('megan@contoso.com');
    const log = createLogger('error');
    const upnOf = new Map(Object.values(DEMO_USERS).map((u) => [u.id, u.upn]));
    deps = {
      store,
      graph: { baseUrl: emu.baseUrl, caPem: emu.emulator.caPem },
      log,
      everySeconds: 1,
      tokenForUser: async (id) => (upnOf.has(id) ? emu.token(upnOf.get(id) as string) : undefined),
    };
    const services = await openTestServices({ graph: deps.graph, log, store });
    megan = services.context(
      { id: U.megan.id, displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.com' },
      new GraphSession(
        createGraphClient({ baseUrl: emu.baseUrl, caPem: emu.emulator.caPem }, async () => token),
        { baseUrl: emu.baseUrl },
        async () => undefined,
      ),
      {
        pending: new MemoryPendingStore(),
        journal: new JournalService(store.journal, store.keyValue),
        history: new HistoryService(store, log, 1),
      },
    );
  });
  after(async () => {
    await closeGraphConnections();
    await store?.close();
    await emu?.stop();
  });

  it('restores exactly the recorded membership, asks which group first when the name is ambiguous, with one Undo', async () => {
    const watched = await runIntent(parseIntent('watch Marketing'), megan);
    assert.match(allText(watched), /now watching 'Marketing'/);
    await pause(50);
    const before = await relationIds(megan.graph, G.marketing.id, 'members');
    // Other clients change the group; then groupbot changes it too.
    await grace.api(`/groups/${G.marketing.id}/members/$ref`).post(ref(U.bob.id));
    await pause(20);
    const restoreTo = new Date();
    await pause(20);
    await grace.api(`/groups/${G.marketing.id}/members/${U.ana.id}/$ref`).delete();
    await grace.api(`/groups/${G.marketing.id}/members/$ref`).post(ref(U.zoe.id));
    await pause(1100);
    await pollDue(deps);
    const expected = (await store.history.membershipAt(G.marketing.id, restoreTo))?.members;
    assert.deepEqual(expected, [...before, U.bob.id].sort());

    // "Market" matches several groups: the choice must carry the restore and its time.
    const asked = await runIntent(parseIntent(`restore Market's members to ${restoreTo.toISOString()}`), megan);
    const choice = asked.replies.map((r) => buttonData(r, 'choose')).find((d) => d?.['objectId'] === G.marketing.id);
    assert.ok(choice, `a choice offering Marketing: ${allText(asked)}`);
    const confirm = await continuePending(choice['pendingId'] as string, { candidateId: G.marketing.id }, megan);
    assert.match(allText(confirm), /Restore the members of 'Marketing'/);
    assert.match(allText(confirm), /Ana Silva will be added back\. Zoë Müller will be removed\./);
    const yes = confirm.replies.map((r) => buttonData(r, 'confirm')).find(Boolean);
    assert.ok(yes);
    const done = await continuePending(yes['pendingId'] as string, { confirmed: true }, megan);
    assert.match(allText(done), /Restoring the members of 'Marketing'/);
    assert.deepEqual((await relationIds(megan.graph, G.marketing.id, 'members')).sort(), expected);
    const undo = done.replies.map((r) => buttonData(r, 'undo')).find(Boolean);
    assert.ok(undo, 'one Undo for the whole restore');

    // The restore is groupbot's own change: recorded once, as source groupbot.
    await pause(1100);
    await pollDue(deps);
    const zoe = await store.history.events(G.marketing.id, { memberIds: [U.zoe.id] });
    assert.deepEqual(
      zoe.map((e) => [e.change, e.source]),
      [
        ['removed', 'groupbot'],
        ['added', 'delta'],
      ],
    );
    assert.deepEqual((await store.history.membershipAt(G.marketing.id, new Date()))?.members, expected);
  });
});
