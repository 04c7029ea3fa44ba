import assert from 'node:assert/strict';
import { assertNoLeaks, cardLeaks } from './card-scan';

describe('test/support/card-scan', () => {
  it('finds object ids and Graph error wording in shown text, not in button payloads or element ids', () => {
    const card = {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', id: 'x', text: "Failed: Resource '53b5c2a0-1d4e-4f6a-9b8c-7d6e5f4a3b2c' does not exist." },
        { type: 'FactSet', facts: [{ title: 'Code', value: 'Request_ResourceNotFound' }] },
      ],
      actions: [
        {
          type: 'Action.Execute',
          title: 'Undo',
          data: { verb: 'undo', journalId: 'c0ffee00-1d4e-4f6a-9b8c-7d6e5f4a3b2c' },
        },
      ],
      fallbackText: 'ErrorCode: 42',
    };
    const leaks = cardLeaks(card);
    assert.equal(leaks.filter((l) => l.startsWith('object id 53b5c2a0')).length, 1);
    assert.ok(leaks.some((l) => l.includes("'Request_'")));
    assert.ok(leaks.some((l) => l.includes("'ErrorCode'")));
    assert.ok(leaks.some((l) => l.includes("'Resource ''")));
    assert.ok(!leaks.some((l) => l.includes('c0ffee00')), 'payload ids are not shown');
    assert.throws(() => assertNoLeaks(card), /shows what only machines should see/);
  });

  it('passes a card that speaks plainly', () => {
    assertNoLeaks({ body: [{ type: 'TextBlock', text: "Could not undo: remove Nestor Wilke from 'Marketing'." }] });
  });
});
