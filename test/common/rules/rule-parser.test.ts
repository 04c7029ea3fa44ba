import { strict as assert } from 'node:assert';
import { checkRule, compileRule, parseRule, printRule } from '../../../common/rules';
import { loadVectors } from './rule-vectors';

/** Small deterministic generator so the mutation test is reproducible. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('rule parser robustness', () => {
  it('answers every mutated rule with a valid result or a RuleSyntaxError, never another exception', () => {
    const rand = prng(7);
    const alphabet = [
      '"',
      "'",
      '`',
      '(',
      ')',
      '[',
      ']',
      ',',
      '-',
      ' ',
      '_',
      '.',
      '$',
      'a',
      '0',
      'eq',
      '-and ',
      '-any ',
      'user.',
      'null',
      '\u201C',
      '\\',
      '*',
    ];
    const seeds = loadVectors().valid.map((v) => v.rule);
    let valid = 0;
    let invalid = 0;
    for (let i = 0; i < 4000; i++) {
      const base = seeds[i % seeds.length] as string;
      const at = Math.floor(rand() * (base.length + 1));
      const kind = Math.floor(rand() * 3);
      const piece = alphabet[Math.floor(rand() * alphabet.length)] as string;
      const text =
        kind === 0
          ? base.slice(0, at) + base.slice(at + 1)
          : kind === 1
            ? base.slice(0, at) + piece + base.slice(at)
            : base.slice(0, at);
      const check = checkRule(text);
      if (check.valid) {
        valid++;
        const ast = parseRule(text).ast;
        assert.deepEqual(parseRule(check.canonical).ast, ast, `round trip of ${text}`);
        assert.equal(printRule(ast), check.canonical);
        const rule = compileRule(text);
        assert.equal(typeof rule.matches({ city: 'x', proxyAddresses: ['a'] }), 'boolean');
        assert.equal(typeof rule.explain({}).reason, 'string');
        assert.ok('filter' in rule.toODataFilter() || 'unsupported' in rule.toODataFilter());
      } else {
        invalid++;
        assert.ok(
          check.column >= 1 && check.column <= text.length + 1,
          `column ${check.column} within ${JSON.stringify(text)}`,
        );
        assert.ok(check.error.length > 0 && !/\n\s+at /.test(check.error));
      }
    }
    assert.ok(valid > 100 && invalid > 100, `both outcomes exercised (${valid} valid, ${invalid} invalid)`);
  });

  it('parses operators without hyphens and in any case to the same tree', () => {
    const a = parseRule('user.city -eq "x" -and -not (user.state -in ["a"]) -or user.mail -notStartsWith "b"').ast;
    const b = parseRule('user.city EQ "x" AND NOT (user.state In ["a"]) Or user.mail notstartswith "b"').ast;
    assert.deepEqual(b, a);
  });

  it('binds -and tighter than -or, and -not tighter than -and', () => {
    const ast = parseRule(
      'user.a1 -eq "1" -or user.a2 -eq "2" -and -not user.a3 -eq "3"'.replace(/a(\d)/g, 'extensionAttribute$1'),
    ).ast;
    assert.equal(
      printRule(ast),
      'user.extensionAttribute1 -eq "1" -or (user.extensionAttribute2 -eq "2" -and -not (user.extensionAttribute3 -eq "3"))',
    );
  });

  it('maps legacy rule names to Graph v1.0 properties', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['user.objectId -eq "u1"', { id: 'u1' }],
      ['user.mobile -eq "1"', { mobilePhone: '1' }],
      ['user.facsimileTelephoneNumber -eq "2"', { faxNumber: '2' }],
      ['user.telephoneNumber -eq "3"', { businessPhones: ['3', '4'] }],
      ['user.physicalDeliveryOfficeName -eq "B1"', { officeLocation: 'B1' }],
      ['user.dirSyncEnabled -eq true', { onPremisesSyncEnabled: true }],
      ['user.extensionAttribute7 -eq "x"', { onPremisesExtensionAttributes: { extensionAttribute7: 'x' } }],
      ['device.deviceOSType -eq "Windows"', { operatingSystem: 'Windows' }],
      ['device.deviceManagementAppId -eq "m"', { mdmAppId: 'm' }],
      ['device.extensionAttribute2 -eq "y"', { extensionAttributes: { extensionAttribute2: 'y' } }],
    ];
    for (const [rule, obj] of cases) assert.equal(compileRule(rule).matches(obj), true, rule);
  });
});
