import assert from 'node:assert/strict';
import { buildMemberOutcomeCard } from '../../cards/member-outcome-card';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { ana1, bob, guid, marketing, NOW, olga } from './fixtures';

const group = { id: marketing.id, displayName: 'Marketing' };

describe('cards/member-outcome-card', () => {
  it('lists each person with added / already a member / not found / refused with reason', () => {
    const card = buildMemberOutcomeCard({ operation: 'addMembers', groups: [group], outcomes: [
      { input: 'Ana', person: ana1, status: 'added' }, { input: 'Bob', person: bob, status: 'alreadyMember' },
      { input: 'Zed', status: 'notFound' }, { input: 'Olga', person: olga, status: 'refused', reason: 'the group is read-only' },
    ] });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /^Added 1 person to Marketing\. 1 already member, 1 not found, 1 refused\.$/m);
    assert.match(text, /^Ana Lopez \(ana\.lopez@contoso\.com\) \| Added$/m);
    assert.match(text, /^Bob Stone \(bob@contoso\.com\) \| Already a member$/m);
    assert.match(text, /^Zed \| Not found$/m);
    assert.match(text, /^Olga Owner \(olga@contoso\.com\) \| Refused: the group is read-only$/m);
    assert.equal(actionsOf(card).length, 0, 'no retry without failed rows');
  });

  it('offers "Retry the failed ones" only when rows failed, keyed by the operation', () => {
    const card = buildMemberOutcomeCard({ operation: 'removeMembers', groups: [group], operationId: 'op-7', outcomes: [
      { input: 'Ana', person: ana1, status: 'removed' }, { input: 'Bob', person: bob, status: 'failed', reason: 'throttled' },
    ] });
    assert.deepEqual(clickPayload(button(card, 'Retry the failed ones (1)')), { verb: 'retryFailed', operationId: 'op-7' });
    assert.match(textOf(card), /^Removed 1 person from Marketing\. 1 failed\.$/m);
  });

  it('says "as owner of" when owners are removed, not "from" (they may still be members)', () => {
    const card = buildMemberOutcomeCard({ operation: 'removeOwners', groups: [group], outcomes: [
      { input: 'Bob', person: bob, status: 'refused', reason: 'A group must keep at least one owner.' },
    ] });
    assert.match(textOf(card), /^Removed 0 people as owner of Marketing\. 1 refused\.$/m);
  });

  it('adds a group column when several groups were named, and Undo while the window is open', () => {
    const other = { id: guid(120), displayName: 'Sales' };
    const card = buildMemberOutcomeCard({ operation: 'addOwners', groups: [group, other], undo: { journalId: 'j9', undoUntil: '2026-11-27T14:00:00Z', now: NOW }, outcomes: [
      { input: 'Ana', person: ana1, group, status: 'added' }, { input: 'Ana', person: ana1, group: other, status: 'alreadyMember' },
    ] });
    assertValidCard(card);
    assert.match(textOf(card), /^Person \| Group \| Outcome$/m);
    assert.match(textOf(card), /\| Sales \| Already an owner$/m);
    assert.deepEqual(clickPayload(button(card, 'Undo')), { verb: 'undo', journalId: 'j9' });
    const expired = buildMemberOutcomeCard({ operation: 'addOwners', groups: [group], undo: { journalId: 'j9', undoUntil: '2026-11-26T00:00:00Z', now: NOW }, outcomes: [] });
    assert.equal(actionsOf(expired).length, 0);
  });
});
