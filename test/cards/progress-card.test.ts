import assert from 'node:assert/strict';
import { buildProgressCard, progressBar } from '../../cards/progress-card';
import { assertValidCard, textOf } from './card-helpers';
import { marketing } from './fixtures';

describe('cards/progress-card', () => {
  it('says "Added 40 of 200…" with a bar', () => {
    const card = buildProgressCard({
      operation: 'addMembers',
      group: { id: marketing.id, displayName: 'Marketing' },
      done: 40,
      total: 200,
    });
    assertValidCard(card);
    assert.match(textOf(card), /^Added 40 of 200 to Marketing…$/m);
    assert.equal(card.fallbackText, 'Added 40 of 200 to Marketing…');
    assert.match(textOf(card), /20%/);
  });

  it('draws the bar proportionally and clamps', () => {
    assert.equal(progressBar(1, 2, 4), '■■□□ 50%');
    assert.equal(progressBar(5, 2, 4), '■■■■ 100%');
    assert.equal(progressBar(0, 0, 2), '■■ 100%');
  });
});
