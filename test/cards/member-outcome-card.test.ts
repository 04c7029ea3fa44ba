import assert from 'node:assert/strict';
import { buildMemberOutcomeCard, outcomeSentence } from '../../cards/member-outcome-card';
import { actionsOf, assertValidCard, button, clickPayload, textOf } from './card-helpers';
import { ana1, bob, guid, marketing, NOW, olga } from './fixtures';

const group = { id: marketing.id, displayName: 'Marketing' };

describe('cards/member-outcome-card', () => {
  it('lists each person with added / already a member / not found / refused with reason', () => {
    const card = buildMemberOutcomeCard({
      operation: 'addMembers',
      groups: [group],
      outcomes: [
        { input: 'Ana', person: ana1, status: 'added' },
        { input: 'Bob', person: bob, status: 'alreadyMember' },
        { input: 'Zed', status: 'notFound' },
        { input: 'Olga', person: olga, status: 'refused', reason: 'the group is read-only' },
      ],
    });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /^Added 1 person to Marketing\. 1 was already a member, 1 not found, 1 refused\.$/m);
    assert.match(text, /^Ana Lopez \(ana\.lopez@contoso\.com\) \| Added$/m);
    assert.match(text, /^Bob Stone \(bob@contoso\.com\) \| Already a member, so nothing changed$/m);
    assert.match(text, /^Zed \| Not found in the directory$/m);
    assert.match(text, /^Olga Owner \(olga@contoso\.com\) \| Refused: the group is read-only$/m);
    assert.equal(actionsOf(card).length, 0, 'no retry without failed rows');
  });

  it('offers "Retry the failed ones" only when rows failed, keyed by the operation', () => {
    const card = buildMemberOutcomeCard({
      operation: 'removeMembers',
      groups: [group],
      operationId: 'op-7',
      outcomes: [
        { input: 'Ana', person: ana1, status: 'removed' },
        { input: 'Bob', person: bob, status: 'failed', reason: 'throttled' },
      ],
    });
    assert.deepEqual(clickPayload(button(card, 'Retry the failed ones (1)')), {
      verb: 'retryFailed',
      operationId: 'op-7',
    });
    assert.match(textOf(card), /^Removed 1 person from Marketing\. 1 failed\.$/m);
  });

  it('says "as owner of" when owners are removed, not "from" (they may still be members)', () => {
    const card = buildMemberOutcomeCard({
      operation: 'removeOwners',
      groups: [group],
      outcomes: [{ input: 'Bob', person: bob, status: 'refused', reason: 'A group must keep at least one owner.' }],
    });
    assert.match(textOf(card), /^Removed 0 people as owner of Marketing\. 1 refused\.$/m);
  });

  it('adds a group column when several groups were named, and Undo while the window is open', () => {
    const other = { id: guid(120), displayName: 'Sales' };
    const card = buildMemberOutcomeCard({
      operation: 'addOwners',
      groups: [group, other],
      undo: { journalId: 'j9', undoUntil: '2026-11-27T14:00:00Z', now: NOW },
      outcomes: [
        { input: 'Ana', person: ana1, group, status: 'added' },
        { input: 'Ana', person: ana1, group: other, status: 'alreadyMember' },
      ],
    });
    assertValidCard(card);
    assert.match(textOf(card), /^Person \| Group \| Outcome$/m);
    assert.match(textOf(card), /\| Sales \| Already an owner, so nothing changed$/m);
    assert.deepEqual(clickPayload(button(card, 'Undo')), { verb: 'undo', journalId: 'j9' });
    assert.match(
      textOf(card),
      /^Undo is available until Fri 27 Nov 2026, 14:00 UTC\.$/m,
      'one date format, with its time zone',
    );
    const expired = buildMemberOutcomeCard({
      operation: 'addOwners',
      groups: [group],
      undo: { journalId: 'j9', undoUntil: '2026-11-26T00:00:00Z', now: NOW },
      outcomes: [],
    });
    assert.equal(actionsOf(expired).length, 0);
  });

  it('a thousand rows: failures first, at most OUTCOME_ROWS_SHOWN listed, every row counted, a Warnings block', () => {
    const outcomes = Array.from({ length: 1000 }, (_, i) => ({
      input: `User ${i}`,
      status: i % 100 === 7 ? ('failed' as const) : ('added' as const),
    }));
    const card = buildMemberOutcomeCard({ operation: 'addMembers', groups: [group], outcomes, operationId: 'op' });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /^Added 990 people to Marketing\. 10 failed\.$/m);
    assert.match(text, /^User 7 \| Failed this time; you can retry$/m);
    assert.match(text, /960 more rows not shown/);
    assert.match(text, /^• 10 people could not be added this time/m);
    assert.ok(JSON.stringify(card).length < 28_000, 'under the Teams card size limit');
  });

  it('outcomeSentence reads naturally and carries no internal code', () => {
    assert.equal(
      outcomeSentence('Bob', 'alreadyMember', 'addMembers', 'Marketing'),
      "Bob was already a member of 'Marketing', so nothing changed for them.",
    );
    assert.equal(outcomeSentence('Bob', 'added', 'addOwners', 'Marketing'), "Bob is now an owner of 'Marketing'.");
    assert.equal(
      outcomeSentence('Bob', 'failed', 'removeMembers', 'Marketing', 'Microsoft Graph is throttling requests.'),
      'Bob could not be removed this time (Microsoft Graph is throttling requests); you can retry.',
    );
  });
});
