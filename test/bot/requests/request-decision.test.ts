import assert from 'node:assert/strict';
import { decide, isFinal, TRANSITIONS, type RequestFacts } from '../../../bot/requests/request-decision';
import type { RequestState } from '../../../bot/store/types';

const NOW = new Date('2025-03-03T15:30:00Z');
const ANA = { id: 'ana', name: 'Ana Asker' };
const OLGA = { id: 'olga', name: 'Olga Owner' };

function facts(state: RequestState, over: Partial<RequestFacts> = {}): RequestFacts {
  const decided = state !== 'pending' && state !== 'cancelled' && state !== 'expired';
  return {
    state,
    requesterId: ANA.id,
    requesterName: ANA.name,
    groupName: 'Marketing',
    decidedByName: decided ? OLGA.name : null,
    decidedAt: decided ? new Date('2025-03-03T14:02:00Z') : null,
    expiresAt: new Date('2025-03-17T14:00:00Z'),
    updatedAt: new Date('2025-03-03T14:05:00Z'),
    reason: null,
    ...over,
  };
}

describe('request state machine: decide', () => {
  it('lets an approver approve a pending request, into approving', () => {
    assert.deepEqual(decide(facts('pending'), 'approve', OLGA, NOW), {
      allowed: true,
      action: 'approve',
      from: 'pending',
      to: 'approving',
    });
  });

  it('lets an approver deny a pending request', () => {
    const d = decide(facts('pending'), 'deny', OLGA, NOW);
    assert.ok(d.allowed && d.to === 'denied');
  });

  it('refuses a second approval with who decided and when', () => {
    const d = decide(facts('approved'), 'approve', { id: 'bob', name: 'Bob Owner' }, NOW);
    assert.deepEqual(d, {
      allowed: false,
      refusal: {
        code: 'already-decided',
        state: 'approved',
        message: 'This request was already approved by Olga Owner at Mon 3 Mar 2025, 14:02 UTC.',
      },
    });
  });

  it('writes the decision time the one card way, whatever the day of the question', () => {
    const d = decide(facts('denied'), 'approve', OLGA, new Date('2025-03-05T09:00:00Z'));
    assert.ok(!d.allowed);
    assert.equal(d.refusal.message, 'This request was already denied by Olga Owner at Mon 3 Mar 2025, 14:02 UTC.');
  });

  it('formats times in the configured time zone', () => {
    const d = decide(facts('approved'), 'deny', OLGA, NOW, 'Europe/Berlin');
    assert.ok(!d.allowed);
    assert.equal(
      d.refusal.message,
      'This request was already approved by Olga Owner at Mon 3 Mar 2025, 15:02 Berlin time.',
    );
  });

  it('falls back to UTC on an unknown time zone', () => {
    const d = decide(facts('approved'), 'deny', OLGA, NOW, 'Mars/Olympus');
    assert.ok(!d.allowed);
    assert.match(d.refusal.message, /at Mon 3 Mar 2025, 14:02 UTC\.$/);
  });

  it('says an approval is under way while approving: who approved when, and whom it adds', () => {
    const d = decide(facts('approving'), 'deny', OLGA, NOW);
    assert.ok(!d.allowed);
    assert.equal(d.refusal.code, 'in-progress');
    assert.equal(d.refusal.message, `Approved by Olga Owner at Mon 3 Mar 2025, 14:02 UTC; adding ${ANA.name}…`);
  });

  it('explains a failed approval with its reason', () => {
    const d = decide(facts('failed', { reason: 'the group is read-only' }), 'approve', OLGA, NOW);
    assert.ok(!d.allowed);
    assert.match(
      d.refusal.message,
      /approved by Olga Owner at Mon 3 Mar 2025, 14:02 UTC, but adding the member failed: the group is read-only$/,
    );
  });

  it('lets only the requester cancel', () => {
    const byOlga = decide(facts('pending'), 'cancel', OLGA, NOW);
    assert.ok(!byOlga.allowed);
    assert.equal(byOlga.refusal.code, 'not-requester');
    assert.equal(byOlga.refusal.message, 'Only Ana Asker, who asked, can cancel this request.');
    const byAna = decide(facts('pending'), 'cancel', ANA, NOW);
    assert.ok(byAna.allowed && byAna.to === 'cancelled');
  });

  it('refuses decisions on a pending request past its expiry', () => {
    const late = new Date('2025-03-18T00:00:00Z');
    for (const action of ['approve', 'deny', 'cancel', 'remind'] as const) {
      const d = decide(facts('pending'), action, action === 'cancel' ? ANA : OLGA, late);
      assert.ok(!d.allowed, action);
      assert.equal(d.refusal.code, 'expired', action);
    }
  });

  it('expires only when due', () => {
    const early = decide(facts('pending'), 'expire', OLGA, NOW);
    assert.ok(!early.allowed);
    assert.equal(early.refusal.code, 'not-applicable');
    const due = decide(facts('pending'), 'expire', OLGA, new Date('2025-03-17T14:00:00Z'));
    assert.ok(due.allowed && due.to === 'expired');
  });

  it('completes or fails only an approving request', () => {
    const c = decide(facts('approving'), 'complete', OLGA, NOW);
    assert.ok(c.allowed && c.to === 'approved');
    const f = decide(facts('approving'), 'fail', OLGA, NOW);
    assert.ok(f.allowed && f.to === 'failed');
    const wrong = decide(facts('pending'), 'complete', OLGA, NOW);
    assert.ok(!wrong.allowed);
    assert.equal(wrong.refusal.code, 'not-applicable');
  });

  it('refuses every user action on every final state', () => {
    for (const state of ['approved', 'denied', 'cancelled', 'expired', 'failed'] as const) {
      assert.equal(isFinal(state), true, state);
      for (const action of ['approve', 'deny', 'cancel', 'expire', 'remind'] as const) {
        const d = decide(facts(state), action, ANA, NOW);
        assert.ok(!d.allowed, `${action} on ${state}`);
        assert.equal(d.refusal.code, 'already-decided', `${action} on ${state}`);
      }
    }
    assert.equal(isFinal('pending'), false);
    assert.equal(isFinal('approving'), false);
  });

  it('describes cancellations and expiries in their own words', () => {
    const c = decide(facts('cancelled'), 'approve', OLGA, NOW);
    assert.ok(!c.allowed);
    assert.equal(c.refusal.message, 'This request was cancelled by Ana Asker at Mon 3 Mar 2025, 14:05 UTC.');
    const e = decide(facts('expired', { expiresAt: new Date('2025-03-03T12:00:00Z') }), 'approve', OLGA, NOW);
    assert.ok(!e.allowed);
    assert.equal(e.refusal.message, 'This request expired at Mon 3 Mar 2025, 12:00 UTC.');
  });

  it('has a transition table where only pending and approving have ways out', () => {
    const starts = new Set(Object.values(TRANSITIONS).flatMap((t) => t.from));
    assert.deepEqual([...starts].sort(), ['approving', 'pending']);
  });
});
