import assert from 'node:assert/strict';
import { parseCardAction } from '../../cards/card-action-parse';
import { actionPayload, markdownToText, renderCardText } from '../../cards/render-text';
import { SAMPLES } from './samples';

describe('cards/render-text', () => {
  it('numbers body and card actions in order and returns their payloads', () => {
    const r = renderCardText(SAMPLES['pendingApprovals']!());
    assert.deepEqual(
      r.actions.map((a) => `${a.number}) ${a.title}`),
      ['1) Approve', '2) Review or deny', '3) Approve', '4) Review or deny'],
    );
    assert.match(r.text, /^1\) Approve$/m);
    assert.match(r.text, /^4\) Review or deny$/m);
    assert.deepEqual(r.actions[2]?.data, { verb: 'approvalApprove', requestId: 'r4' });
  });

  it('renders facts as "name: value", tables as rows, and inputs as [input: label]', () => {
    const approval = renderCardText(SAMPLES['approval']!());
    assert.match(approval.text, /^Duration: 30 days$/m);
    assert.match(approval.text, /^\[input: Reason \(sent to the requester if you deny\)\]$/m);
    assert.deepEqual(
      approval.inputs.map((i) => i.id),
      ['reason'],
    );
    const outcome = renderCardText(SAMPLES['memberOutcome']!());
    assert.match(outcome.text, /^Person \| Outcome$/m);
    assert.match(outcome.text, /^Bob Stone \(bob@contoso\.com\) \| Already a member, so nothing changed$/m);
  });

  it('shows user text literally (escapes removed) and card times as UTC', () => {
    const r = renderCardText(SAMPLES['approvalApproved']!());
    assert.match(r.text, /^Approved by Olga Owner, \w{3} \d{1,2} \w{3} \d{4}, 14:02 UTC$/m);
    assert.equal(
      markdownToText('**Bold** \\*\\*lit\\*\\* {{DATE(2026-01-02T03:04:05Z, SHORT)}} {{TIME(2026-01-02T03:04:05Z)}}'),
      'Bold **lit** 2026-01-02 03:04 UTC',
    );
  });

  it('lists choices with the current value', () => {
    const r = renderCardText(SAMPLES['createForm']!());
    assert.match(r.text, /\[input: Type\] choices: Security group \/ Microsoft 365 group .* \(now: Security group\)/);
    const type = r.inputs.find((i) => i.id === 'groupType');
    assert.deepEqual(
      type?.choices?.map((c) => c.value),
      ['security', 'microsoft365'],
    );
  });

  it('actionPayload merges input values unless the action ignores inputs', () => {
    const r = renderCardText(SAMPLES['approval']!());
    const [approve, deny] = r.actions;
    assert.ok(approve && deny);
    assert.deepEqual(actionPayload(deny, { reason: 'not now' }), {
      reason: 'not now',
      verb: 'approvalDeny',
      requestId: 'r1',
    });
    assert.deepEqual(actionPayload(approve, { reason: 'ignored' }), { verb: 'approvalApprove', requestId: 'r1' });
    assert.deepEqual(parseCardAction(actionPayload(deny, { reason: 'not now' })), {
      ok: true,
      action: { verb: 'approvalDeny', requestId: 'r1', reason: 'not now' },
    });
  });

  it('data cannot override the action verb through inputs', () => {
    const r = renderCardText(SAMPLES['approval']!());
    const deny = r.actions[1];
    assert.ok(deny);
    assert.equal(actionPayload(deny, { verb: 'groupDelete', requestId: 'other' })['verb'], 'approvalDeny');
    assert.equal(actionPayload(deny, { requestId: 'other' })['requestId'], 'r1');
  });

  it('tolerates junk without throwing', () => {
    assert.deepEqual(renderCardText(null), { text: '', actions: [], inputs: [] });
    assert.equal(
      renderCardText({ body: [{ type: 'Image', altText: 'logo' }, 7, { type: 'Unknown' }] }).text,
      '[image: logo]',
    );
  });
});
