import { strict as assert } from 'node:assert';
import { leftOutSentence, storePlan, storedPlanOf } from '../../../bot/commands/change-plan-store';
import { skipReason, splitByPresence } from '../../../bot/commands/change-plan-check';
import type { ChangePlan } from '../../../bot/commands/change-plan';
import type { DirectoryGroup } from '../../../bot/directory/types';

const g = (id: string): DirectoryGroup => ({
  id,
  displayName: id.toUpperCase(),
  mailEnabled: false,
  securityEnabled: true,
  groupTypes: [],
  description: 'not stored',
});
const p = (id: string) => ({ id, displayName: id, type: 'user' as const });

describe('bot/commands/change-plan-store and change-plan-check', () => {
  const plan: ChangePlan = {
    writes: [
      { group: g('a'), relation: 'owners', op: 'add', people: [p('h')] },
      { group: g('a'), relation: 'members', op: 'remove', people: [p('x'), p('y'), p('z')] },
      { group: g('b'), relation: 'members', op: 'remove', people: [p('x')] },
    ],
    untouchable: [{ group: g('c'), why: 'dynamic membership' }],
    flags: [],
  };

  it('stores the list in order with only the fields a write needs, and nothing is left out under the cap', () => {
    const { stored, leftOut } = storePlan(plan, 'Offboarding X:');
    assert.equal(leftOut, 0);
    assert.equal(stored.heading, 'Offboarding X:');
    assert.deepEqual(
      stored.writes.map((w) => `${w.op}:${w.relation}:${w.group.id}:${w.people.map((x) => x.id).join()}`),
      ['add:owners:a:h', 'remove:members:a:x,y,z', 'remove:members:b:x'],
    );
    assert.equal('description' in (stored.writes[0]?.group ?? {}), false);
    assert.deepEqual(stored.untouchable, [{ group: { id: 'c', displayName: 'C' }, why: 'dynamic membership' }]);
    assert.deepEqual(storedPlanOf({ continuation: { kind: 'changePlan', plan: stored } as never }), stored);
    assert.equal(storedPlanOf({ continuation: { kind: 'resolve' } }), undefined);
  });

  it('a list longer than the cap keeps its first changes and says how many are left out', () => {
    const { stored, leftOut } = storePlan(plan, 'h', 3);
    assert.equal(leftOut, 2);
    assert.deepEqual(
      stored.writes.map((w) => w.people.map((x) => x.id).join()),
      ['h', 'x,y'],
    );
    assert.match(leftOutSentence(2, 3), /too large .* only the first 3 changes .* other 2 are not made/);
  });

  it('skips per person what no longer applies: group gone, already in, already out; unreadable means write', () => {
    const { stored } = storePlan(plan, 'h');
    const [add, remove] = stored.writes as [never, never];
    assert.equal(skipReason(add, { gone: true }, p('h')), "'A' no longer exists");
    assert.equal(skipReason(add, { gone: false, present: new Set(['h']) }, p('h')), "already an owner of 'A'");
    assert.equal(skipReason(add, { gone: false }, p('h')), null);
    const split = splitByPresence(remove, { gone: false, present: new Set(['x', 'z']) });
    assert.deepEqual(
      split.toWrite.map((x) => x.id),
      ['x', 'z'],
    );
    assert.deepEqual(split.skipped, [{ principal: p('y'), why: "no longer a member of 'A'" }]);
  });
});
