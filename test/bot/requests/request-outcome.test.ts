import assert from 'node:assert/strict';
import { describeOutcome } from '../../../bot/requests/request-outcome';
import type { AccessRequest } from '../../../bot/store/types';

const NOW = new Date('2025-03-03T15:00:00Z');

function request(over: Partial<AccessRequest>): AccessRequest {
  return {
    id: 'r1',
    requesterId: 'ana',
    requesterUpn: 'ana@contoso.test',
    requesterName: 'Ana Asker',
    groupId: 'g1',
    groupName: 'Marketing',
    justification: 'campaign',
    durationDays: null,
    state: 'pending',
    decidedById: null,
    decidedByName: null,
    decidedAt: null,
    reason: null,
    createdAt: new Date('2025-03-03T10:00:00Z'),
    updatedAt: new Date('2025-03-03T10:00:00Z'),
    expiresAt: new Date('2025-03-17T10:00:00Z'),
    remindedAt: null,
    reminderCount: 0,
    mergedCount: 0,
    claimedUntil: null,
    attempts: 0,
    outcomeNotifiedAt: null,
    version: 1,
    ...over,
  };
}

const decided = { decidedById: 'olga', decidedByName: 'Olga Owner', decidedAt: new Date('2025-03-03T14:02:00Z') };

describe('describeOutcome', () => {
  it('shows who approved and when, and tells the requester', () => {
    const v = describeOutcome(request({ state: 'approved', ...decided, durationDays: 30 }), NOW);
    assert.equal(v.headline, 'Approved by Olga Owner, Mon 3 Mar 2025, 14:02 UTC');
    assert.equal(v.final, true);
    assert.equal(
      v.requesterMessage,
      'Olga Owner approved your request: you are now a member of "Marketing" for 30 days.',
    );
    assert.equal(v.decidedAt, '2025-03-03T14:02:00.000Z');
  });

  it('quotes the deny reason to the requester', () => {
    const v = describeOutcome(request({ state: 'denied', ...decided, reason: 'use Marketing Readers instead' }), NOW);
    assert.equal(v.headline, 'Denied by Olga Owner, Mon 3 Mar 2025, 14:02 UTC');
    assert.equal(
      v.requesterMessage,
      'Olga Owner denied your request to join "Marketing": "use Marketing Readers instead".',
    );
    assert.equal(v.reason, 'use Marketing Readers instead');
  });

  it('has no requester message while the request is open', () => {
    assert.equal(describeOutcome(request({}), NOW).requesterMessage, null);
    assert.equal(describeOutcome(request({}), NOW).final, false);
    const approving = describeOutcome(request({ state: 'approving', ...decided }), NOW);
    assert.equal(approving.requesterMessage, null);
    assert.equal(approving.headline, 'Approved by Olga Owner, adding…');
  });

  it('describes expiry, cancellation and failure', () => {
    assert.equal(
      describeOutcome(request({ state: 'expired', expiresAt: new Date('2025-03-03T12:00:00Z') }), NOW).headline,
      'Expired, Mon 3 Mar 2025, 12:00 UTC',
    );
    assert.equal(
      describeOutcome(request({ state: 'cancelled', updatedAt: new Date('2025-03-03T11:00:00Z') }), NOW).headline,
      'Cancelled by Ana Asker, Mon 3 Mar 2025, 11:00 UTC',
    );
    const failed = describeOutcome(request({ state: 'failed', ...decided, reason: 'Insufficient privileges.' }), NOW);
    assert.equal(
      failed.requesterMessage,
      'Olga Owner approved your request to join "Marketing", but adding you failed: Insufficient privileges. Please ask again or contact the group owners.',
    );
  });
});
