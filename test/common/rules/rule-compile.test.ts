import { strict as assert } from 'node:assert';
import { checkRule, compileRule, RuleSyntaxError } from '../../../common/rules';
import { loadVectors } from './rule-vectors';

const vectors = loadVectors();
const now = new Date(vectors.now);

function object(name: string): Record<string, unknown> {
  const o = vectors.objects[name];
  if (!o) throw new Error(`vector object ${name} is not defined`);
  return o;
}

describe('rule vectors', () => {
  it('has at least 60 vectors', () => {
    assert.ok(vectors.valid.length + vectors.invalid.length >= 60);
  });

  for (const v of vectors.valid) {
    it(`valid: ${v.rule}`, () => {
      const rule = compileRule(v.rule);
      if (v.canonical !== undefined) assert.equal(rule.canonical, v.canonical);
      for (const name of v.match) assert.equal(rule.matches(object(name), { now }), true, `${name} should match`);
      for (const name of v.noMatch)
        assert.equal(rule.matches(object(name), { now }), false, `${name} should not match`);
      for (const name of [...v.match, ...v.noMatch]) {
        assert.equal(
          rule.explain(object(name), { now }).matched,
          v.match.includes(name),
          `explain() agrees with matches() for ${name}`,
        );
      }
    });
  }

  for (const v of vectors.invalid) {
    it(`invalid: ${v.rule || '(empty)'}`, () => {
      const check = checkRule(v.rule);
      assert.equal(check.valid, false);
      if (check.valid) return;
      assert.ok(check.error.includes(v.error), `error "${check.error}" should include "${v.error}"`);
      assert.equal(check.column, v.column, `column for "${check.error}"`);
      assert.throws(
        () => compileRule(v.rule),
        (e: unknown) =>
          e instanceof RuleSyntaxError && e.column === v.column && e.message.endsWith(`at column ${v.column}`),
      );
    });
  }
});

describe('compileRule', () => {
  it('rejects a rule over 3,072 characters and accepts one at the limit', () => {
    const head = 'user.department -eq "';
    const atLimit = head + 'x'.repeat(3072 - head.length - 1) + '"';
    assert.equal(atLimit.length, 3072);
    assert.equal(checkRule(atLimit).valid, true);
    const over = head + 'x'.repeat(3072 - head.length) + '"';
    assert.deepEqual(checkRule(over), {
      valid: false,
      error: 'the rule is 3,073 characters long; the limit is 3,072',
      column: 3073,
    });
  });

  it('limits memberOf rules to 50 source groups', () => {
    const ids = (n: number): string => Array.from({ length: n }, (_, i) => `'g${i}'`).join(',');
    assert.equal(checkRule(`user.memberOf -any (group.objectId -in [${ids(50)}])`).valid, true);
    const over = checkRule(`user.memberOf -any (group.objectId -in [${ids(51)}])`);
    assert.equal(over.valid, false);
    assert.match(over.valid ? '' : over.error, /at most 50 groups; this one lists 51/);
  });

  it('exposes kind, target, managerId and sourceGroupIds', () => {
    const dr = compileRule('Direct Reports for "11111111-1111-1111-1111-111111111111"');
    assert.equal(dr.kind, 'directReports');
    assert.equal(dr.managerId, '11111111-1111-1111-1111-111111111111');
    const mo = compileRule("device.memberof -any (group.objectId -in ['A1','b2'])");
    assert.equal(mo.kind, 'memberOf');
    assert.equal(mo.target, 'device');
    assert.deepEqual(mo.sourceGroupIds, ['A1', 'b2']);
    assert.equal(mo.matches({}, { memberOf: ['a1'] }), true);
    assert.equal(mo.matches({}, { memberOf: ['c3'] }), false);
    const ex = compileRule('user.city -eq "x"');
    assert.equal(ex.kind, 'expression');
    assert.equal(ex.target, 'user');
    assert.equal(ex.text, 'user.city -eq "x"');
  });

  it('counts empty values as matching negated operators by default, and not when asked', () => {
    const rule = compileRule('user.city -ne "Paris"');
    assert.equal(rule.matches({}), true);
    assert.equal(rule.matches({}, { negatedOnNull: false }), false);
    assert.equal(rule.matches({ city: 'paris' }), false);
    assert.ok(rule.warnings.some((w) => w.includes('undocumented')));
  });

  it('warns about non-canonical property casing, -match dialect and direct collection operators', () => {
    assert.ok(
      compileRule('user.Department -eq "x"').warnings.some((w) =>
        w.includes('write user.department rather than user.Department'),
      ),
    );
    assert.ok(compileRule('user.city -match "^S"').warnings.some((w) => w.includes('.NET')));
    assert.ok(compileRule('user.otherMails -startsWith "a"').warnings.some((w) => w.includes('applied to each item')));
    assert.ok(compileRule('user.surname -eq "O\'Brien"').warnings.some((w) => w.includes('write it twice')));
    assert.deepEqual(compileRule('user.department -eq "x"').warnings, []);
  });

  it('evaluates system.now at the pinned time', () => {
    const rule = compileRule('user.employeeHireDate -ge system.now -minus P1M');
    const user = { employeeHireDate: '2025-02-01T00:00:00Z' };
    assert.equal(rule.matches(user, { now: new Date('2025-03-01T00:00:00Z') }), true);
    assert.equal(rule.matches(user, { now: new Date('2025-03-02T00:00:00Z') }), false);
  });

  it('never throws from matches on odd JSON', () => {
    const rule = compileRule(
      'user.proxyAddresses -any (_ -eq "x") -and user.city -startsWith "S" -and user.employeeHireDate -le system.now',
    );
    for (const odd of [
      {},
      { proxyAddresses: 'x' },
      { proxyAddresses: [null, 3, { a: 1 }] },
      { city: 42 },
      { city: { x: 1 } },
      { employeeHireDate: 'not a date' },
    ]) {
      assert.equal(rule.matches(odd as Record<string, unknown>), false);
    }
  });
});

describe('numbers as values', () => {
  it('compare text properties against the number as written', () => {
    const rule = compileRule('user.employeeId -in [1.50, 12345678901234567890123]');
    assert.equal(rule.matches({ employeeId: '1.50' }), true);
    assert.equal(rule.matches({ employeeId: '12345678901234567890123' }), true);
    assert.equal(rule.matches({ employeeId: '1.5' }), false);
    assert.equal(rule.canonical, 'user.employeeId -in [1.50, 12345678901234567890123]');
  });
});
