import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/members-by-kind', () => {
  it('reads "get rid of" guests or disabled accounts in or from a group', () => {
    assert.deepEqual(parseIntent('get rid of the guests in Vendor Portal Access'), {
      intent: 'removeMembersByKind',
      groups: ['Vendor Portal Access'],
      kind: 'guests',
    });
    assert.deepEqual(parseIntent('get rid of disabled accounts from Finance Readers'), {
      intent: 'removeMembersByKind',
      groups: ['Finance Readers'],
      kind: 'disabled',
    });
    assert.deepEqual(parseIntent('evict the external users from Sales'), {
      intent: 'removeMembersByKind',
      groups: ['Sales'],
      kind: 'guests',
    });
  });

  it('reads guests out of "all my groups" as a clean-up, not as a person leaving', () => {
    assert.deepEqual(parseIntent('get rid of the guests in all my groups'), {
      intent: 'removeMembersByKind',
      kind: 'guests',
      allOwned: true,
    });
    assert.deepEqual(parseIntent('remove disabled accounts from every group'), {
      intent: 'removeMembersByKind',
      kind: 'disabled',
    });
    assert.deepEqual(parseIntent('get rid of Enrico in all groups'), { intent: 'offboardUser', users: ['Enrico'] });
  });

  it('leaves "get rid of" a named person to removeMembers', () => {
    assert.deepEqual(parseIntent('get rid of Bob from Legal'), {
      intent: 'removeMembers',
      users: ['Bob'],
      groups: ['Legal'],
    });
  });
});
