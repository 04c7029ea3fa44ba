import { strict as assert } from 'node:assert';
import { buildNoticeCard, validateCard } from '../../cards';

describe('notice card', () => {
  it('holds one sentence, has fallback text and no buttons, and validates', () => {
    const card = buildNoticeCard("Restored 'Legal' *with* its members.");
    const v = validateCard(card);
    assert.deepEqual(v.errors, []);
    assert.equal(card.fallbackText, "Restored 'Legal' *with* its members.");
    assert.equal(card.actions, undefined);
    assert.match(JSON.stringify(card.body), /Restored 'Legal' \\\\\*with\\\\\* its members\./);
  });
});
