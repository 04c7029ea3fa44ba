import assert from 'node:assert/strict';
import { buildConfirmationCard } from '../../cards/confirmation-card';
import { actionsOf, assertValidCard, clickPayload, textOf } from './card-helpers';

describe('cards/confirmation-card', () => {
  it('shows title, facts and what will happen, with Confirm / Cancel for the pending operation', () => {
    const card = buildConfirmationCard({ pendingId: 'p5', title: 'Assign E5 to Marketing?', facts: [{ title: 'Licence', value: 'Microsoft 365 E5' }, { title: 'Group', value: '_Marketing_' }], consequence: 'All 42 members get the licence.', destructive: true, confirmLabel: 'Assign' });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /^Licence: Microsoft 365 E5$/m);
    assert.match(text, /^Group: _Marketing_$/m);
    assert.match(text, /All 42 members get the licence\./);
    const [confirm, cancel] = actionsOf(card);
    assert.equal(confirm?.title, 'Assign');
    assert.deepEqual(clickPayload(confirm!), { verb: 'confirm', pendingId: 'p5' });
    assert.deepEqual(clickPayload(cancel!), { verb: 'cancel', pendingId: 'p5' });
    assert.equal(card.actions?.[0]?.style, 'destructive');
  });
});
