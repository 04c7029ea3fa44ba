import { strict as assert } from 'node:assert';
import { findRuleStart, isRuleSyntax, ruleSlot } from '../../../bot/language/rule-detect';

describe('rule detection', () => {
  it('recognises expression, negated, bracketed, device and direct-reports rules', () => {
    for (const rule of [
      'user.city -eq "Seattle"',
      '(user.a -eq "x") -or (user.b -ne "y")',
      '-not (user.x -eq "1")',
      'device.deviceOSType -eq "Windows"',
      'Direct Reports for "0b6a2c1e-3f4d-4e5f-8a9b-1c2d3e4f5a6b"',
      "user.memberof -any (group.objectId -in ['abc'])",
    ]) {
      assert.equal(isRuleSyntax(rule), true, rule);
    }
  });

  it('does not take English for a rule', () => {
    for (const text of ['everyone in Seattle', 'users in Marketing', 'user city is Seattle'])
      assert.equal(isRuleSyntax(text), false, text);
  });

  it('finds where a rule starts inside a sentence', () => {
    const text = 'called X with rule (user.city -eq "Seattle")';
    assert.equal(text.slice(findRuleStart(text)), '(user.city -eq "Seattle")');
    assert.equal(findRuleStart('called X for everyone'), -1);
  });

  it('puts syntax into rule (raw) and English into ruleText', () => {
    assert.deepStrictEqual(ruleSlot(' user.city -eq "Seattle" '), { rule: 'user.city -eq "Seattle"' });
    assert.deepStrictEqual(ruleSlot('`user.city -eq "Seattle"`'), { rule: 'user.city -eq "Seattle"' });
    assert.deepStrictEqual(ruleSlot('everyone in Seattle'), { ruleText: 'everyone in Seattle' });
    assert.deepStrictEqual(ruleSlot('  '), {});
  });
});
