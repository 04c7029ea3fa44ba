/**
 * One Undo of a whole offboarding, against the Graph emulator (real HTTPS) running the steps of each `$batch` last
 * first — Graph promises no order without dependsOn — so an Undo that relied on the listed order would remove the
 * owner who took over before the old owner is back (and Graph keeps a last owner). Owners and members come back
 * exactly, and when one item fails (its group was deleted meanwhile) the answer says so per item.
 */
import { strict as assert } from 'node:assert';
import { failedPrerequisite, undoWaves } from '../../../bot/commands/undo-order';
import type { JournalEntry } from '../../../bot/store/types';
import { allText, UPN } from './command-harness';
import { groups, useTaskHarness, users, type TaskHarness, LEE_MEMBER_OF, LEE_OWNS } from './task-harness';

const LEE = users['lee']?.id as string;
const gid = (key: string): string => groups[key]?.id as string;

describe('bot/commands/undo: order of an offboarding Undo (emulator, batch steps run last first)', function () {
  this.timeout(120_000);
  let t: TaskHarness;
  useTaskHarness(
    (h) => {
      t = h;
    },
    { batchStepOrder: 'reversed' },
  );

  it('restores every owner and member exactly', async () => {
    const megan = await t.ctx(UPN.megan);
    const { done } = await t.confirm(megan, { intent: 'offboardUser', users: ['Lee Gu'], handOverTo: ['Ana Silva'] });
    const undone = await t.undo(megan, done);
    assert.match(allText(undone), /Undone 19 of 19 changes to 9 groups/);
    for (const key of LEE_OWNS) assert.deepEqual(await t.ids(megan, gid(key), 'owners'), [LEE], `${key}: Lee alone`);
    for (const key of LEE_MEMBER_OF) assert.ok((await t.ids(megan, gid(key), 'members')).includes(LEE), key);
  });

  it('a group deleted meanwhile: its items are reported one by one, the others are restored', async () => {
    const megan = await t.ctx(UPN.megan);
    const { done } = await t.confirm(megan, { intent: 'offboardUser', users: ['Lee Gu'], handOverTo: ['Ana Silva'] });
    await megan.graph.delete(`/groups/${gid('directorySquad')}`);
    const text = allText(await t.undo(megan, done));
    assert.match(text, /Undone 17 of 19 changes to 9 groups/);
    assert.match(text, /- failed: make Lee Gu an owner of 'Directory Squad' again: I couldn't find 'Directory Squad'/);
    assert.match(
      text,
      /- not tried: remove Ana Silva as owner of 'Directory Squad', because make Lee Gu an owner of 'Directory Squad' again failed first/,
    );
    assert.match(text, /- done: made Lee Gu an owner of 'Platform Core' again/);
    for (const key of LEE_OWNS.filter((k) => k !== 'directorySquad'))
      assert.deepEqual(await t.ids(megan, gid(key), 'owners'), [LEE], `${key}: Lee alone`);
  });
});

describe('bot/commands/undo-order (waves)', () => {
  const e = (action: string, group: string): JournalEntry =>
    ({ action, group: { id: group, name: group } }) as JournalEntry;

  it('on one group, each switch between adding and removing waits for the previous wave; other groups share it', () => {
    // An offboarding's journal order: memberships, the old owner's removal, the new owner's addition.
    const entries = [e('member.remove', 'g'), e('member.remove', 'h'), e('owner.remove', 'g'), e('owner.add', 'g')];
    assert.deepEqual(undoWaves(entries), [0, 0, 0, 1]);
    assert.deepEqual(undoWaves([e('member.add', 'g'), e('member.remove', 'g'), e('member.add', 'g')]), [0, 1, 2]);
    assert.deepEqual(undoWaves([e('group.delete', 'g'), e('member.remove', 'g'), e('member.remove', 'g')]), [0, 1, 1]);
  });

  it('an entry whose earlier wave on the same group failed is held back', () => {
    const entries = [e('owner.remove', 'g'), e('owner.add', 'g'), e('owner.add', 'h')];
    const waves = undoWaves(entries);
    assert.equal(
      failedPrerequisite(entries, waves, 1, (j) => j === 0),
      entries[0],
    );
    assert.equal(
      failedPrerequisite(entries, waves, 2, (j) => j === 0),
      undefined,
    );
    assert.equal(
      failedPrerequisite(entries, waves, 1, () => false),
      undefined,
    );
  });
});
