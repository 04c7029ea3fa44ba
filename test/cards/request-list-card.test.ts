import assert from 'node:assert/strict';
import { buildRequestListCard } from '../../cards/request-list-card';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { SAMPLES } from './samples';

describe('cards/request-list-card', () => {
  it('my requests: Cancel on pending ones only, More with the cursor', () => {
    const card = SAMPLES['myRequests']!();
    assertValidCard(card);
    const actions = actionsOf(card);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Cancel request', 'More'],
    );
    assert.deepEqual(clickPayload(actions[0]!), { verb: 'requestCancel', requestId: 'r1' });
    assert.deepEqual(clickPayload(button(card, 'More')), { verb: 'listMore', list: 'myRequests', cursor: 'more1' });
    assert.match(textOf(card), /SecurityGroup101 · denied[\s\S]*denied by Olga Owner[\s\S]*Reason: no/);
  });

  it('pending approvals: Approve and Review or deny per request', () => {
    const card = SAMPLES['pendingApprovals']!();
    assertValidCard(card);
    const payloads = actionsOf(card).map((a) => clickPayload(a));
    assert.deepEqual(payloads, [
      { verb: 'approvalApprove', requestId: 'r3' },
      { verb: 'approvalOpen', requestId: 'r3' },
      { verb: 'approvalApprove', requestId: 'r4' },
      { verb: 'approvalOpen', requestId: 'r4' },
    ]);
    assert.match(textOf(card), /Bob Stone · bob@contoso\.com/);
  });

  it('says when the list is empty', () => {
    assert.match(textOf(buildRequestListCard({ view: 'pending', requests: [] })), /Nothing is waiting for you\./);
  });
});
