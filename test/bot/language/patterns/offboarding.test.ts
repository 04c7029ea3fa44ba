import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/offboarding', () => {
  it('ends the leaver and the new owner at "and" starting the next instruction', () => {
    assert.deepEqual(parseIntent('José resigned, hand his groups to Enrico and remove him everywhere'), {
      intent: 'offboardUser',
      users: ['José'],
      handOverTo: ['Enrico'],
    });
    assert.deepEqual(parseIntent('offboard Raul Razo and give his groups to Enrico'), {
      intent: 'offboardUser',
      users: ['Raul Razo'],
      handOverTo: ['Enrico'],
    });
  });

  it('keeps "and" between two leavers', () => {
    assert.deepEqual(parseIntent('offboard Raul Razo and Debra Berger'), {
      intent: 'offboardUser',
      users: ['Raul Razo', 'Debra Berger'],
    });
  });

  it('keeps an e-mail address whole (a dot inside a word does not end the name)', () => {
    assert.deepEqual(parseIntent('strip all group memberships from alex.wilber@contoso.com'), {
      intent: 'offboardUser',
      users: ['alex.wilber@contoso.com'],
    });
  });

  it('reads "access to anything" and "any groups at all" as the access check', () => {
    for (const text of [
      'does Alex still have access to anything?',
      'does Alex still have access to anything at all',
      'does Alex still have access to any of our groups',
      'is Alex still in anything?',
      'does Alex have any access left at all?',
    ])
      assert.deepEqual(parseIntent(text), { intent: 'userAccessCheck', users: ['Alex'] }, text);
  });

  it('leaves access to one named group to the membership check', () => {
    assert.deepEqual(parseIntent('does Alex have access to Legal?'), {
      intent: 'checkMembership',
      users: ['Alex'],
      groups: ['Legal'],
    });
  });

  it('reads a question about what a person still has, whatever the wording, as the access check', () => {
    for (const [text, user] of [
      ['what access does Alex have left', 'Alex'],
      ['does Debra own or belong to any group still', 'Debra'],
      ['any groups remaining for Raul Razo?', 'Raul Razo'],
    ])
      assert.deepEqual(parseIntent(text as string), { intent: 'userAccessCheck', users: [user] }, text);
    assert.notEqual(parseIntent('what access does Alex have to Legal').intent, 'userAccessCheck');
    assert.notEqual(parseIntent('is Alex still in Legal').intent, 'userAccessCheck');
  });
});
