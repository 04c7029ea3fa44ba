import { strict as assert } from 'node:assert';
import {
  INTENT_NAMES,
  INTENT_TABLE,
  featuredExamples,
  helpLines,
  intentSpec,
  parseIntent,
  slotProblems,
} from '../../../bot/language';
import { CORPUS_FILES, loadCorpus } from './corpus-load';

/** The corpora a test may read: the three older ones and the round 3 tuning file (never the round 3 held-back one). */
const READABLE = [...Object.values(CORPUS_FILES), 'corpus-round3.jsonl'];

describe('bot/language intent table', () => {
  it('names every intent once, each with a strict slot schema and at least one example', () => {
    assert.equal(new Set(INTENT_NAMES).size, INTENT_NAMES.length);
    assert.deepEqual([...INTENT_NAMES].sort(), Object.keys(INTENT_TABLE).sort());
    for (const name of INTENT_NAMES) assert.ok(intentSpec(name).examples.length > 0, name);
  });

  it('lists only declared slots in the people / groups / times / text roles', () => {
    for (const name of INTENT_NAMES) {
      const row = intentSpec(name);
      const shape = Object.keys((row.slots as unknown as { shape: Record<string, unknown> }).shape);
      for (const key of [...(row.people ?? []), ...(row.groups ?? []), ...(row.times ?? []), ...(row.text ?? [])])
        assert.ok(shape.includes(key), `${name}: role slot ${key} is not in its schema`);
    }
  });

  for (const name of INTENT_NAMES) {
    for (const example of intentSpec(name).examples) {
      it(`reads its example ${JSON.stringify(example)} as ${name}`, () => {
        const got = parseIntent(example);
        assert.equal(got.intent, name, JSON.stringify(got));
        assert.deepEqual(slotProblems(got), []);
      });
    }
  }

  it('accepts every expectation and every reading of the readable corpora (slot checks)', () => {
    let checked = 0;
    for (const file of READABLE) {
      for (const c of loadCorpus(file)) {
        assert.deepEqual(slotProblems(c.expect), [], `${file} expectation of ${JSON.stringify(c.text)}`);
        assert.deepEqual(slotProblems(parseIntent(c.text)), [], `${file} reading of ${JSON.stringify(c.text)}`);
        checked += 1;
      }
    }
    assert.ok(checked > 1200, `only ${checked} messages checked`);
  });

  it('rejects slots an intent does not take, values of the wrong shape and unknown intents', () => {
    assert.deepEqual(
      slotProblems({ intent: 'addMembers', users: ['Ana'], groups: ['Sales'] } as { intent: string }),
      [],
    );
    assert.equal(slotProblems({ intent: 'listGroups', users: ['Ana'] } as never).length, 1);
    assert.equal(slotProblems({ intent: 'smallTalk', topic: 'auditors' } as { intent: string }).length, 1);
    assert.deepEqual(slotProblems({ intent: 'findGroup', topic: 'auditors' } as { intent: string }), []);
    assert.equal(slotProblems({ intent: 'addMembers', users: [] } as { intent: string }).length, 1);
    assert.equal(slotProblems({ intent: 'groupPropertyQuestion', property: 'colour' } as never).length, 1);
    assert.equal(slotProblems({ intent: 'nope' }).length, 1);
    const nested = { intent: 'multi', steps: [{ intent: 'listOwners', groups: ['A'] }, { intent: 'multi' }] };
    assert.ok(slotProblems(nested as never).length > 0, 'a multi inside a multi');
  });

  it('gives the help text one line per capability and featured examples the parser reads', () => {
    const lines = helpLines();
    assert.ok(lines.length >= 10);
    assert.equal(new Set(lines).size, lines.length);
    assert.ok(lines.some((l) => /offboard/.test(l)));
    const featured = featuredExamples();
    assert.ok(featured.length >= 4 && featured.length <= 6, `${featured.length} featured examples`);
  });
});
