import { strict as assert } from 'node:assert';
import { parseRule, printRule } from '../../../common/rules';
import { loadVectors } from './rule-vectors';

const extra = [
  'user.city -eq "tab\there"',
  'user.jobTitle -eq "ends with a backtick-quote `" "',
  'user.jobTitle -eq "a`b"',
  'user.city -in ["O\'\'Brien", 12, null, "x`"y"]',
  'user.employeeId -in [1.50, -3, 12345678901234567890123]',
  '-not (-not (user.city -eq "x"))',
  '((user.city -eq "a" -or user.city -eq "b") -and (user.state -eq "c" -or -not (user.state -eq "d"))) -or user.country -eq "e"',
  'user.city -eq "a" -or (user.city -eq "b" -or user.city -eq "c")',
  'user.employeeHireDate -ge 2020-06-10T18:13:20.5+02:00',
  'user.employeeHireDate -ge system.now -plus PT12H -and user.employeeHireDate -le system.now',
  'user.assignedPlans -any (assignedPlan.service -eq "x" -or -not (assignedPlan.capabilityStatus -in ["a", "b"]))',
  'user.proxyAddresses -any ((_ -startsWith "smtp:" -and _ -endsWith ".com") -or _ -eq null)',
  "user.memberOf -any (group.objectId -in ['it''s'])",
  'user.jobTitle -match "^(?<lvl>Senior|Lead)\\s+\\w+\\.?$"',
];

describe('canonical printer', () => {
  const rules = [...loadVectors().valid.map((v) => v.rule), ...extra];
  for (const text of rules) {
    it(`round-trips ${text}`, () => {
      const first = parseRule(text).ast;
      const printed = printRule(first);
      const again = parseRule(printed).ast;
      assert.deepEqual(again, first);
      assert.equal(printRule(again), printed, 'the canonical form is a fixed point');
    });
  }

  it('uses hyphenated operators in canonical casing, catalog names and null for $null', () => {
    assert.equal(
      printRule(parseRule('USER.city NOTSTARTSWITH "a" AND user.mail eq $null').ast),
      'user.city -notStartsWith "a" -and user.mail -eq null',
    );
  });

  it('adds parentheses only where they keep -and inside -or unambiguous, or are needed', () => {
    assert.equal(
      printRule(parseRule('(user.city -eq "a") -or ((user.city -eq "b") -and user.state -eq "c")').ast),
      'user.city -eq "a" -or (user.city -eq "b" -and user.state -eq "c")',
    );
    assert.equal(
      printRule(parseRule('(user.city -eq "a" -or user.city -eq "b") -and user.state -eq "c"').ast),
      '(user.city -eq "a" -or user.city -eq "b") -and user.state -eq "c"',
    );
    assert.equal(
      printRule(parseRule('user.city -eq "a" -and (user.state -eq "b" -and user.country -eq "c")').ast),
      'user.city -eq "a" -and user.state -eq "b" -and user.country -eq "c"',
    );
  });

  it('escapes double quotes with a backtick and single quotes by doubling', () => {
    const ast = parseRule('user.jobTitle -eq "Head of `"Special`" Projects for O\'\'Brien"').ast;
    assert.equal(printRule(ast), 'user.jobTitle -eq "Head of `"Special`" Projects for O\'\'Brien"');
  });
});
