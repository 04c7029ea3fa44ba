import assert from 'node:assert/strict';
import { executeButton, sendTextButton } from '../../cards/actions';
import { parseCardAction } from '../../cards/card-action-parse';

describe('cards/actions (buttons typed by the card-verb registry)', () => {
  it('an Action.Execute button carries its verb on the action and in its data, without undefined fields', () => {
    const b = executeButton('Undo', { verb: 'undo', journalId: 'j1' });
    assert.deepEqual(b, {
      type: 'Action.Execute',
      title: 'Undo',
      verb: 'undo',
      data: { verb: 'undo', journalId: 'j1' },
    });
    const c = executeButton(
      'Cancel',
      { verb: 'cancel', pendingId: undefined },
      { ignoreInputs: true, style: 'default' },
    );
    assert.deepEqual(c, {
      type: 'Action.Execute',
      title: 'Cancel',
      verb: 'cancel',
      data: { verb: 'cancel' },
      associatedInputs: 'none',
    });
    assert.deepEqual(parseCardAction(c.data), { ok: true, action: { verb: 'cancel' } });
  });

  it('a sendText button posts its text as imBack, and its data parses to the text alone', () => {
    const s = sendTextButton('Try', 'who owns X');
    assert.deepEqual(s.data, {
      verb: 'sendText',
      text: 'who owns X',
      msteams: { type: 'imBack', value: 'who owns X' },
    });
    assert.equal(s.associatedInputs, 'none');
    assert.deepEqual(parseCardAction(s.data), { ok: true, action: { verb: 'sendText', text: 'who owns X' } });
  });
});
