/**
 * Offboarding through the command layer against the real Graph emulator (demo tenant) and an in-memory journal:
 * the confirmation lists every group and what leaving it costs, the confirmed run removes the person everywhere
 * (handing sole-owned groups over first), a second click runs nothing, one Undo puts everything back, and groups
 * that cannot be changed here are listed as such.
 */
import { strict as assert } from 'node:assert';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { allText, UPN } from './command-harness';
import { button, groups, useTaskHarness, users, type TaskHarness, LEE_MEMBER_OF, LEE_OWNS } from './task-harness';

const LEE = users['lee']?.id as string;
const ANA = users['ana']?.id as string;

describe('bot/commands/user-offboard (emulator)', function () {
  this.timeout(120_000);
  let t: TaskHarness;
  useTaskHarness((h) => {
    t = h;
  });

  it('without anyone to take over: lists the groups and the licence lost, and keeps a sole owner as owner (flagged)', async () => {
    const megan = await t.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'offboardUser', users: ['Lee Gu'] }, megan);
    const text = allText(ask);
    for (const key of LEE_MEMBER_OF)
      assert.ok(
        text.includes(`'${groups[key]?.displayName}'`) ||
          JSON.stringify(ask).includes(groups[key]?.displayName as string),
        key,
      );
    assert.match(text, /Lee Gu will lose Office 365 E5/);
    assert.match(text, /Lee Gu is the only owner of .*'Directory Squad'.*so they stay their owner/);
    assert.ok(button(ask, 'confirm')['pendingId'], 'one confirmation');
  });

  it('with handOverTo: confirmed once, removes everywhere, a second click does nothing, one Undo puts it all back', async () => {
    const megan = await t.ctx(UPN.megan);
    const { ask, done, pendingId } = await t.confirm(megan, {
      intent: 'offboardUser',
      users: ['Lee Gu'],
      handOverTo: ['Ana Silva'],
    });
    assert.match(JSON.stringify(ask.replies[0]?.card), /Handed over to Ana Silva/);
    assert.match(allText(done), /Offboarding Lee Gu:/);
    assert.match(allText(done), /Ana Silva is now an owner of 'Directory Squad'/);
    assert.match(allText(done), /undo all of this at once/);
    for (const key of LEE_MEMBER_OF) {
      const id = groups[key]?.id as string;
      assert.ok(!(await t.ids(megan, id, 'members')).includes(LEE), `Lee left ${key}`);
    }
    for (const key of LEE_OWNS) {
      const owners = await t.ids(megan, groups[key]?.id as string, 'owners');
      assert.ok(!owners.includes(LEE) && owners.includes(ANA), `${key} handed over to Ana`);
    }

    const again = await continuePending(pendingId, { confirmed: true }, megan);
    assert.match(allText(again), /already/i, 'the second click is told the first one ran');
    assert.equal(
      await t.store.journal.undoableFor(megan.actor.id, new Date(), { limit: 200 }).then((e) => e.length),
      LEE_MEMBER_OF.length + 2 * LEE_OWNS.length,
    );

    const undone = await t.undo(megan, done);
    assert.match(allText(undone), /Undone 19 of 19 changes to 9 groups/);
    for (const key of LEE_MEMBER_OF)
      assert.ok((await t.ids(megan, groups[key]?.id as string, 'members')).includes(LEE), `Lee back in ${key}`);
    for (const key of LEE_OWNS) {
      const owners = await t.ids(megan, groups[key]?.id as string, 'owners');
      assert.deepEqual(owners, [LEE], `${key} owned by Lee alone again`);
    }
  });

  it('lists distribution lists and dynamic groups as "cannot be changed here"', async () => {
    const megan = await t.ctx(UPN.megan);
    const ask = await runIntent({ intent: 'offboardUser', users: ['Debra Berger'] }, megan);
    assert.match(allText(ask), /'All Company News' cannot be changed here \(a distribution list/);
    assert.match(JSON.stringify(ask.replies[0]?.card), /Cannot be changed here/);
    assert.match(JSON.stringify(ask.replies[0]?.card), /Executive Leadership/);
  });

  it('says so when nothing can be changed or the person is in no group, and asks who when nobody is named', async () => {
    const megan = await t.ctx(UPN.megan);
    assert.match(
      allText(await runIntent({ intent: 'offboardUser', users: ['Raul Razo'] }, megan)),
      /Nothing I can change for Raul Razo\. Cannot be changed here: 'Seattle Employees' \(dynamic membership/,
    );
    assert.match(
      allText(await runIntent({ intent: 'offboardUser', users: ['Grace Taylor'] }, megan)),
      /not a direct member or owner of any group/,
    );
    assert.match(allText(await runIntent({ intent: 'offboardUser' }, megan)), /Who is leaving\?/);
  });

  it('a non-owner is refused by Graph, group by group, and nothing is journalled as undoable', async () => {
    const bob = await t.ctx(UPN.bob);
    const { done } = await t.confirm(bob, { intent: 'offboardUser', users: ['Joni Sherman'] });
    assert.match(allText(done), /You can't change the members of 'Legal'/);
    assert.ok((await t.ids(bob, groups['legal']?.id as string, 'members')).includes(users['joni']?.id as string));
    assert.doesNotMatch(allText(done), /undo all of this/);
  });
});
