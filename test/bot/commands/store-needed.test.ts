import { strict as assert } from 'node:assert';
import { storeNeeded } from '../../../bot/commands/store-needed';
import { runIntent } from '../../../bot/commands/dispatch';
import { MemoryPendingStore } from '../../../bot/commands/pending-memory';
import { parseIntent } from '../../../bot/language';

describe('bot/commands/store-needed', () => {
  it('says in one sentence what to run', () => {
    const text = storeNeeded('Access requests');
    assert.match(text, /^Access requests need the bot's store, which this chat runs without: /);
    assert.match(text, /`npm start`/);
    assert.match(text, /`npx groupbot chat --as <your sign-in>`/);
    assert.equal(text.split(/[.!?](\s|$)/).filter((s) => s.trim()).length, 1, 'one sentence');
  });

  it('is what every command that needs the store answers without one', async () => {
    const ctx = {
      actor: { id: 'megan-id', displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.com' },
      // Never reached: each answer comes before any Graph call (a boundary no local part needs to play here).
      graph: new Proxy({}, { get: () => assert.fail('Graph was used') }) as never,
      pending: new MemoryPendingStore(),
      now: () => new Date(),
    };
    for (const [text, what] of [
      ['my requests', 'Access requests'],
      ['pending approvals', 'Access requests'],
      ['undo', 'History and Undo'],
    ] as const) {
      const out = await runIntent(parseIntent(text), ctx);
      assert.match(out.replies.map((r) => r.text).join('\n'), new RegExp(`^${what} need the bot's store`), text);
    }
  });
});
