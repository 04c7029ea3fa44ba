import { strict as assert } from 'node:assert';
import { isOwnerCandidate, pickOwner } from '../../../bot/hygiene/owner-pick';
import type { HygieneMember } from '../../../bot/directory/hygiene-read';

const user = (id: string, displayName: string, extra: Partial<HygieneMember> = {}): HygieneMember => ({
  id,
  displayName,
  type: 'user',
  userType: 'Member',
  accountEnabled: true,
  ...extra,
});

describe('bot/hygiene owner-pick', () => {
  const zoe = user('z', 'Zoë');
  const bob = user('b', 'bob');
  const ana = user('a', 'Ana');

  it('only suggests enabled member-type users', () => {
    assert.equal(isOwnerCandidate(user('g', 'Pat', { userType: 'Guest' })), false);
    assert.equal(isOwnerCandidate(user('d', 'Raul', { accountEnabled: false })), false);
    assert.equal(isOwnerCandidate({ ...user('x', 'Design Team'), type: 'group' }), false);
    assert.equal(isOwnerCandidate(user('n', 'No type', { userType: null, accountEnabled: null })), true);
  });

  it('takes the earliest add the journal knows, whatever the names', () => {
    const added = new Map([
      ['z', new Date('2025-01-01')],
      ['b', new Date('2026-01-01')],
    ]);
    assert.equal(pickOwner([ana, bob, zoe], added), zoe);
  });

  it('falls back to the first by display name (case-insensitive) when the journal knows none of them', () => {
    assert.equal(pickOwner([zoe, bob, ana], new Map([['someone-else', new Date()]])), ana);
    assert.equal(pickOwner([zoe, bob], new Map()), bob);
  });

  it('skips journal entries of people who may not be suggested', () => {
    const raul = user('r', 'Raul', { accountEnabled: false });
    assert.equal(pickOwner([raul, zoe], new Map([['r', new Date('2020-01-01')]])), zoe);
    assert.equal(pickOwner([raul], new Map()), undefined);
  });
});
