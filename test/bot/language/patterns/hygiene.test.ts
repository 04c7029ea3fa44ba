import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/hygiene', () => {
  it('reads "empty groups" asked in plain words as the empty-groups check', () => {
    for (const text of [
      'any empty groups I should clean up',
      'are there groups with no members',
      'show me the empty groups',
      'which groups are empty',
      'list groups with zero members',
      'do we have any empty groups',
    ])
      assert.deepEqual(parseIntent(text), { intent: 'showHygiene', check: 'empty' }, text);
    assert.deepEqual(parseIntent('which of my groups are empty'), {
      intent: 'showHygiene',
      check: 'empty',
      allOwned: true,
    });
  });

  it('reads what the speaker means to do with orphaned groups as the no-owner check', () => {
    assert.deepEqual(parseIntent('are there any orphaned groups we should look at'), {
      intent: 'showHygiene',
      check: 'noOwner',
    });
  });

  it("does not read one group's emptiness as the digest", () => {
    assert.notEqual(parseIntent('is Sales empty').intent, 'showHygiene');
  });
});
