/**
 * Removing guests or disabled accounts through the command layer against the real Graph emulator and an
 * in-memory journal: from a named group, from every group the speaker owns, and — an administrator naming no
 * group — from every group of the directory; confirmed, with per-person outcomes, one Undo, and a non-owner
 * refused by Graph.
 */
import { strict as assert } from 'node:assert';
import { runIntent } from '../../../bot/commands/dispatch';
import { allText, UPN } from './command-harness';
import { button, groups, useTaskHarness, users, type TaskHarness } from './task-harness';

const VENDOR = groups['vendorPortal']?.id as string;
const PAT = users['pat']?.id as string;
const RAUL = users['raul']?.id as string;

describe('bot/commands/members-remove-by-kind (emulator)', function () {
  this.timeout(120_000);
  let t: TaskHarness;
  useTaskHarness((h) => {
    t = h;
  });

  it('a non-owner is refused by Graph and nothing changes', async () => {
    const bob = await t.ctx(UPN.bob);
    const { ask, done } = await t.confirm(bob, {
      intent: 'removeMembersByKind',
      kind: 'guests',
      groups: ['Vendor Portal Access'],
    });
    assert.match(allText(ask), /Remove 1 guest from 'Vendor Portal Access'/);
    assert.match(allText(done), /You can't change the members of 'Vendor Portal Access'/);
    assert.ok((await t.ids(bob, VENDOR, 'members')).includes(PAT));
  });

  it('guests out of a named group: confirmed with the look-ahead, removed, and put back by Undo', async () => {
    const megan = await t.ctx(UPN.megan);
    const { ask, done } = await t.confirm(megan, {
      intent: 'removeMembersByKind',
      kind: 'guests',
      groups: ['Vendor Portal Access'],
    });
    assert.match(JSON.stringify(ask.replies[0]?.card), /Pat Partner/);
    assert.match(allText(done), /Pat Partner was removed from 'Vendor Portal Access'/);
    const after = await t.ids(megan, VENDOR, 'members');
    assert.ok(!after.includes(PAT) && after.includes(users['nestor']?.id as string), 'only the guest left');
    await t.undo(megan, done);
    assert.ok((await t.ids(megan, VENDOR, 'members')).includes(PAT));
  });

  it('disabled accounts out of every group the speaker owns (allOwned)', async () => {
    const megan = await t.ctx(UPN.megan);
    for (const key of ['marketing', 'licensedE5'])
      await megan.graph.post(`/groups/${groups[key]?.id}/members/$ref`, {
        '@odata.id': megan.graph.directoryObjectUrl(RAUL),
      });
    const { ask, done } = await t.confirm(megan, { intent: 'removeMembersByKind', kind: 'disabled', allOwned: true });
    assert.match(
      allText(ask),
      /Remove 1 disabled account from ('Marketing' and 'Licensed E5 Users'|'Licensed E5 Users' and 'Marketing')/,
    );
    assert.match(allText(done), /Raul Razo was removed from 'Marketing'/);
    assert.match(allText(done), /Raul Razo was removed from 'Licensed E5 Users'/);
    assert.ok(!(await t.ids(megan, groups['marketing']?.id as string, 'members')).includes(RAUL));
  });

  it('says when there is nobody of the kind, and asks which kind', async () => {
    const megan = await t.ctx(UPN.megan);
    assert.match(
      allText(await runIntent({ intent: 'removeMembersByKind', kind: 'guests', groups: ['Legal'] }, megan)),
      /no guests among the direct members of 'Legal'/,
    );
    const noKind = await runIntent({ intent: 'removeMembersByKind', groups: ['Legal'] }, megan);
    assert.match(allText(noKind), /the guests or the disabled accounts\?/);
    assert.throws(() => button(noKind, 'confirm'));
  });
  it('an administrator naming no group: every group of the directory with guests, counted, then removed', async () => {
    const megan = await t.ctx(UPN.megan);
    const marketing = groups['marketing']?.id as string;
    await megan.graph.post(`/groups/${marketing}/members/$ref`, { '@odata.id': megan.graph.directoryObjectUrl(PAT) });
    const { ask, done } = await t.confirm(megan, { intent: 'removeMembersByKind', kind: 'guests' });
    const text = allText(ask);
    assert.match(
      text,
      /Remove 1 guest from ('Vendor Portal Access' and 'Marketing'|'Marketing' and 'Vendor Portal Access')/,
    );
    assert.match(text, /every group in the directory with guests among its direct members: 1 guest in 2 groups/);
    assert.match(allText(done), /Removing guests: 2 done\./);
    assert.ok(!(await t.ids(megan, VENDOR, 'members')).includes(PAT), 'out of a group Megan does not own');
    assert.ok(!(await t.ids(megan, marketing, 'members')).includes(PAT));
    await t.undo(megan, done);
    assert.ok((await t.ids(megan, VENDOR, 'members')).includes(PAT), 'Undo puts the guest back');
  });

  it('someone who is not an administrator, naming no group: only the groups they own', async () => {
    const olga = await t.ctx('olga@contoso.com');
    const { ask, done } = await t.confirm(olga, { intent: 'removeMembersByKind', kind: 'guests' });
    assert.match(allText(ask), /Remove 1 guest from 'Marketing'/);
    assert.doesNotMatch(allText(ask), /every group in the directory/);
    assert.match(allText(done), /- done: Pat Partner was removed from 'Marketing'\./);
    assert.ok((await t.ids(olga, VENDOR, 'members')).includes(PAT), "a group Olga doesn't own is untouched");
  });
});
