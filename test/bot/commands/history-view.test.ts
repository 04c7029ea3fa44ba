import assert from 'node:assert/strict';
import { historyLine, toCardEntry } from '../../../bot/commands/history-view';
import { buildJournalCard, describeJournalEntry } from '../../../cards/journal-card';
import type { JournalEntry } from '../../../bot/store/types';
import { assertNoLeaks } from '../../support/card-scan';

const NESTOR = { id: '53b5c2a0-1d4e-4f6a-9b8c-7d6e5f4a3b2c', name: 'Nestor Wilke' };
const MEGAN = { id: '11111111-2222-4333-8444-555555555555', name: 'Megan Bowen' };

/** A journal row as the store returns it. */
function row(over: Partial<JournalEntry>): JournalEntry {
  return {
    id: 'e2',
    seq: 2,
    at: new Date('2026-12-08T12:44:00Z'),
    action: 'member.remove',
    actor: MEGAN,
    requestedBy: null,
    approvedBy: null,
    tokenOfId: MEGAN.id,
    group: { id: '99999999-2222-4333-8444-555555555555', name: 'Marketing' },
    target: NESTOR,
    requestId: null,
    result: 'succeeded',
    status: 204,
    detail: null,
    before: null,
    after: null,
    undo: null,
    undoUntil: null,
    undoneAt: null,
    undoneBy: null,
    ...over,
  };
}

describe('bot/commands/history-view', () => {
  it('an old failed undo row with Graph\'s raw message becomes "Could not undo: …" with a plain reason', () => {
    const raw = row({
      result: 'failed',
      status: 404,
      detail: `undo of 71240000-1d4e-4f6a-9b8c-7d6e5f4a3b2c (remove Nestor Wilke from 'Marketing'): Resource '${NESTOR.id}' does not exist or one of its queried reference-property objects are not present.`,
    });
    const e = toCardEntry(raw);
    assert.ok(e);
    assert.equal(describeJournalEntry(e), 'Could not undo: remove Nestor Wilke from Marketing');
    assert.equal(e.detail, "I couldn't find 'Nestor Wilke'; it may have been deleted or renamed.");
    const card = buildJournalCard({ title: "History of 'Marketing'", entries: [e], now: '2026-12-08T13:00:00Z' });
    assertNoLeaks(card);
    assert.doesNotMatch(JSON.stringify(card), /nothing changed/, 'a failure is not also "nothing changed"');
    assert.match(historyLine(e, describeJournalEntry), /^Tue 8 Dec 2026, 12:44 UTC: Could not undo: remove Nestor/);
  });

  it('a new failed undo keeps its sentence; a successful undo shows no id', () => {
    const refused = toCardEntry(
      row({
        result: 'failed',
        status: 403,
        detail:
          "undo of e1 (remove Nestor Wilke from 'Marketing'): You don't have the rights to change 'Marketing', so Microsoft Graph refused.",
      }),
    );
    assert.equal(refused?.detail, "You don't have the rights to change 'Marketing', so Microsoft Graph refused.");
    const done = toCardEntry(
      row({ detail: "undo of 71240000-1d4e-4f6a-9b8c-7d6e5f4a3b2c (remove Nestor Wilke from 'Marketing')" }),
    );
    assert.ok(done);
    assert.equal(done.detail, undefined);
    assert.equal(describeJournalEntry(done), 'Undo: removed Nestor Wilke from Marketing');
    assertNoLeaks(buildJournalCard({ title: 'History', entries: [done], now: '2026-12-08T13:00:00Z' }));
  });

  it('a raw Graph reason on an ordinary failed row is rewritten through errorText', () => {
    const e = toCardEntry(
      row({
        action: 'member.add',
        result: 'failed',
        status: 400,
        detail: 'Request_BadRequest: Invalid object identifier',
      }),
    );
    assert.equal(e?.detail, 'Microsoft Graph refused that request as not valid.');
  });
});
