import assert from 'node:assert/strict';
import { consequenceOf } from '../../../bot/commands/membership-confirm';
import { runIntent } from '../../../bot/commands/dispatch';
import { MemoryPendingStore } from '../../../bot/commands/pending-memory';
import { parseIntent } from '../../../bot/language';
import { sharedTestServices } from '../../support/bot-services';

describe('bot/commands/membership-change consequenceOf', () => {
  it('uses "a member" / "an owner" for one person', () => {
    assert.equal(
      consequenceOf({ op: 'add', relation: 'members' }, 'This person', false, "'Marketing'"),
      "This person will become a member of 'Marketing'.",
    );
    assert.equal(
      consequenceOf({ op: 'remove', relation: 'owners' }, 'You', false, "'Legal'"),
      "You will no longer be an owner of 'Legal'.",
    );
  });

  it('uses the plural for several people', () => {
    assert.equal(
      consequenceOf({ op: 'remove', relation: 'members' }, 'They', true, "'Sales'"),
      "They will no longer be members of 'Sales'.",
    );
    assert.equal(
      consequenceOf({ op: 'add', relation: 'owners' }, 'They', true, "'Sales'"),
      "They will become owners of 'Sales'.",
    );
  });
});

describe('bot/commands/membership-change: a pasted list that arrived on one line', () => {
  it('says how to paste it, before any Graph call', async function () {
    this.timeout(120_000); // the shared in-memory store opens first (PGlite initdb)
    // The Graph session is a boundary this check must never reach: any use of it fails the test.
    const graph = new Proxy(
      {},
      {
        get: (_t, prop) => {
          throw new Error(`Graph was used (${String(prop)})`);
        },
      },
    );
    const services = await sharedTestServices();
    const out = await runIntent(
      parseIntent('add these to Marketing: Lee Gu Bob Kelly Nobody Here'),
      services.context(
        { id: 'megan-id', displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.com' },
        graph as never,
        { pending: new MemoryPendingStore() },
      ),
    );
    assert.equal(out.replies.length, 1);
    assert.equal(
      out.replies[0]?.text,
      'Your list arrived on one line ("Lee Gu Bob Kelly Nobody Here"), so I cannot tell where one name ends and the ' +
        'next begins. Separate them with commas, e.g. "add these to Marketing: Ana Silva, Bob Kelly" (the Agents ' +
        'Playground joins pasted lines into one). Nothing has been changed.',
    );
  });
});
