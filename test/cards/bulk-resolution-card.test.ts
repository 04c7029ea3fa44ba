import assert from 'node:assert/strict';
import { buildBulkResolutionCard } from '../../cards/bulk-resolution-card';
import { renderCardText } from '../../cards/render-text';
import { assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { ana1, ana2, bob, marketing } from './fixtures';
import { SAMPLES } from './samples';

describe('cards/bulk-resolution-card', () => {
  const card = buildBulkResolutionCard({
    batchId: 'b7',
    group: { id: marketing.id, displayName: 'Marketing' },
    operation: 'addMembers',
    rows: [
      { index: 0, input: 'bob@contoso.com', status: 'resolved', person: bob },
      { index: 1, input: 'Ana', status: 'ambiguous', candidates: [ana1, ana2] },
      { index: 2, input: 'Zed', status: 'notFound' },
    ],
  });

  it('shows resolved, ambiguous with a pick, and not found, before anything is written', () => {
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /3 names for Marketing: 1 resolved, 1 ambiguous, 1 not found\./);
    assert.match(text, /Nothing has been changed yet\./);
    assert.match(text, /^bob@contoso\.com \| Bob Stone \(bob@contoso\.com\)$/m);
    assert.match(text, /^3 \| Zed \| No match$/m);
    const pick = renderCardText(card).inputs.find((i) => i.id === 'pick_1');
    assert.deepEqual(
      pick?.choices?.map((c) => c.value),
      [ana1.id, ana2.id],
    );
  });

  it('"Add the N resolved" sends the batch and the picks; Cancel ignores inputs', () => {
    assert.deepEqual(clickPayload(button(card, 'Add the 1 resolved'), { pick_1: ana2.id }), {
      verb: 'bulkAdd',
      batchId: 'b7',
      picks: [{ index: 1, objectId: ana2.id }],
    });
    assert.deepEqual(clickPayload(button(card, 'Add the 1 resolved'), { pick_1: '' }), {
      verb: 'bulkAdd',
      batchId: 'b7',
      picks: [],
    });
    assert.deepEqual(clickPayload(button(card, 'Cancel'), { pick_1: ana2.id }), { verb: 'cancel', pendingId: 'b7' });
  });

  it('keeps a 200-line paste within the Teams size limit by summarising resolved rows', () => {
    const big = SAMPLES['bulkResolution']!();
    assertValidCard(big);
    assert.ok(JSON.stringify(big).length < 28 * 1024);
    assert.match(textOf(big), /and 145 more/);
    assert.match(textOf(big), /Add the 160 resolved/);
  });
});
