/**
 * The field-rule checker behind the activity guard (pure): null and absent optional fields, required fields,
 * types, bounds and tests, nested objects and arrays with the path of the first problem, fields without a rule
 * passed through, and a copy handed back (the input is not changed).
 */
import { strict as assert } from 'node:assert';
import { checkFields, type FieldRules } from '../../../bot/teams/field-rules';

const RULES: FieldRules = {
  kind: { kind: 'string', required: true, min: 1, max: 8, tests: [[(s) => /^[a-z]+$/.test(s), 'must be lower case']] },
  note: { kind: 'string', max: 5 },
  reply: { kind: 'string', min: 1, emptyIsAbsent: true },
  flag: { kind: 'boolean' },
  who: { kind: 'object', required: true, fields: { id: { kind: 'string', required: true }, name: { kind: 'string' } } },
  bag: { kind: 'object' },
  list: {
    kind: 'array',
    items: { kind: 'object', required: true, fields: { id: { kind: 'string', required: true } } },
  },
  anything: { kind: 'any' },
};

const good = (): Record<string, unknown> => ({ kind: 'message', who: { id: 'u1', name: 'Ana' }, extra: { x: 1 } });

describe('bot/teams/field-rules checkFields', () => {
  it('accepts a good object and passes fields without a rule through, in a copy', () => {
    const input = good();
    const checked = checkFields(input, RULES);
    assert.ok(checked.ok);
    assert.deepEqual(checked.value, input);
    assert.notEqual(checked.value, input);
    assert.notEqual(checked.value['who'], input['who'], 'an object with rules is copied');
  });

  it('takes null in optional fields as absent, at every level with rules, without changing the input', () => {
    const input = { ...good(), note: null, flag: null, anything: null, who: { id: 'u1', name: null } };
    const checked = checkFields(input, RULES);
    assert.ok(checked.ok);
    assert.equal('note' in checked.value, false);
    assert.equal('flag' in checked.value, false);
    assert.equal('anything' in checked.value, false);
    assert.equal('name' in (checked.value['who'] as object), false);
    assert.equal(input.note, null, 'the input keeps its null');
  });

  it('takes "" as absent only where emptyIsAbsent says so', () => {
    const checked = checkFields({ ...good(), reply: '' }, RULES);
    assert.ok(checked.ok);
    assert.equal('reply' in checked.value, false);
    const refused = checkFields({ ...good(), kind: '' }, RULES);
    assert.ok(!refused.ok);
    assert.deepEqual(refused.problem, { path: 'kind', kind: 'invalid', message: 'must be at least 1 character' });
  });

  it('names a missing required field, and a required field that is null as a type problem', () => {
    const missing = checkFields({ who: { id: 'u1' } }, RULES);
    assert.ok(!missing.ok);
    assert.deepEqual(missing.problem, { path: 'kind', kind: 'missing' });
    const nulled = checkFields({ ...good(), who: null }, RULES);
    assert.ok(!nulled.ok);
    assert.deepEqual(nulled.problem, { path: 'who', kind: 'type', expected: 'object', received: 'null' });
  });

  it('refuses wrong types, saying what was sent', () => {
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ ...good(), note: 42 }, 'note', 'string', 'number'],
      [{ ...good(), flag: 'yes' }, 'flag', 'boolean', 'string'],
      [{ ...good(), bag: [1] }, 'bag', 'object', 'array'],
      [{ ...good(), list: {} }, 'list', 'array', 'object'],
      [{ ...good(), who: { id: 7 } }, 'who.id', 'string', 'number'],
      [{ ...good(), list: [{ id: 'a' }, null] }, 'list.1', 'object', 'null'],
    ];
    for (const [input, path, expected, received] of cases) {
      const checked = checkFields(input, RULES);
      assert.ok(!checked.ok, path);
      assert.deepEqual(checked.problem, { path, kind: 'type', expected, received }, path);
    }
  });

  it('applies bounds and tests, in order, and names the first failing field by its path', () => {
    const long = checkFields({ ...good(), kind: 'abcdefghi' }, RULES);
    assert.ok(!long.ok);
    assert.equal(long.problem.message, 'must be at most 8 characters');
    const test = checkFields({ ...good(), kind: 'Message' }, RULES);
    assert.ok(!test.ok);
    assert.equal(test.problem.message, 'must be lower case');
    const deep = checkFields({ ...good(), list: [{ id: 'a' }, { name: 'no id' }] }, RULES);
    assert.ok(!deep.ok);
    assert.deepEqual(deep.problem, { path: 'list.1.id', kind: 'missing' });
  });

  it('keeps a "__proto__" key an own field, never the prototype', () => {
    const input = JSON.parse('{"kind":"message","who":{"id":"u1"},"__proto__":{"polluted":true}}') as Record<
      string,
      unknown
    >;
    const checked = checkFields(input, RULES);
    assert.ok(checked.ok);
    assert.equal(Object.getPrototypeOf(checked.value), Object.prototype);
    assert.equal((checked.value as { polluted?: boolean }).polluted, undefined);
  });
});
