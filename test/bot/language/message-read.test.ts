import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../bot/language';

describe('bot/language/message-read', () => {
  it('reads an elliptical second question as the previous check for another person', () => {
    assert.deepEqual(parseIntent('is Nestor in Sales? and is Raul?'), {
      intent: 'multi',
      steps: [
        { intent: 'checkMembership', users: ['Nestor'], groups: ['Sales'] },
        { intent: 'checkMembership', users: ['Raul'], groups: ['Sales'] },
      ],
    });
    assert.deepEqual(parseIntent('is Lee in Legal? is Bob too?'), {
      intent: 'multi',
      steps: [
        { intent: 'checkMembership', users: ['Lee'], groups: ['Legal'] },
        { intent: 'checkMembership', users: ['Bob'], groups: ['Legal'] },
      ],
    });
  });

  it('reads two "who is in" questions split by a comma as two steps', () => {
    assert.deepEqual(parseIntent('who is in Sales, who is in Marketing?'), {
      intent: 'multi',
      steps: [
        { intent: 'listMembers', groups: ['Sales'] },
        { intent: 'listMembers', groups: ['Marketing'] },
      ],
    });
  });

  it('keeps "her groups" as written when "her" stands for the person named before', () => {
    assert.deepEqual(parseIntent('Debra Berger leaves us on Friday. Could you remove her from all her groups?'), {
      intent: 'offboardUser',
      users: ['Debra Berger'],
    });
  });
});
