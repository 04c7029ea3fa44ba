import assert from 'node:assert/strict';
import { buildJournalCard, canUndo, describeJournalEntry } from '../../cards/journal-card';
import type { JournalEntry } from '../../cards/view-models';
import { actionsOf, assertValidCard, clickPayload, textOf } from './card-helpers';
import { AN_HOUR_AGO, marketing, NOW, TWO_DAYS_AGO } from './fixtures';
import { SAMPLES } from './samples';
import { assertNoLeaks } from '../support/card-scan';

const entry: JournalEntry = {
  journalId: 'j1',
  at: AN_HOUR_AGO,
  operation: 'addMember',
  group: { id: marketing.id, displayName: 'Marketing' },
  target: { displayName: 'Ana Lopez' },
  askedBy: { displayName: 'Ana Lopez' },
  tokenOf: { displayName: 'Olga Owner' },
  result: 'succeeded',
  undoable: true,
};

describe('cards/journal-card', () => {
  it('without entries says nothing was changed through groupbot (changes made elsewhere may follow it)', () => {
    const card = buildJournalCard({ title: "History of 'Marketing'", entries: [], now: NOW });
    assertValidCard(card);
    assert.match(textOf(card), /History of 'Marketing'\nNo changes made through groupbot\./);
  });

  it('shows who asked, who approved, whose token, and Undo only within 24 hours on successes', () => {
    const card = SAMPLES['journal']!();
    assertValidCard(card);
    const text = textOf(card);
    assert.match(
      text,
      /Added Ana Lopez to Marketing\nThu 26 Nov 2026, 13:30 UTC · asked by Ana Lopez · approved by Olga Owner · done with Olga Owner's permissions\n1\) Undo/,
    );
    assert.match(text, /Could not make Diego an owner of Marketing\n.*\nDiego is a guest/);
    const undo = actionsOf(card).filter((a) => a.verb === 'undo');
    assert.equal(undo.length, 1, 'the 2-day-old and the failed entries get no Undo');
    assert.deepEqual(clickPayload(undo[0]!), { verb: 'undo', journalId: 'j1' });
  });

  it('canUndo respects the window, undone entries and the server flag', () => {
    assert.equal(canUndo(entry, NOW), true);
    assert.equal(canUndo({ ...entry, at: TWO_DAYS_AGO }, NOW), false);
    assert.equal(canUndo({ ...entry, undoneAt: NOW }, NOW), false);
    assert.equal(canUndo({ ...entry, undoable: false }, NOW), false);
    assert.equal(canUndo({ ...entry, at: '2026-11-25T14:30:01Z' }, NOW), true);
    assert.equal(canUndo({ ...entry, at: '2026-11-25T14:30:00Z' }, NOW), false);
  });

  it('describes operations in plain words', () => {
    assert.equal(describeJournalEntry({ ...entry, operation: 'addOwner' }), 'Made Ana Lopez an owner of Marketing');
    assert.equal(
      describeJournalEntry({ ...entry, operation: 'assignLicense', target: { displayName: 'Microsoft 365 E5' } }),
      'Assigned Microsoft 365 E5 to Marketing',
    );
  });

  it('titles a failed step as failed and an undo as an undo, with the reason in plain words', () => {
    const nestor = {
      ...entry,
      operation: 'removeMember' as const,
      target: { displayName: 'Nestor Wilke' },
      isUndo: true,
      undoable: false,
    };
    const failed = { ...nestor, journalId: 'j2', result: 'failed' as const, detail: "I couldn't find 'Nestor Wilke'." };
    assert.equal(describeJournalEntry(failed), 'Could not undo: remove Nestor Wilke from Marketing');
    assert.equal(describeJournalEntry(nestor), 'Undo: removed Nestor Wilke from Marketing');
    assert.equal(describeJournalEntry({ ...entry, result: 'failed' }), 'Could not add Ana Lopez to Marketing');
    const card = buildJournalCard({ title: "History of 'Marketing'", entries: [failed, nestor], now: NOW });
    assertValidCard(card);
    assertNoLeaks(card);
    assert.match(
      textOf(card),
      /Could not undo: remove Nestor Wilke from Marketing\n.*\nI couldn't find 'Nestor Wilke'\./,
    );
    assert.doesNotMatch(textOf(card), /Failed/);
  });
});
