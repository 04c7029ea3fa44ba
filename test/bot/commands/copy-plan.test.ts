import { strict as assert } from 'node:assert';
import { planGroupMembersCopy, planUserGroupsCopy } from '../../../bot/commands/copy-plan';
import type { DirectoryGroup } from '../../../bot/directory/types';

const g = (id: string, extra: Partial<DirectoryGroup> = {}): DirectoryGroup => ({
  id,
  displayName: id.toUpperCase(),
  mailEnabled: false,
  securityEnabled: true,
  groupTypes: [],
  ...extra,
});
const p = (id: string) => ({ id, displayName: id, type: 'user' as const });
const show = (plan: ReturnType<typeof planUserGroupsCopy>): string[] =>
  plan.writes.map((w) => `${w.op}:${w.group.id}:${w.people.map((x) => x.id).join()}`);

describe('bot/commands/copy-plan', () => {
  it('userGroups: adds the missing groups; mirror also removes the extra ones; dynamic groups are untouchable', () => {
    const dyn = g('dyn', { groupTypes: ['DynamicMembership'] });
    const source = { person: p('src'), direct: [g('a'), g('b'), dyn] };
    const targets = [
      { person: p('t1'), direct: [g('a'), g('x')] },
      { person: p('t2'), direct: [] },
    ];
    assert.deepEqual(show(planUserGroupsCopy(source, targets, false)), ['add:a:t2', 'add:b:t1,t2']);
    const mirror = planUserGroupsCopy(source, targets, true);
    assert.deepEqual(show(mirror), ['add:a:t2', 'add:b:t1,t2', 'remove:x:t1']);
    assert.deepEqual(
      mirror.untouchable.map((u) => u.group.id),
      ['dyn'],
    );
  });

  it('groupMembers: adds what the target lacks (never itself); mirror removes what the source lacks', () => {
    const target = g('t');
    assert.deepEqual(show(planGroupMembersCopy(target, [p('a'), p('b'), p('t')], [p('b'), p('c')], false)), [
      'add:t:a',
    ]);
    assert.deepEqual(show(planGroupMembersCopy(target, [p('a'), p('b')], [p('b'), p('c')], true)), [
      'add:t:a',
      'remove:t:c',
    ]);
  });

  it('groupMembers: a read-only target is untouchable and nothing is written', () => {
    const plan = planGroupMembersCopy(g('t', { mailEnabled: true, securityEnabled: true }), [p('a')], [], false);
    assert.deepEqual(plan.writes, []);
    assert.match(plan.untouchable[0]?.why ?? '', /mail-enabled security group/);
  });
});
