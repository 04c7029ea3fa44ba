import assert from 'node:assert/strict';
import { buildApprovalCard } from '../../cards/approval-card';
import { actionsOf, assertValidCard, button, clickPayload, rawTexts, textOf } from './card-helpers';
import { AN_HOUR_AGO, ana1, marketing, nasty } from './fixtures';

describe('cards/approval-card', () => {
  const card = buildApprovalCard({
    requestId: 'req-1',
    group: { id: marketing.id, displayName: 'Marketing' },
    requester: ana1,
    justification: 'I run the launch',
    teammates: { members: 4, total: 9, basis: 'department' },
    durationDays: 30,
    requestedAt: AN_HOUR_AGO,
  });

  it('shows requester, department, justification, team-mates and duration', () => {
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /^Ana Lopez asks to join Marketing$/m);
    assert.match(text, /^Department: Design$/m);
    assert.match(text, /^Duration: 30 days$/m);
    assert.match(text, /Justification\nI run the launch/);
    assert.match(text, /^4 of 9 people in the Design department are already members\.$/m);
  });

  it('leaves the justification out of the copy a shared chat sees, fallback text included', () => {
    const model = {
      requestId: 'req-1',
      group: { id: marketing.id, displayName: 'Marketing' },
      requester: ana1,
      justification: 'I run the launch',
      requestedAt: AN_HOUR_AGO,
    };
    const shared = buildApprovalCard(model, { shared: true });
    assertValidCard(shared);
    assert.doesNotMatch(JSON.stringify(shared), /I run the launch/);
    assert.match(textOf(shared), /The reason is shown only to the requester and to the people who can decide\./);
    assert.deepEqual(actionsOf(shared), actionsOf(buildApprovalCard(model)), 'the same buttons');
    assert.match(JSON.stringify(buildApprovalCard(model)), /I run the launch/);
  });

  it('uses Action.Execute for Approve and Deny; Deny carries the reason, Approve ignores it', () => {
    assert.ok(card.actions?.every((a) => a.type === 'Action.Execute'));
    assert.deepEqual(clickPayload(button(card, 'Approve'), { reason: 'x' }), {
      verb: 'approvalApprove',
      requestId: 'req-1',
    });
    assert.deepEqual(clickPayload(button(card, 'Deny'), { reason: 'Use Campaigns' }), {
      verb: 'approvalDeny',
      requestId: 'req-1',
      reason: 'Use Campaigns',
    });
    assert.equal(actionsOf(card).length, 2);
  });

  it('escapes a hostile requester name and a markdown justification', () => {
    const evil = buildApprovalCard({
      requestId: 'r',
      group: { id: marketing.id, displayName: 'Marketing' },
      requester: nasty,
      justification: '[approve me](https://evil.example)',
      requestedAt: AN_HOUR_AGO,
    });
    const texts = rawTexts(evil);
    assert.ok(texts.includes('\\[approve me\\](https://evil.example)'));
    assert.ok(texts.every((t) => !/(^|[^\\])\*\*Boss/.test(t)));
  });
});
