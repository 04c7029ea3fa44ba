import { strict as assert } from 'node:assert';
import { RegexDialectError, translateDotNetRegex } from '../../../common/rules/regex-dialect';

describe('.NET → JavaScript regex translation', () => {
  const ok: [string, string, boolean][] = [
    ['\\Ada', 'David', true],
    ['\\Ada', 'aDa', false],
    ['vid\\z', 'David', true],
    ['(?i)^SDE', 'sde ii', true],
    ['ana\\@contoso', 'ana@contoso.com', true],
    ['^6\\d\\d$', '610', true],
    ['^6\\d\\d$', '6100', false],
    ['a{2}', 'caab', true],
    ['x{', 'ax{', true],
    ['[]a]', ']', true],
    ["(?'n'ab)\\k<n>", 'abab', true],
    ['(?i:AB)c', 'abc', true],
    ['6.*', 'room 16', true],
  ];
  for (const [pattern, input, expected] of ok) {
    it(`${pattern} on ${input} → ${expected}`, () => assert.equal(translateDotNetRegex(pattern).test(input), expected));
  }

  const refused: [string, RegExp][] = [
    ['(?>a)', /atomic group/],
    ['a*+', /possessive/],
    ['[a-z-[aeiou]]', /subtraction/],
    ['a\\Z', /\\Z/],
    ['\\Ga', /\\G/],
    ['(?#note)a', /comment/],
    ['(?m)^a', /inline option/],
    ['(?(a)b|c)', /conditional/],
    ['*@domain.ext', /invalid regular expression/],
    ['(abc', /invalid regular expression/],
    ['[abc', /not closed/],
  ];
  for (const [pattern, reason] of refused) {
    it(`refuses ${pattern}`, () =>
      assert.throws(
        () => translateDotNetRegex(pattern),
        (e: unknown) => e instanceof RegexDialectError && reason.test(e.reason),
      ));
  }
});
