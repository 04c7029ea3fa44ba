import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { INTENT_NAMES, parseIntent, type Intent } from '../../../bot/language';

interface Case {
  text: string;
  expect: Intent;
}

const corpusPath = path.join(__dirname, 'corpus.jsonl');
const cases: Case[] = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line, i) => {
    const parsed = JSON.parse(line) as Case;
    if (typeof parsed.text !== 'string' || typeof parsed.expect?.intent !== 'string')
      throw new Error(`corpus line ${i + 1} is malformed`);
    return parsed;
  });

describe('bot/language corpus', () => {
  it('holds at least 300 distinct utterances', () => {
    assert.ok(cases.length >= 300, `only ${cases.length} utterances`);
    assert.equal(new Set(cases.map((c) => c.text)).size, cases.length, 'duplicate utterances');
  });

  it('covers every intent of the design table (with the people corpus and the round 3 tuning corpus)', () => {
    const people = ['corpus-people.jsonl', 'corpus-round3.jsonl'].flatMap((file) =>
      readFileSync(path.join(__dirname, file), 'utf8')
        .split('\n')
        .filter((l) => l.trim()),
    );
    const seen = new Set([
      ...cases.map((c) => c.expect.intent),
      ...people.map((l) => (JSON.parse(l) as Case).expect.intent),
    ]);
    const missing = INTENT_NAMES.filter((name) => !seen.has(name));
    assert.deepEqual(missing, []);
  });

  for (const [i, c] of cases.entries()) {
    const label = JSON.stringify(c.text.length > 70 ? c.text.slice(0, 70) + '…' : c.text);
    it(`#${i + 1} ${label} → ${c.expect.intent}`, () => {
      assert.deepStrictEqual(parseIntent(c.text), c.expect);
    });
  }
});
