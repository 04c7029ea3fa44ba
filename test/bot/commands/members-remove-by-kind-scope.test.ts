import { strict as assert } from 'node:assert';
import {
  directoryScopeSentence,
  planDirectoryRemoval,
  type DirectoryScope,
} from '../../../bot/commands/members-remove-by-kind-scope';
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

describe('bot/commands/members-remove-by-kind-scope', () => {
  const scope: DirectoryScope = {
    found: [
      { group: g('a'), people: [p('x'), p('y')] },
      { group: g('dyn', { groupTypes: ['DynamicMembership'] }), people: [p('x')] },
      { group: g('b'), people: [p('x')] },
      { group: g('c'), people: [p('z')] },
    ],
    people: 3,
    peopleTotal: 250,
    unread: 1,
  };

  it('one write per changeable group, untouchable ones listed, and the counts said', () => {
    const plan = planDirectoryRemoval({ ...scope, peopleTotal: 3, unread: 0 }, 'guests');
    assert.deepEqual(
      plan.writes.map((w) => `${w.group.id}:${w.people.map((x) => x.id).join()}`),
      ['a:x,y', 'b:x', 'c:z'],
    );
    assert.deepEqual(
      plan.untouchable.map((u) => u.group.id),
      ['dyn'],
    );
    assert.deepEqual(plan.flags, []);
    assert.match(directoryScopeSentence(plan, 'guests'), /3 guests in 3 groups\.$/);
  });

  it('caps groups and people with a clear sentence each', () => {
    const plan = planDirectoryRemoval(scope, 'disabled', 2);
    assert.equal(plan.writes.length, 2);
    assert.deepEqual(plan.flags, [
      'There are 250 disabled accounts in the directory; this covers the first 3. Ask again afterwards for the rest.',
      'They are in 3 groups; this covers the first 2. Ask again afterwards for the others.',
      "I couldn't read the groups of 1 disabled account; they are left out.",
    ]);
  });
});
