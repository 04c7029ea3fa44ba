import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/membership-history', () => {
  it('reads "was X in G <time>" as one person\'s membership at that time', () => {
    assert.deepEqual(parseIntent('was Lee in Platform Core last Friday?'), {
      intent: 'membersAt',
      users: ['Lee'],
      groups: ['Platform Core'],
      when: 'last Friday',
    });
    assert.deepEqual(parseIntent('was Bob a member of Legal on 2026-11-02'), {
      intent: 'membersAt',
      users: ['Bob'],
      groups: ['Legal'],
      when: 'on 2026-11-02',
    });
  });

  it('leaves "who was in G <time>" without people', () => {
    assert.deepEqual(parseIntent('who was in Legal last Monday'), {
      intent: 'membersAt',
      groups: ['Legal'],
      when: 'last Monday',
    });
  });

  it('reads time phrases in words ("a month ago", "two weeks ago", "at the start of November")', () => {
    assert.deepEqual(parseIntent('how did Marketing look a month ago'), {
      intent: 'membersAt',
      groups: ['Marketing'],
      when: 'a month ago',
    });
    assert.deepEqual(parseIntent('who were the members of Helpdesk Admins two weeks ago'), {
      intent: 'membersAt',
      groups: ['Helpdesk Admins'],
      when: 'two weeks ago',
    });
    assert.deepEqual(parseIntent('who was in Project Falcon at the start of November'), {
      intent: 'membersAt',
      groups: ['Project Falcon'],
      when: 'at the start of November',
    });
    assert.deepEqual(parseIntent('what have I done in the last hour?'), {
      intent: 'showMyChanges',
      when: 'in the last hour',
    });
  });
});
