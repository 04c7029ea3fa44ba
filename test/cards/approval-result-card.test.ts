import assert from 'node:assert/strict';
import { buildApprovalResultCard } from '../../cards/approval-result-card';
import { actionsOf, assertValidCard, rawTexts, textOf } from './card-helpers';
import { ana1, marketing, NOW, olga } from './fixtures';

const base = {
  requestId: 'r1',
  group: { id: marketing.id, displayName: 'Marketing' },
  requester: ana1,
  justification: 'campaign',
  decidedAt: '2026-11-26T14:02:00Z',
};

describe('cards/approval-result-card', () => {
  it('"Approved by Olga Owner, Thu 26 Nov 2026, 14:02 UTC" in the one card time format, and no buttons', () => {
    const card = buildApprovalResultCard({ ...base, state: 'approved', decidedBy: olga });
    assertValidCard(card);
    assert.ok(rawTexts(card).includes('Approved by Olga Owner, Thu 26 Nov 2026, 14:02 UTC'));
    assert.match(textOf(card), /^Approved by Olga Owner, Thu 26 Nov 2026, 14:02 UTC$/m);
    assert.equal(actionsOf(card).length, 0);
    assert.match(card.fallbackText, /Approved by Olga Owner, Thu 26 Nov 2026, 14:02 UTC/);
  });

  it('shows a denial with its reason, a cancellation and an expiry', () => {
    assert.match(
      textOf(buildApprovalResultCard({ ...base, state: 'denied', decidedBy: olga, reason: 'Use *Campaigns*' })),
      /Denied by Olga Owner, Thu 26 Nov 2026, 14:02 UTC\nReason: Use \*Campaigns\*/,
    );
    assert.match(
      textOf(buildApprovalResultCard({ ...base, state: 'cancelled', decidedBy: ana1 })),
      /^Cancelled by Ana Lopez, Thu 26 Nov 2026, 14:02 UTC$/m,
    );
    assert.match(
      textOf(buildApprovalResultCard({ ...base, state: 'expired', decidedAt: NOW })),
      /^Expired without a decision, Thu 26 Nov 2026, 14:30 UTC$/m,
    );
  });
});
