/**
 * The digest's buttons (hygieneFix) as the bot runs them: the ids on the card are read again with the clicker's
 * token, and the change goes through the usual confirmed, journalled command.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { continuePending } from '../../../bot/commands/dispatch';
import { runCardAction } from '../../../bot/commands/card-action-run';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import type { JournalChange, JournalSink } from '../../../bot/journal/journal-sink';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import type { HygieneFixKind } from '../../../cards/card-verbs';

describe('bot/commands hygiene-fix (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  let megan: CommandContext;
  let orphanId = '';
  const recorded: JournalChange[] = [];
  const journal = {
    record: async (_a: unknown, changes: JournalChange[]) => {
      recorded.push(...changes);
      return { entries: [] };
    },
  } as unknown as JournalSink;

  const click = (ctx: CommandContext, fix: HygieneFixKind, groupId: string, userId?: string): Promise<Outcome> => {
    const run = runCardAction({ verb: 'hygieneFix', fix, groupId, ...(userId ? { userId } : {}) }, ctx);
    assert.ok(run, 'hygieneFix is a command-layer verb');
    return run;
  };
  const confirm = (asked: Outcome, ctx: CommandContext): Promise<Outcome> => {
    const data = buttonData(asked.replies[0], 'confirm');
    assert.ok(data, `a confirmation card, got: ${allText(asked)}`);
    return continuePending(String(data['pendingId']), { confirmed: true }, ctx);
  };
  const ownersOf = async (groupId: string): Promise<string[]> =>
    (await megan.graph.get<{ value: { id: string }[] }>(`/groups/${groupId}/owners`)).value.map((o) => o.id);

  before(async () => {
    h = await startHarness();
    megan = { ...(await h.ctx(UPN.megan)), journal };
    orphanId = (
      await megan.graph.post<{ id: string }>('/groups', {
        displayName: 'Orphan Squad',
        mailNickname: 'orphansquad',
        mailEnabled: false,
        securityEnabled: true,
      })
    ).id;
    for (const u of [DEMO_USERS.raul, DEMO_USERS.ana, DEMO_USERS.pat]) {
      await megan.graph.post(`/groups/${orphanId}/members/$ref`, { '@odata.id': megan.graph.directoryObjectUrl(u.id) });
    }
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('will not make a disabled member or a guest owner, whatever the card says', async () => {
    assert.match(
      allText(await click(megan, 'makeOwner', orphanId, DEMO_USERS.raul.id)),
      /no longer an enabled member of 'Orphan Squad'/,
    );
    assert.match(allText(await click(megan, 'makeOwner', orphanId, DEMO_USERS.pat.id)), /no longer an enabled member/);
    assert.match(
      allText(await click(megan, 'makeOwner', orphanId, DEMO_USERS.bob.id)),
      /no longer an enabled member/,
      'Bob is not a member',
    );
    assert.deepEqual(await ownersOf(orphanId), []);
  });

  it('a non-administrator who clicks gets the confirmation, and Graph refuses it with their token', async () => {
    const bob = await h.ctx(UPN.bob);
    const done = await confirm(await click(bob, 'makeOwner', orphanId, DEMO_USERS.ana.id), bob);
    assert.match(allText(done), /can't/i);
    assert.deepEqual(await ownersOf(orphanId), []);
  });

  it('makes the suggested member owner after Confirm, journalled; a second click finds the owner', async () => {
    const asked = await click(megan, 'makeOwner', orphanId, DEMO_USERS.ana.id);
    assert.deepEqual(await ownersOf(orphanId), [], 'nothing before Confirm');
    await confirm(asked, megan);
    assert.deepEqual(await ownersOf(orphanId), [DEMO_USERS.ana.id]);
    assert.ok(
      recorded.some((c) => c.action === 'owner.add' && c.result === 'succeeded' && c.target?.id === DEMO_USERS.ana.id),
    );
    assert.match(
      allText(await click(megan, 'makeOwner', orphanId, DEMO_USERS.ana.id)),
      /has an owner again, so nothing was done/,
    );
  });

  it('removes a disabled member after Confirm, and refuses enabled members and non-members', async () => {
    assert.match(allText(await click(megan, 'removeMember', orphanId, DEMO_USERS.ana.id)), /account is enabled again/);
    await confirm(await click(megan, 'removeMember', orphanId, DEMO_USERS.raul.id), megan);
    assert.ok(
      recorded.some(
        (c) => c.action === 'member.remove' && c.result === 'succeeded' && c.target?.id === DEMO_USERS.raul.id,
      ),
    );
    assert.match(
      allText(await click(megan, 'removeMember', orphanId, DEMO_USERS.raul.id)),
      /no longer a member of 'Orphan Squad'/,
    );
  });

  it('renews through the confirmed renew command, and says when the group is gone', async () => {
    const olga = await h.ctx('olga@contoso.com');
    assert.match(allText(await click(olga, 'renew', DEMO_GROUPS.marketing.id)), /^Renew 'Marketing'\?/);
    assert.match(allText(await click(olga, 'renew', '00000000-0000-4000-8000-000000000000')), /no longer exists/);
  });
});
