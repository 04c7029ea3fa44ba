/**
 * The card verbs of access requests have their handlers in the one card-verb map (bot/commands/card-verb-handlers.ts,
 * entries from request-actions.ts), each payload having gone through parseCardAction first: crafted fields are
 * refused there.
 */
import { strict as assert } from 'node:assert';
import { parseCardAction } from '../../../cards/card-action-parse';
import { isCommandAction } from '../../../bot/commands/card-action-run';
import { CARD_VERB_HANDLERS } from '../../../bot/commands/card-verb-handlers';
import { REQUEST_VERB_HANDLERS } from '../../../bot/commands/request-actions';

const REQUEST_ID = 'b7c1d2e3-0000-4000-8000-000000000001';
const GROUP_ID = '11111111-2222-4333-8444-555555555555';

type RequestVerb = keyof typeof REQUEST_VERB_HANDLERS;
const REQUEST_VERBS = Object.keys(REQUEST_VERB_HANDLERS) as RequestVerb[];

/** What each request button sends, with its card's inputs filled in. */
const PAYLOADS: Record<RequestVerb, Record<string, unknown>> = {
  requestSubmit: { verb: 'requestSubmit', groupId: GROUP_ID, justification: 'x', pendingId: 'p1' },
  approvalApprove: { verb: 'approvalApprove', requestId: REQUEST_ID },
  approvalDeny: { verb: 'approvalDeny', requestId: REQUEST_ID, reason: 'no' },
  requestCancel: { verb: 'requestCancel', requestId: REQUEST_ID },
  approvalOpen: { verb: 'approvalOpen', requestId: REQUEST_ID },
  requestRefresh: { verb: 'requestRefresh', requestId: REQUEST_ID },
};

/** Fields a client could add that the server must never trust. */
const CRAFTED: Record<RequestVerb, Record<string, unknown>> = {
  requestSubmit: { requesterId: 'someone-else' },
  approvalApprove: { approvedBy: 'olga' },
  approvalDeny: { deniedBy: 'olga' },
  requestCancel: { requesterId: 'ana' },
  approvalOpen: { state: 'approved' },
  requestRefresh: { userIds: ['29:mallory'] },
};

describe('bot/commands/request-actions (request card verbs in the one card-verb map)', () => {
  it('are the six request verbs, each the one handler of its verb in the map', () => {
    assert.deepEqual([...REQUEST_VERBS].sort(), [
      'approvalApprove',
      'approvalDeny',
      'approvalOpen',
      'requestCancel',
      'requestRefresh',
      'requestSubmit',
    ]);
    for (const verb of REQUEST_VERBS) assert.equal(CARD_VERB_HANDLERS[verb], REQUEST_VERB_HANDLERS[verb], verb);
  });

  it('refuses every request payload with a crafted extra field, naming the field', () => {
    for (const verb of REQUEST_VERBS) {
      const [field] = Object.keys(CRAFTED[verb]);
      const parsed = parseCardAction({ ...PAYLOADS[verb], ...CRAFTED[verb] });
      assert.deepEqual(parsed, { ok: false, error: `The field "${field}" is not part of this button.` }, verb);
    }
  });

  it('leaves only sendText to the shell', () => {
    const parsed = parseCardAction({ verb: 'sendText', text: 'help' });
    assert.ok(parsed.ok);
    assert.equal(isCommandAction(parsed.action), false);
  });
});
