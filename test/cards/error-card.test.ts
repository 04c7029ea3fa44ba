import assert from 'node:assert/strict';
import { buildErrorCard } from '../../cards/error-card';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { marketing } from './fixtures';

describe('cards/error-card', () => {
  it('is one clear sentence, with "Ask the owners" for a refusal on a group', () => {
    const card = buildErrorCard({
      message: "You can't add members to Marketing.",
      askOwners: { id: marketing.id, displayName: 'Marketing' },
    });
    assertValidCard(card);
    assert.match(textOf(card), /^You can't add members to Marketing\.\nShall I ask the owners of Marketing\?/);
    assert.deepEqual(clickPayload(button(card, 'Ask the owners')), { verb: 'requestStart', groupId: marketing.id });
  });

  it('has no button otherwise', () => {
    const card = buildErrorCard({
      message: 'Microsoft Graph is busy; I tried 3 times.',
      hint: 'Try again in a minute.',
    });
    assertValidCard(card);
    assert.equal(actionsOf(card).length, 0);
    assert.equal(card.fallbackText, 'Microsoft Graph is busy; I tried 3 times. Try again in a minute.');
  });
});
