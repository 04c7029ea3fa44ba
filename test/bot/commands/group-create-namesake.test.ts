/**
 * Creating a group whose name is in use: the confirmation warns and offers to show the existing group; afterwards
 * the choice card and the group list tell the two same-named groups apart (against the real Graph emulator).
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS } from '../../../graph-emulator';
import { allText, buttonData, startHarness, UPN, type Harness } from './command-harness';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import { runCardAction } from '../../../bot/commands/card-action-run';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import type { Outcome } from '../../../bot/commands/context';
import { assertNoLeaks } from '../../support/card-scan';

const READERS = (DEMO_GROUPS as unknown as Record<string, { id: string }>)['financeReaders']?.id as string;

function dataOf(o: Outcome, verb: string): Record<string, unknown> {
  for (const r of o.replies) {
    const d = buttonData(r, verb);
    if (d) return d;
  }
  throw new Error(`no ${verb} button in: ${allText(o)}`);
}

/** Every Action.Execute title on the outcome's cards. */
function buttonTitles(o: Outcome): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const x = v as Record<string, unknown>;
      if (x['type'] === 'Action.Execute' && typeof x['title'] === 'string') out.push(x['title']);
      Object.values(x).forEach(walk);
    }
  };
  o.replies.forEach((r) => walk(r.card));
  return out;
}

describe('bot/commands: a new group with a name in use (emulator)', function () {
  this.timeout(180_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('warns on the confirmation, shows the existing group, and afterwards tells the two apart', async () => {
    const megan = await h.ctx(UPN.megan);
    const form = await runIntent({ intent: 'createGroup', name: 'Finance Readers', groupType: 'security' }, megan);
    const confirm = await continuePending(
      dataOf(form, 'groupCreate')['pendingId'] as string,
      {
        values: {
          groupType: 'security',
          displayName: 'Finance Readers',
          mailNickname: 'FinanceReaders2',
          owners: 'Bob Kelly',
          members: '',
        },
      },
      megan,
    );
    const said = allText(confirm);
    assert.match(said, /A group called 'Finance Readers' already exists \(Security group, owned by Olga Owner\)/);
    assert.match(said, /choose a different name unless you mean to have both/);
    assert.deepEqual(dataOf(confirm, 'groupShow'), { verb: 'groupShow', groupId: READERS });
    assert.ok(buttonTitles(confirm).includes("Show the existing 'Finance Readers'"));
    for (const r of confirm.replies) assertNoLeaks(r.card ?? {}, 'create confirmation');

    const shown = await runCardAction({ verb: 'groupShow', groupId: READERS }, megan);
    assert.ok(shown, 'groupShow is routed');
    assert.match(allText(await shown), /Read access to finance reports/);

    const done = await continuePending(dataOf(confirm, 'confirm')['pendingId'] as string, { confirmed: true }, megan);
    assert.match(allText(done), /Created 'Finance Readers'/);

    // Megan's next operation on the name goes to the group she just created (recent groups: replication delay);
    // anyone else is asked which of the two they mean.
    const mine = await runIntent({ intent: 'addMembers', users: ['Ana Silva'], groups: ['Finance Readers'] }, megan);
    assert.doesNotMatch(allText(mine), /Several groups match/);
    const choice = await runIntent(
      { intent: 'addMembers', users: ['Ana Silva'], groups: ['Finance Readers'] },
      await h.ctx(UPN.bob),
    );
    const titles = buttonTitles(choice).filter((t) => t.startsWith('Finance Readers'));
    assert.deepEqual(titles.sort(), [
      'Finance Readers (Security group, owned by Bob Kelly)',
      'Finance Readers (Security group, owned by Olga Owner)',
    ]);
    assert.match(
      allText(choice),
      /Several groups match 'Finance Readers': .*owned by Olga Owner.*owned by Bob Kelly|owned by Bob Kelly.*owned by Olga Owner/,
    );

    const list = allText(await runIntent({ intent: 'listGroups', startsWith: 'Finance Readers' }, megan));
    assert.match(list, /- Finance Readers \(Security group, owned by Olga Owner\)/);
    assert.match(list, /- Finance Readers \(Security group, owned by Bob Kelly\)/);
  });

  it('says nothing about namesakes when the name is free', async () => {
    const megan = await h.ctx(UPN.megan);
    const form = await runIntent({ intent: 'createGroup', name: 'Quarterly Auditors', groupType: 'security' }, megan);
    const confirm = await continuePending(
      dataOf(form, 'groupCreate')['pendingId'] as string,
      { values: { groupType: 'security', displayName: 'Quarterly Auditors', owners: '', members: '' } },
      megan,
    );
    assert.match(allText(confirm), /Create the security group 'Quarterly Auditors'/);
    assert.doesNotMatch(allText(confirm), /already exists/);
    assert.ok(!buttonTitles(confirm).some((t) => t.startsWith('Show the existing')));
  });
});
