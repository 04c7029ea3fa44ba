import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

const JONI_IN_BOB_OUT = {
  intent: 'multi',
  steps: [
    { intent: 'addMembers', users: ['Joni'], groups: ['Legal'] },
    { intent: 'removeMembers', users: ['Bob'], groups: ['Legal'] },
  ],
};

describe('bot/language/patterns/word-order', () => {
  it('reads "X in, Y out" with the group first or last', () => {
    assert.deepEqual(parseIntent('Legal: Joni in, Bob out'), JONI_IN_BOB_OUT);
    assert.deepEqual(parseIntent('Joni in, Bob out — Legal'), JONI_IN_BOB_OUT);
    assert.deepEqual(parseIntent('Joni in and Bob out for Legal'), JONI_IN_BOB_OUT);
  });

  it('keeps the order written and several people in one item', () => {
    assert.deepEqual(parseIntent('Bob out, Joni and Lee in - Legal'), {
      intent: 'multi',
      steps: [
        { intent: 'removeMembers', users: ['Bob'], groups: ['Legal'] },
        { intent: 'addMembers', users: ['Joni', 'Lee'], groups: ['Legal'] },
      ],
    });
  });

  it('does not read one item after a label as a membership change', () => {
    assert.notEqual(parseIntent('Question: who is logged in').intent, 'addMembers');
    assert.notEqual(parseIntent('Finance Readers: Bob out').intent, 'addMembers');
  });
});
