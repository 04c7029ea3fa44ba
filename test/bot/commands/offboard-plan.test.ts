import { strict as assert } from 'node:assert';
import { planOffboarding, nestedOnly, type Leaving } from '../../../bot/commands/offboard-plan';
import type { DirectoryGroup } from '../../../bot/directory/types';

const g = (id: string, extra: Partial<DirectoryGroup> = {}): DirectoryGroup => ({
  id,
  displayName: id.toUpperCase(),
  mailEnabled: false,
  securityEnabled: true,
  groupTypes: [],
  ...extra,
});
const lee = { id: 'lee', displayName: 'Lee Gu', type: 'user' as const };
const ana = { id: 'ana', displayName: 'Ana Silva', type: 'user' as const };
const dl = g('dl', { mailEnabled: true, securityEnabled: false });
const dyn = g('dyn', { groupTypes: ['DynamicMembership'], membershipRule: 'user.city -eq "Seattle"' });

function leaving(direct: DirectoryGroup[], owned: DirectoryGroup[], transitive = direct): Leaving {
  return {
    person: lee,
    groups: {
      user: { id: 'lee', displayName: 'Lee Gu', userPrincipalName: null, accountEnabled: true, userType: 'Member' },
      direct,
      transitive,
      owned,
      complete: true,
    },
  };
}

describe('bot/commands/offboard-plan', () => {
  it('removes memberships, gives up shared ownerships, keeps a sole ownership (flagged) without anyone to take over', () => {
    const plan = planOffboarding(
      [leaving([g('a'), g('b')], [g('a'), g('c')])],
      new Map([
        ['a', ['lee', 'olga']],
        ['c', ['lee']],
      ]),
      [],
    );
    assert.deepEqual(
      plan.writes.map((w) => `${w.relation}.${w.op}:${w.group.id}:${w.people.map((p) => p.id).join()}`),
      ['owners.remove:a:lee', 'members.remove:a:lee', 'members.remove:b:lee'],
    );
    assert.equal(plan.flags.length, 1);
    assert.match(plan.flags[0] as string, /Lee Gu is the only owner of 'C', so they stay its owner/);
  });

  it('hands a sole-owned group over first (the new owner before the old one leaves)', () => {
    const plan = planOffboarding([leaving([], [g('c')])], new Map([['c', ['lee']]]), [ana]);
    assert.deepEqual(
      plan.writes.map((w) => `${w.relation}.${w.op}:${w.people[0]?.id}`),
      ['owners.add:ana', 'owners.remove:lee'],
    );
    assert.deepEqual(plan.flags, []);
  });

  it('lists distribution lists and dynamic groups as untouchable, once each', () => {
    const plan = planOffboarding([leaving([dl, dyn], [dl])], new Map([['dl', ['lee']]]), []);
    assert.deepEqual(plan.writes, []);
    assert.deepEqual(
      plan.untouchable.map((u) => [u.group.id, u.why.split(':')[0]]),
      [
        ['dl', 'a distribution list'],
        ['dyn', 'dynamic membership'],
      ],
    );
  });

  it('names groups reached only through nesting', () => {
    assert.deepEqual(nestedOnly([leaving([g('a')], [], [g('a'), g('parent')])]), ["'PARENT'"]);
  });
});
