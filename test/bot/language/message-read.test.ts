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

  it('reads a topic written before a dash or colon as the "it" of the question after it', () => {
    assert.deepEqual(parseIntent("the falcon project — who's in it?"), {
      intent: 'listMembers',
      groups: ['falcon project'],
    });
    assert.deepEqual(parseIntent('Finance Readers: who owns it?'), {
      intent: 'listOwners',
      groups: ['Finance Readers'],
    });
    assert.deepEqual(parseIntent('Project Falcon - when does it expire'), {
      intent: 'showExpiry',
      groups: ['Project Falcon'],
    });
  });

  it('leaves a request before a dash alone, and a remark that is no question', () => {
    assert.deepEqual(parseIntent('Note: it is urgent, add Bob to Legal'), {
      intent: 'addMembers',
      users: ['Bob'],
      groups: ['Legal'],
    });
    assert.deepEqual(parseIntent('add Bob to Legal — is it done yet?').intent, 'addMembers');
  });
});
