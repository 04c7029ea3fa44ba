import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../../bot/language';

describe('bot/language/patterns/hygiene-concepts', () => {
  it('reads a question about groups in general by the condition it names', () => {
    const cases: Array<[string, string | undefined]> = [
      ['which groups have no owners left', 'noOwner'],
      ['are there any groups with zero owners', 'noOwner'],
      ['list ownerless groups', 'noOwner'],
      ['any groups that have nobody in them', 'empty'],
      ['which groups will expire next week', 'expiring'],
      ['groups expiring soon?', 'expiring'],
      ['do any groups have guests', 'guests'],
      ['which groups have leavers in them', 'disabled'],
      ['anything I need to tidy up', undefined],
    ];
    for (const [text, check] of cases)
      assert.deepEqual(parseIntent(text), { intent: 'showHygiene', ...(check ? { check } : {}) }, text);
  });

  it('reads "my groups" as the speaker\'s own groups', () => {
    assert.deepEqual(parseIntent('which of my groups expire this month'), {
      intent: 'showHygiene',
      check: 'expiring',
      allOwned: true,
    });
  });

  it('leaves requests to act, questions about one group and mixed conditions to the other patterns', () => {
    assert.notEqual(parseIntent('remove the guests from all my groups').intent, 'showHygiene');
    assert.notEqual(parseIntent('does Vendor Portal Access have guests').intent, 'showHygiene');
    assert.notEqual(parseIntent('when does Legal expire').intent, 'showHygiene');
    assert.notEqual(
      (parseIntent('which groups have guests and no owners') as { check?: string }).check,
      'guests',
      'two conditions are not read as one of them',
    );
  });
});
