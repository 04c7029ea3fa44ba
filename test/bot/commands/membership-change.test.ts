import assert from 'node:assert/strict';
import { consequenceOf } from '../../../bot/commands/membership-change';

describe('bot/commands/membership-change consequenceOf', () => {
  it('uses "a member" / "an owner" for one person', () => {
    assert.equal(
      consequenceOf({ op: 'add', relation: 'members' }, 'This person', false, "'Marketing'"),
      "This person will become a member of 'Marketing'.",
    );
    assert.equal(
      consequenceOf({ op: 'remove', relation: 'owners' }, 'You', false, "'Legal'"),
      "You will no longer be an owner of 'Legal'.",
    );
  });

  it('uses the plural for several people', () => {
    assert.equal(
      consequenceOf({ op: 'remove', relation: 'members' }, 'They', true, "'Sales'"),
      "They will no longer be members of 'Sales'.",
    );
    assert.equal(
      consequenceOf({ op: 'add', relation: 'owners' }, 'They', true, "'Sales'"),
      "They will become owners of 'Sales'.",
    );
  });
});
