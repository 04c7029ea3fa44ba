import assert from 'node:assert/strict';
import { buildConfirmationCard } from '../../cards/confirmation-card';
import { actionsOf, assertValidCard, clickPayload, textOf } from './card-helpers';

describe('cards/confirmation-card', () => {
  it('shows title, facts and what will happen, with Confirm / Cancel for the pending operation', () => {
    const card = buildConfirmationCard({
      pendingId: 'p5',
      title: 'Assign E5 to Marketing?',
      facts: [
        { title: 'Licence', value: 'Microsoft 365 E5' },
        { title: 'Group', value: '_Marketing_' },
      ],
      consequence: 'All 42 members get the licence.',
      destructive: true,
      confirmLabel: 'Assign',
    });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /^Licence: Microsoft 365 E5$/m);
    assert.match(text, /^Group: _Marketing_$/m);
    assert.match(text, /All 42 members get the licence\./);
    const [confirm, cancel] = actionsOf(card);
    assert.equal(confirm?.title, 'Assign');
    assert.deepEqual(clickPayload(confirm!), { verb: 'confirm', pendingId: 'p5' });
    assert.deepEqual(clickPayload(cancel!), { verb: 'cancel', pendingId: 'p5' });
    assert.equal((card.actions?.[0] as { style?: string } | undefined)?.style, 'destructive');
  });
});

describe('cards/confirmation-card look-ahead parts', () => {
  it('names who is left as is, adds notes, and puts warnings in a Warnings block', () => {
    const card = buildConfirmationCard({
      pendingId: 'p6',
      title: 'Add Ana and Bob to Marketing',
      facts: [],
      consequence: 'Bob will become a member.',
      skipped: [{ reason: 'Already a member', names: ['Ana'] }],
      notes: ['Bob will get Office 365 E5 through this group.'],
      warnings: ['Bob is a guest from outside your organisation.'],
    });
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /^Already a member, so left as is: Ana\.$/m);
    assert.match(text, /^Bob will get Office 365 E5 through this group\.$/m);
    assert.match(text, /^Warnings\n• Bob is a guest from outside your organisation\.$/m);
    assert.match(card.fallbackText ?? '', /Warning: Bob is a guest/);
  });
});
