/**
 * The card verbs of access requests are routed where every other card verb is (bot/commands/card-action-run.ts),
 * each payload having gone through parseCardAction first; a setup without the requests layer answers each of them
 * with one sentence and does nothing.
 */
import { strict as assert } from 'node:assert';
import { parseCardAction } from '../../../cards/actions';
import { runCardAction } from '../../../bot/commands/card-action-run';
import { isRequestAction, REQUEST_VERBS } from '../../../bot/commands/request-actions';
import { REFUSALS } from '../../../bot/requests/request-refusals';
import type { CommandContext } from '../../../bot/commands/context';
import { createLogger } from '../../../bot/log';

const REQUEST_ID = 'b7c1d2e3-0000-4000-8000-000000000001';
const GROUP_ID = '11111111-2222-4333-8444-555555555555';

/** Crafted payloads, as a client could send them, with fields the server must never trust. */
const PAYLOADS: Record<(typeof REQUEST_VERBS)[number], Record<string, unknown>> = {
  requestSubmit: { verb: 'requestSubmit', groupId: GROUP_ID, justification: 'x', requesterId: 'someone-else' },
  approvalApprove: { verb: 'approvalApprove', requestId: REQUEST_ID, approvedBy: 'olga', state: 'approved' },
  approvalDeny: { verb: 'approvalDeny', requestId: REQUEST_ID, reason: 'no', deniedBy: 'olga' },
  requestCancel: { verb: 'requestCancel', requestId: REQUEST_ID, requesterId: 'ana' },
  approvalOpen: { verb: 'approvalOpen', requestId: REQUEST_ID },
  requestRefresh: { verb: 'requestRefresh', requestId: REQUEST_ID, userIds: ['29:mallory'] },
};

describe('bot/commands/request-actions (request card verbs routed with every other card verb)', () => {
  // A context without the requests layer (no store): nothing in it is reached but the actor and the log.
  const ctx = {
    actor: { id: 'a0000000-0000-4000-8000-000000000001', name: 'Mallory' },
    log: createLogger('error', () => undefined),
  } as unknown as CommandContext;

  it('parses every request verb to its own fields only (crafted extra fields are dropped)', () => {
    for (const verb of REQUEST_VERBS) {
      const parsed = parseCardAction(PAYLOADS[verb]);
      assert.ok(parsed.ok, verb);
      assert.ok(isRequestAction(parsed.action), verb);
      const json = JSON.stringify(parsed.action);
      assert.doesNotMatch(json, /approvedBy|deniedBy|requesterId|userIds|"state"/, `${verb}: ${json}`);
    }
  });

  it('routes every request verb in card-action-run.ts; without the requests layer, one sentence and nothing done', async () => {
    for (const verb of REQUEST_VERBS) {
      const parsed = parseCardAction(PAYLOADS[verb]);
      assert.ok(parsed.ok);
      const run = runCardAction(parsed.action, ctx);
      assert.ok(run, `${verb} is routed by runCardAction`);
      const out = await run;
      assert.deepEqual(out.replies, [{ text: REFUSALS.unavailable }], verb);
    }
  });

  it('leaves only sendText to the shell', () => {
    const parsed = parseCardAction({ verb: 'sendText', text: 'help' });
    assert.ok(parsed.ok);
    assert.equal(runCardAction(parsed.action, ctx), undefined);
  });
});
