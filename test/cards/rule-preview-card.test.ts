import assert from 'node:assert/strict';
import { buildRulePreviewCard } from '../../cards/rule-preview-card';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { ana1, bob, dynGroup, NOW } from './fixtures';

describe('cards/rule-preview-card', () => {
  it('shows count, sample, added/removed against current members, warnings and the as-of time', () => {
    const card = buildRulePreviewCard({
      rule: 'user.city -eq "Seattle"',
      group: { id: dynGroup.id, displayName: dynGroup.displayName },
      matchCount: 12,
      sample: [ana1],
      added: { count: 2, sample: [ana1] },
      removed: { count: 1, sample: [bob] },
      warnings: ['Users with no city never match.'],
      asOf: NOW,
      applyPendingId: 'p7',
    });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /^12 people would match\nas of Thu 26 Nov 2026, 14:30 UTC\nAna Lopez/m);
    assert.match(text, /and 11 more/);
    assert.match(text, /Would be added: 2\nAna Lopez[^\n]*\nand 1 more/);
    assert.match(text, /Would be removed: 1\nBob Stone/);
    assert.match(text, /Warnings\nUsers with no city never match\./);
    assert.deepEqual(clickPayload(button(card, 'Apply rule')), { verb: 'confirm', pendingId: 'p7' });
    assert.match(card.fallbackText, /12 people would match user\.city -eq "Seattle" \(2 added, 1 removed\)/);
  });

  it('is read-only without a pending change', () => {
    const card = buildRulePreviewCard({
      rule: 'user.city -eq "Oslo"',
      matchCount: 1,
      sample: [bob],
      warnings: [],
      asOf: NOW,
    });
    assertValidCard(card);
    assert.equal(actionsOf(card).length, 0);
    assert.match(textOf(card), /^1 person would match$/m);
  });
});
