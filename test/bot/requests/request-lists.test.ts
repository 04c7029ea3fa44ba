import { strict as assert } from 'node:assert';
import { stateLine } from '../../../bot/requests/request-lists';
import type { AccessRequest, RequestState } from '../../../bot/store/types';

function request(groupName: string, state: RequestState, decidedByName: string | null = null): AccessRequest {
  const at = new Date('2026-12-01T09:00:00Z');
  return {
    id: `r-${groupName}`,
    requesterId: 'ana',
    requesterUpn: 'ana@contoso.com',
    requesterName: 'Ana Silva',
    groupId: `g-${groupName}`,
    groupName,
    justification: 'I prepare the quarterly review',
    durationDays: null,
    state,
    decidedById: decidedByName ? 'someone' : null,
    decidedByName,
    decidedAt: decidedByName ? at : null,
    reason: state === 'denied' ? 'Not this quarter' : null,
    createdAt: at,
    updatedAt: at,
    expiresAt: at,
    remindedAt: null,
    reminderCount: 0,
    mergedCount: 0,
    claimedUntil: null,
    attempts: 0,
    outcomeNotifiedAt: null,
    version: 1,
  };
}

describe('bot/requests/request-lists stateLine (the "my requests" line of a shared chat)', () => {
  it('names each group and where its request stands, never the justification or the reason', () => {
    const line = stateLine([
      request('Finance Readers', 'approved', 'Megan Bowen'),
      request('Legal', 'pending'),
      request('Sales', 'denied', 'Miriam Graham'),
      request('Design Team', 'approving', 'Lidia Holloway'),
      request('Marketing', 'cancelled'),
    ]);
    assert.equal(
      line,
      'Finance Readers (approved by Megan Bowen), Legal (waiting for a decision), Sales (denied by Miriam Graham), ' +
        'Design Team (approved by Lidia Holloway, being added), Marketing (cancelled)',
    );
    assert.doesNotMatch(line, /quarterly|Not this quarter/);
  });

  it('counts the requests past the fifth', () => {
    const many = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((g) => request(g, 'expired'));
    assert.equal(stateLine(many), 'A (expired), B (expired), C (expired), D (expired), E (expired) and 2 more');
  });
});
