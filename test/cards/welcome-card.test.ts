import assert from 'node:assert/strict';
import { DEFAULT_EXAMPLES, buildWelcomeCard } from '../../cards/welcome-card';
import { actionsOf, assertValidCard, clickPayload, rawTexts, textOf } from './card-helpers';
import { NASTY_NAME } from './fixtures';

describe('cards/welcome-card', () => {
  it('offers each example as a button that sends its text (imBack and sendText)', () => {
    const card = buildWelcomeCard();
    assertValidCard(card);
    const actions = actionsOf(card);
    assert.deepEqual(
      actions.map((a) => a.title),
      [...DEFAULT_EXAMPLES],
    );
    for (const a of actions) {
      assert.deepEqual(a.data['msteams'], { type: 'imBack', value: a.title });
      assert.deepEqual(clickPayload(a), { verb: 'sendText', text: a.title });
    }
  });

  it('greets by an escaped name and says what it can do', () => {
    const card = buildWelcomeCard({ userDisplayName: NASTY_NAME });
    assert.ok(rawTexts(card).some((t) => t.startsWith('Hi \\*\\*Boss\\*\\*')));
    assert.match(textOf(card), /Add or remove members and owners/);
  });

  it('has a not-understood variant', () => {
    assert.match(
      textOf(buildWelcomeCard({ mode: 'notUnderstood', examples: ['my groups'] })),
      /^Sorry, I did not understand that\./,
    );
  });
});
