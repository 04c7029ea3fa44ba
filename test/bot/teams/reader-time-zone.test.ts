import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { localizeReply, readerTimeZone } from '../../../bot/teams/reader-time-zone';
import { buildJournalCard } from '../../../cards/journal-card';

describe('bot/teams/reader-time-zone', () => {
  it("reads the sender's zone from localTimezone, else from a clientInfo entity; nothing for an unknown zone", () => {
    assert.equal(readerTimeZone({ localTimezone: 'Europe/Paris' } as Partial<Activity>), 'Europe/Paris');
    assert.equal(
      readerTimeZone({ entities: [{ type: 'clientInfo', timezone: 'Asia/Tokyo', locale: 'en-US' }] }),
      'Asia/Tokyo',
    );
    assert.equal(readerTimeZone({ localTimezone: 'Not/AZone' } as Partial<Activity>), undefined);
    assert.equal(readerTimeZone({ entities: [{ type: 'mention', timezone: 'Asia/Tokyo' }] }), undefined);
    assert.equal(readerTimeZone({}), undefined);
  });

  it("shows a card's times and its reply text in the reader's zone, and in UTC (said so) without one", () => {
    const card = buildJournalCard({
      title: 'History of Marketing',
      now: '2026-12-08T13:00:00Z',
      entries: [
        {
          journalId: 'j1',
          at: '2026-12-08T12:44:00Z',
          operation: 'addMember',
          group: { id: 'g', displayName: 'Marketing' },
          target: { displayName: 'Ana' },
          askedBy: { id: 'u', displayName: 'Megan' },
          tokenOf: { id: 'u', displayName: 'Megan' },
          result: 'succeeded',
          undoable: true,
        },
      ],
    });
    const given = { text: 'Added at Tue 8 Dec 2026, 12:44 UTC.', card: card as unknown as Record<string, unknown> };
    const paris = localizeReply(given, 'Europe/Paris');
    assert.equal(paris.text, 'Added at Tue 8 Dec 2026, 13:44 Paris time.');
    assert.match(JSON.stringify(paris.card), /Tue 8 Dec 2026, 13:44 Paris time · asked by Megan/);
    assert.doesNotMatch(JSON.stringify(paris.card), /12:44 UTC/);
    const utc = localizeReply(given, undefined);
    assert.match(JSON.stringify(utc.card), /Tue 8 Dec 2026, 12:44 UTC · asked by Megan/);
  });
});
