import assert from 'node:assert/strict';
import { buildAccessRequestCard } from '../../cards/access-request-card';
import { renderCardText } from '../../cards/render-text';
import { assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { marketing, olga } from './fixtures';

describe('cards/access-request-card', () => {
  const card = buildAccessRequestCard({
    group: { id: marketing.id, displayName: 'Marketing' },
    durationDays: 30,
    owners: [olga],
    context: "You can't add members to Marketing.",
  });

  it('asks for a required justification and names who will be asked', () => {
    assertValidCard(card);
    assert.match(textOf(card), /Your request goes to the 1 owner: Olga Owner\./);
    assert.match(textOf(card), /for 30 days/);
    const input = renderCardText(card).inputs[0];
    assert.equal(input?.id, 'justification');
    assert.equal(input?.isRequired, true);
  });

  it('Submit request carries the group, duration and justification', () => {
    assert.deepEqual(clickPayload(button(card, 'Submit request'), { justification: 'Launch campaign' }), {
      verb: 'requestSubmit',
      groupId: marketing.id,
      justification: 'Launch campaign',
      durationDays: 30,
    });
    assert.deepEqual(clickPayload(button(card, 'Cancel'), { justification: 'x' }), { verb: 'cancel' });
  });

  it("names its owner's pending operation on Submit and Cancel, so only they can use it", () => {
    const owned = buildAccessRequestCard({ group: { id: marketing.id, displayName: 'Marketing' }, pendingId: 'p-1' });
    assertValidCard(owned);
    assert.deepEqual(clickPayload(button(owned, 'Submit request'), { justification: 'Launch' }), {
      verb: 'requestSubmit',
      groupId: marketing.id,
      pendingId: 'p-1',
      justification: 'Launch',
    });
    assert.deepEqual(clickPayload(button(owned, 'Cancel'), {}), { verb: 'cancel', pendingId: 'p-1' });
  });
});
