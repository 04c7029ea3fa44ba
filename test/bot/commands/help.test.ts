import { strict as assert } from 'node:assert';
import { CAPABILITIES, run } from '../../../bot/commands/help';
import type { CommandContext } from '../../../bot/commands/context';
import { featuredExamples, helpLines } from '../../../bot/language';

describe('bot/commands/help', () => {
  it('says every help line of the intent table, and shows them and the featured examples on the card', async () => {
    assert.deepEqual([...CAPABILITIES], helpLines());
    const ctx = { actor: { id: 'a', displayName: 'Ana' } } as unknown as CommandContext;
    const out = await run({ intent: 'help' }, ctx);
    const text = out.replies[0]?.text ?? '';
    for (const line of helpLines()) assert.ok(text.includes(line), line);
    const card = JSON.stringify(out.replies[0]?.card);
    assert.match(card, /Offboard someone from every group/);
    for (const example of featuredExamples()) assert.ok(card.includes(JSON.stringify(example).slice(1, -1)), example);
  });
});
