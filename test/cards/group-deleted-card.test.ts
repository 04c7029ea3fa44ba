import assert from 'node:assert/strict';
import { buildGroupDeletedCard } from '../../cards/group-deleted-card';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { marketing, NOW } from './fixtures';

describe('cards/group-deleted-card', () => {
  it('offers Restore while restorable', () => {
    const card = buildGroupDeletedCard({ group: marketing, deletedAt: NOW, restorableUntil: '2026-12-26T14:30:00Z' });
    assertValidCard(card);
    assert.match(textOf(card), /You can restore it until Sat 26 Dec 2026, 14:30 UTC\./);
    assert.deepEqual(clickPayload(button(card, 'Restore')), { verb: 'groupRestore', groupId: marketing.id });
  });

  it('has no Restore button when the group is gone for good', () => {
    const card = buildGroupDeletedCard({ group: marketing, deletedAt: NOW });
    assert.equal(actionsOf(card).length, 0);
    assert.match(textOf(card), /It cannot be restored\./);
  });
});
