import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/membership-copy', () => {
  it('reads "the <group> people" put into another group as a copy of its members', () => {
    assert.deepEqual(parseIntent('put all the Legal people into Project Falcon too'), {
      intent: 'copyMembership',
      kind: 'groupMembers',
      source: ['Legal'],
      target: ['Project Falcon'],
    });
    assert.deepEqual(parseIntent('add the Sales team members to Project Falcon'), {
      intent: 'copyMembership',
      kind: 'groupMembers',
      source: ['Sales'],
      target: ['Project Falcon'],
    });
  });

  it("reads a group's members named with a possessive or before 'members'", () => {
    for (const text of [
      "add Legal's members to Project Falcon",
      "put Legal's people in Project Falcon too",
      'copy the Legal members into Project Falcon',
    ])
      assert.deepEqual(
        parseIntent(text),
        { intent: 'copyMembership', kind: 'groupMembers', source: ['Legal'], target: ['Project Falcon'] },
        text,
      );
  });

  it('reads "everyone in A into B" without a verb', () => {
    assert.deepEqual(parseIntent('everyone in Sales into Marketing as well'), {
      intent: 'copyMembership',
      kind: 'groupMembers',
      source: ['Sales'],
      target: ['Marketing'],
    });
    assert.deepEqual(parseIntent('everyone from Finance Readers to Finance Alerts'), {
      intent: 'copyMembership',
      kind: 'groupMembers',
      source: ['Finance Readers'],
      target: ['Finance Alerts'],
    });
  });

  it("does not read people who are not a group's members as a copy", () => {
    assert.equal(parseIntent('add the new people to Legal').intent, 'addMembers');
    assert.equal(parseIntent('add all the people to Legal').intent, 'addMembers');
    assert.deepEqual(parseIntent('add the following people to Legal: Ana, Bob'), {
      intent: 'addMembers',
      users: ['Ana', 'Bob'],
      groups: ['Legal'],
    });
  });
});
