/**
 * Create, then add at once, with the emulator's replication lag on (docs/graph-behaviour.md, Replication delay):
 * the new group is missing from `$filter` and `$search` and adds on it answer E16 for a few seconds. The name
 * resolves to the id groupbot remembered at the create (no look-up), the add waits with progress on the card
 * until Entra has caught up, and past the bound the user is told plainly that nothing was done. The session's
 * waits run 1/10 (or 1/40) of real time so the two-minute bound fits in a test.
 */
import { strict as assert } from 'node:assert';
import { allText, buttonData, startHarness, UPN, type Harness } from './command-harness';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import type { CommandContext, Outcome, Reply } from '../../../bot/commands/context';
import { KeyValueRecentGroups } from '../../../bot/commands/recent-groups';
import { openStore, type Store } from '../../../bot/store';
import { DEMO_USERS } from '../../../graph-emulator';

function dataOf(o: Outcome, verb: string): Record<string, unknown> {
  for (const r of o.replies) {
    const d = buttonData(r, verb);
    if (d) return d;
  }
  throw new Error(`no ${verb} button in: ${allText(o)}`);
}

describe('bot/commands: create a group, then add to it while Entra replicates (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  let store: Store;

  before(async () => {
    h = await startHarness();
    store = await openStore({ memory: true });
  });
  afterEach(() => {
    h.emulator.replication?.set(0);
  });
  after(async () => {
    await store.close();
    await h.stop();
    await closeGraphConnections();
  });

  /** Megan, with the store's recent groups and a session whose waits are `1/scale` of real time. */
  async function megan(scale: number, progress: Reply[]): Promise<CommandContext> {
    const base = await h.ctx(UPN.megan);
    const token = await h.emulator.issueToken(UPN.megan);
    const client = createGraphClient({ baseUrl: h.emulator.baseUrl, caPem: h.emulator.caPem }, async () => token);
    const fast = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms / scale));
    return {
      ...base,
      graph: new GraphSession(client, { baseUrl: h.emulator.baseUrl }, fast),
      recentGroups: new KeyValueRecentGroups(store.keyValue),
      progress: async (r) => {
        progress.push(r);
      },
    };
  }

  async function create(ctx: CommandContext, name: string, nick: string): Promise<void> {
    const form = await runIntent({ intent: 'createGroup', name, groupType: 'security' }, ctx);
    const confirm = await continuePending(
      dataOf(form, 'groupCreate')['pendingId'] as string,
      { values: { groupType: 'security', displayName: name, mailNickname: nick, owners: '', members: '' } },
      ctx,
    );
    const done = await continuePending(dataOf(confirm, 'confirm')['pendingId'] as string, { confirmed: true }, ctx);
    assert.match(allText(done), new RegExp(`Created '${name}'`));
  }

  async function addAna(ctx: CommandContext, group: string): Promise<Outcome> {
    const ask = await runIntent({ intent: 'addMembers', users: ['Ana Silva'], groups: [group] }, ctx);
    assert.match(allText(ask), new RegExp(`Add Ana Silva to '${group}'|Ana Silva`), allText(ask));
    return continuePending(dataOf(ask, 'confirm')['pendingId'] as string, { confirmed: true }, ctx);
  }

  it('resolves the new group by its id and adds once Entra has caught up, showing progress', async () => {
    h.emulator.replication?.set(5);
    const progress: Reply[] = [];
    const ctx = await megan(10, progress);
    await create(ctx, 'Replication Readers', 'ReplicationReaders');
    // Name look-ups do not see it yet: a $filter on its name finds nothing.
    const filtered = await ctx.graph.get<{ value: unknown[] }>(
      "/groups?$filter=displayName eq 'Replication Readers'&$select=id",
    );
    assert.equal(filtered.value.length, 0, 'the lag is on');
    const recent = await ctx.recentGroups?.list(DEMO_USERS.megan.id, new Date());
    assert.equal(recent?.[0]?.displayName, 'Replication Readers');

    const done = await addAna(ctx, 'Replication Readers');
    assert.match(allText(done), /Ana Silva was added to 'Replication Readers'/, allText(done));
    const notes = progress.map((r) => r.text);
    assert.ok(notes.length >= 1, 'progress was shown');
    assert.equal(notes[0], 'Entra is still setting up Replication Readers; trying again (1 of 6)…');
    assert.match(JSON.stringify(progress[0]?.card), /trying again \(1 of 6\)/);
    const members = await ctx.graph.get<{ value: { id: string }[] }>(`/groups/${recent?.[0]?.id}/members?$select=id`);
    assert.deepEqual(
      members.value.map((m) => m.id),
      [DEMO_USERS.ana.id],
    );
  });

  it('gives up past the bound with a clear message and offers to retry, having changed nothing', async () => {
    h.emulator.replication?.set(600);
    const progress: Reply[] = [];
    const ctx = await megan(40, progress);
    await create(ctx, 'Slow Replica', 'SlowReplica');
    const done = await addAna(ctx, 'Slow Replica');
    const said = allText(done);
    assert.match(
      said,
      /Entra was still setting up 'Slow Replica' after about 2 minutes of retries, so this was not done/,
    );
    assert.match(said, /1 failed; choose "Retry the failed ones"/);
    assert.deepEqual(
      progress.map((r) => r.text),
      [1, 2, 3, 4, 5, 6].map((n) => `Entra is still setting up Slow Replica; trying again (${n} of 6)…`),
    );
    const id = (await ctx.recentGroups?.list(DEMO_USERS.megan.id, new Date()))?.find(
      (g) => g.displayName === 'Slow Replica',
    )?.id;
    assert.ok(id);
    const members = await ctx.graph.get<{ value: unknown[] }>(`/groups/${id}/members?$select=id`);
    assert.equal(members.value.length, 0, 'nothing was changed');
  });
});
