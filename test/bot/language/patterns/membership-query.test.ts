import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/membership-query', () => {
  it('reads "who was in G" without a time as the members of G (a deleted group is then offered)', () => {
    assert.deepEqual(parseIntent('who was in Old Project Phoenix'), {
      intent: 'listMembers',
      groups: ['Old Project Phoenix'],
    });
    assert.deepEqual(parseIntent('who were the members of Old Project Phoenix?'), {
      intent: 'listMembers',
      groups: ['Old Project Phoenix'],
    });
  });

  it('leaves "who was in G" with a time to membersAt', () => {
    assert.deepEqual(parseIntent('who was in Sales last week'), {
      intent: 'membersAt',
      groups: ['Sales'],
      when: 'last week',
    });
    assert.equal(parseIntent('who was in Sales 3 days ago').intent, 'membersAt');
  });
});
