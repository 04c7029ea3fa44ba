/** The e2e card scan's collector and its root hook's check, on hand-made cards (no Playground needed). */
import { strict as assert } from 'node:assert';
import { assertShownClean } from '../e2e/support/card-scan-hook';
import { ADAPTIVE_CARD, CardScanLog } from './card-scan-collector';

const ID = '53b5c2a0-1d4e-4f6a-9b8c-7d6e5f4a3b2c';

function cardMessage(text: string, data: Record<string, unknown> = {}): { attachments: unknown[] } {
  const card = {
    type: 'AdaptiveCard',
    body: [{ type: 'TextBlock', text }],
    actions: [{ type: 'Action.Execute', title: 'Undo', data }],
  };
  return { attachments: [{ contentType: ADAPTIVE_CARD, content: card }] };
}

describe('test/support/card-scan-collector and the e2e card-scan hook', () => {
  it('fails naming the card text and the GUID it shows', () => {
    const log = new CardScanLog();
    log.recordMessage('createMessage m1 in gc', cardMessage('Marketing: 3 members'));
    log.recordMessage('updateMessage m2 in gc', cardMessage(`Removed ${ID} from Marketing`));
    assert.throws(
      () => assertShownClean(log),
      (err: Error) => {
        assert.match(err.message, /^card scan: 1 of 2 things the bot showed carry what only machines should see/);
        assert.match(err.message, /card \(updateMessage m2 in gc\): Removed 53b5c2a0-[^\n]* from Marketing/);
        assert.match(err.message, new RegExp(`matched: object id ${ID} in: Removed`));
        return true;
      },
    );
  });

  it('fails on Graph error wording in a text reply', () => {
    const log = new CardScanLog();
    log.recordMessage('createMessage m1 in pc', cardMessage('Done.'));
    log.recordMessage('createMessage m2 in pc', { text: 'Failed: Insufficient privileges to complete the operation.' });
    assert.throws(
      () => assertShownClean(log),
      /text \(createMessage m2 in pc\)[^]*matched: Graph phrase 'Insufficient/,
    );
  });

  it('fails when no card was scanned, even with clean text replies', () => {
    const log = new CardScanLog();
    assert.throws(() => assertShownClean(log), /no card was scanned \(0 text replies\)/);
    log.recordMessage('createMessage m1 in pc', { text: 'Hello', attachments: [] });
    assert.throws(() => assertShownClean(log), /no card was scanned \(1 text replies\)/);
  });

  it('passes clean cards whose button data carries ids, and ignores attachments that are not Adaptive Cards', () => {
    const log = new CardScanLog();
    log.recordMessage('createMessage m1 in gc', cardMessage('Removed Nestor Wilke from Marketing', { journalId: ID }));
    log.recordMessage('createMessage m2 in gc', {
      attachments: [{ contentType: 'application/vnd.microsoft.card.oauth', content: { connectionName: ID } }],
    });
    log.recordCard('invoke answer', { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Undone.' }] });
    assert.equal(log.cardCount(), 2);
    assert.doesNotThrow(() => assertShownClean(log));
  });
});
