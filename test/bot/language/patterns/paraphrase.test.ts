import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/paraphrase', () => {
  it('reads a passive question as a removal ("could X be removed from G?")', () => {
    assert.deepEqual(parseIntent('could Joni Sherman be removed from Sales?'), {
      intent: 'removeMembers',
      users: ['Joni Sherman'],
      groups: ['Sales'],
    });
    assert.deepEqual(parseIntent('can Lee please be taken out of Legal'), {
      intent: 'removeMembers',
      users: ['Lee'],
      groups: ['Legal'],
    });
  });
});
