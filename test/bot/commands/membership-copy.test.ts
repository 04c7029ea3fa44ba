/**
 * Copying and mirroring membership through the command layer against the real Graph emulator and an in-memory
 * journal: person to people (userGroups) and group to group (groupMembers), add-only and mirrored, each confirmed
 * with its look-ahead, run with per-person outcomes and undone with one Undo.
 */
import { strict as assert } from 'node:assert';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import { allText, UPN } from './command-harness';
import { button, groups, useTaskHarness, users, type TaskHarness } from './task-harness';

const id = (key: string): string => groups[key]?.id as string;
const user = (key: string): string => users[key]?.id as string;

describe('bot/commands/membership-copy (emulator)', function () {
  this.timeout(120_000);
  let t: TaskHarness;
  useTaskHarness((h) => {
    t = h;
  });

  it('userGroups, add only: Zoë gets the groups Johanna is in, keeps her own', async () => {
    const megan = await t.ctx(UPN.megan);
    const { ask, done } = await t.confirm(megan, {
      intent: 'copyMembership',
      kind: 'userGroups',
      source: ['Johanna Lorenz'],
      target: ['Zoë Müller'],
    });
    assert.match(allText(ask), /Give Zoë Müller the groups of Johanna Lorenz/);
    assert.match(JSON.stringify(ask.replies[0]?.card), /Research and Development/);
    assert.match(allText(done), /Zoë Müller was added to 'Research and Development'/);
    assert.match(allText(done), /Zoë Müller was added to 'Platform Core'/);
    assert.ok((await t.ids(megan, id('projectFalconM365'), 'members')).includes(user('zoe')), 'nothing taken away');
  });

  it("userGroups, mirror: Zoë ends in exactly Ngọc's groups, and one Undo puts her groups back", async () => {
    const megan = await t.ctx(UPN.megan);
    const before = ['projectFalconM365', 'projectFalconSecurity', 'directorySquad'];
    const { ask, done } = await t.confirm(megan, {
      intent: 'copyMembership',
      kind: 'userGroups',
      source: ['Ngọc Trần'],
      target: ['Zoë Müller'],
      mirror: true,
    });
    assert.match(allText(ask), /Make Zoë Müller's groups match Ngọc Trần's/);
    assert.match(JSON.stringify(ask.replies[0]?.card), /Remove from/);
    assert.match(allText(done), /Zoë Müller was removed from 'Directory Squad'/);
    for (const key of before) assert.ok(!(await t.ids(megan, id(key), 'members')).includes(user('zoe')), key);
    assert.ok((await t.ids(megan, id('researchAndDevelopment'), 'members')).includes(user('zoe')));
    await t.undo(megan, done);
    for (const key of before) assert.ok((await t.ids(megan, id(key), 'members')).includes(user('zoe')), `${key} back`);
  });

  it('groupMembers, add only and mirrored, with Undo of the mirror', async () => {
    const megan = await t.ctx(UPN.megan);
    const add = await t.confirm(megan, {
      intent: 'copyMembership',
      kind: 'groupMembers',
      source: ['Design Team'],
      target: ['Finance Readers'],
    });
    assert.match(allText(add.ask), /Add the members of 'Design Team' to 'Finance Readers'/);
    assert.match(allText(add.done), /Ana Silva was added to 'Finance Readers'/);
    const mirror = await t.confirm(megan, {
      intent: 'copyMembership',
      kind: 'groupMembers',
      source: ['Design Team'],
      target: ['Finance Readers'],
      mirror: true,
    });
    assert.match(allText(mirror.ask), /Make the members of 'Finance Readers' match 'Design Team'/);
    const members = await t.ids(megan, id('financeReaders'), 'members');
    assert.deepEqual(members.sort(), [user('ana'), user('lidia')].sort());
    await t.undo(megan, mirror.done);
    const back = await t.ids(megan, id('financeReaders'), 'members');
    assert.ok(back.includes(user('olga')) && back.includes(user('pradeep')) && back.includes(user('ana')));
  });

  it('refuses a dynamic target and says when nothing is missing', async () => {
    const megan = await t.ctx(UPN.megan);
    const dyn = await runIntent(
      { intent: 'copyMembership', kind: 'groupMembers', source: ['Sales'], target: ['Seattle Employees'] },
      megan,
    );
    assert.match(allText(dyn), /'Seattle Employees' cannot be changed here \(dynamic membership/);
    const same = await runIntent(
      { intent: 'copyMembership', kind: 'userGroups', source: ['Ana Silva'], target: ['Ana Silva'] },
      megan,
    );
    assert.match(allText(same), /Whose groups, and for whom\?/);
    assert.throws(() => button(dyn, 'confirm'));
  });
  it('the confirmed copy runs the list the card showed: one added meanwhile is skipped, one new in the source is not added', async () => {
    const megan = await t.ctx(UPN.megan);
    const intent = {
      intent: 'copyMembership',
      kind: 'groupMembers',
      source: ['Design Team'],
      target: ['Legal'],
    } as const;
    const ask = await runIntent({ ...intent, source: [...intent.source], target: [...intent.target] }, megan);
    const ref = (key: string) => ({ '@odata.id': megan.graph.directoryObjectUrl(user(key)) });
    await megan.graph.post(`/groups/${id('legal')}/members/$ref`, ref('ana'));
    await megan.graph.post(`/groups/${id('designTeam')}/members/$ref`, ref('adele'));
    const done = await continuePending(button(ask, 'confirm')['pendingId'] as string, { confirmed: true }, megan);
    assert.match(allText(done), /Add the members of 'Design Team' to 'Legal': 1 done, 1 skipped\./);
    assert.match(allText(done), /- skipped: Ana Silva, already a member of 'Legal'\./);
    assert.match(allText(done), /- done: Lidia Holloway was added to 'Legal'\./);
    assert.ok(!(await t.ids(megan, id('legal'), 'members')).includes(user('adele')), 'not on the card: not added');
  });
});
