import { strict as assert } from 'node:assert';
import { MATCHERS } from '../../../../bot/language/matcher-order';
import { eligible, indexKeywords } from '../../../../bot/language/patterns/keyword-filter';
import { toUtterance } from '../../../../bot/language/quote-mask';
import { normalizeUtterance, stripCourtesy } from '../../../../bot/language/text-normalize';
import { fixTypos } from '../../../../bot/language/typo-fix';
import { CORPUS_FILES, loadCorpus } from '../corpus-load';

/** The texts a matcher may see for a message: the whole message, its typo-fixed form, and its lines and sentences. */
function clausesOf(text: string): string[] {
  const normalized = normalizeUtterance(text);
  const fixed = fixTypos(normalized);
  const parts = [normalized, fixed, ...fixed.split(/\n|(?<=[.?!;])\s+/), ...fixed.split(/,\s*/)];
  return [...new Set(parts.map((p) => stripCourtesy(p.trim()).replace(/[\s.?!,;:]+$/, '')).filter(Boolean))];
}

describe('bot/language keyword pre-filter', () => {
  it('reads a one-letter keyword as a whole word, not as the first letter of every word', () => {
    const index = indexKeywords([{ match: () => undefined, needs: 'i' }]);
    assert.deepEqual(eligible(index, 'is it in Sales'), [false]);
    assert.deepEqual(eligible(index, "i'd like to join Sales"), [true]);
  });

  it('runs a matcher only when the clause has one of its words (prefixes), or every matcher for a clause without words', () => {
    const index = indexKeywords([
      { match: () => undefined, needs: 'own' },
      { match: () => undefined, needs: 'add put' },
      { match: () => undefined, needs: 'zzz', also: /^\d{3}$/ },
    ]);
    assert.deepEqual(eligible(index, 'who OWNS Sales'), [true, false, false]);
    assert.deepEqual(eligible(index, 'put Ana in Sales'), [false, true, false]);
    assert.deepEqual(eligible(index, 'the weather'), [false, false, false]);
    assert.deepEqual(eligible(index, '123'), [false, false, true]);
    assert.deepEqual(eligible(index, '?!'), [true, true, true]);
    assert.throws(() => indexKeywords([{ match: () => undefined, needs: ' ' }]));
  });

  it('never hides a match: every matcher that reads a clause of the readable corpora has one of its words there', () => {
    const files = [...Object.values(CORPUS_FILES), 'corpus-round3.jsonl'];
    const hidden: string[] = [];
    let tried = 0;
    for (const file of files) {
      for (const c of loadCorpus(file)) {
        for (const clause of clausesOf(c.text)) {
          const u = toUtterance(clause);
          const ok = eligible(MATCHERS, u.masked);
          MATCHERS.matchers.forEach((m, i) => {
            tried += 1;
            if (!ok[i] && m.match(u) !== undefined) hidden.push(`matcher ${i} on ${JSON.stringify(clause)}`);
          });
        }
      }
    }
    assert.ok(tried > 50_000, `only ${tried} tries`);
    assert.deepEqual(hidden, []);
  });
});
