import assert from 'node:assert/strict';
import { buildRulePreviewCard } from '../../cards/rule-preview-card';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { ana1, bob, dynGroup, NOW } from './fixtures';
import { NOTES_STYLE } from '../../cards/notes-block';
import { WARNINGS_STYLE } from '../../cards/warnings-block';

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

  it('puts how it was counted in a Note, never in the yellow Warnings box', () => {
    const note = "Counted by Microsoft Graph with the equivalent filter city eq 'Oslo'.";
    const card = buildRulePreviewCard({
      rule: 'user.city -eq "Oslo"',
      matchCount: 1,
      sample: [bob],
      warnings: [],
      notes: [note],
      asOf: NOW,
    });
    assertValidCard(card);
    const containers = (card.body as { type: string; style?: string; items?: { text?: string }[] }[]).filter(
      (e) => e.type === 'Container',
    );
    const holding = containers.find((c) => c.items?.some((i) => i.text === note));
    assert.ok(holding, 'the note is on the card');
    assert.equal(holding.style, NOTES_STYLE);
    assert.notEqual(holding.style, WARNINGS_STYLE);
    assert.match(textOf(card), /^Note\nCounted by Microsoft Graph/m);
    assert.doesNotMatch(textOf(card), /Warnings/);
  });
});
