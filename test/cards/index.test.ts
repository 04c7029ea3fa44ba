import assert from 'node:assert/strict';
import { parseCardAction } from '../../cards/card-action-parse';
import { actionPayload, renderCardText } from '../../cards/render-text';
import { assertValidCard, rawTexts } from './card-helpers';
import { SAMPLES } from './samples';
import { assertNoLeaks } from '../support/card-scan';

/** A plausible value for each input, as a user would fill it in. */
function sampleInputs(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of renderCardText(card).inputs) {
    out[input.id] = input.value || (input.kind === 'choice' ? (input.choices?.[0]?.value ?? '') : 'sample text');
  }
  return out;
}

describe('cards (every builder)', () => {
  for (const [name, build] of Object.entries(SAMPLES)) {
    describe(name, () => {
      const card = build();

      it('passes validate-card: adaptivecards parse, version 1.5, fallback text, our rules', () => {
        assertValidCard(card);
        assert.equal(card.version, '1.5');
      });

      it('every button sends a payload that parseCardAction accepts', () => {
        const inputs = sampleInputs(card);
        for (const action of renderCardText(card).actions) {
          const parsed = parseCardAction(actionPayload(action, inputs));
          assert.ok(parsed.ok, `${action.title}: ${parsed.ok ? '' : parsed.error}`);
          assert.equal(parsed.action.verb, action.verb);
        }
      });

      it('does not leak unescaped markdown from names into text', () => {
        for (const text of rawTexts(card)) {
          assert.ok(!text.includes('**Boss**'), `raw bold from a name in "${text}"`);
          assert.ok(!/(^|[^\\])\]\(https:/.test(text), `raw link from a name in "${text}"`);
          assert.ok(!/(^|[^\\])\{\{DATE\(2026-01-01/.test(text), `date function from a name in "${text}"`);
        }
      });

      it('shows no object ids and no raw Graph error wording (test/support/card-scan.ts)', () => {
        assertNoLeaks(card, name);
      });
    });
  }
});
