import { strict as assert } from 'node:assert';
import { checkRule } from '../../../common/rules';
import { ruleFromPlainEnglish } from '../../../common/rules/rule-from-plain-english';

describe('plain English → rule', () => {
  const cases: [string, string, string][] = [
    [
      'everyone in the Marketing department',
      'user.department -eq "Marketing"',
      'Everyone whose department is Marketing',
    ],
    [
      'people in Seattle whose title starts with Director',
      'user.city -eq "Seattle" -and user.jobTitle -startsWith "Director"',
      'Everyone whose city is Seattle and job title starts with Director',
    ],
    ['all guests', 'user.userType -eq "Guest"', 'All guests'],
    ['all members (no guests)', 'user.userType -eq "Member"', 'All members (no guests)'],
    [
      'everyone in Sales in London',
      'user.department -eq "Sales" -and user.city -eq "London"',
      'Everyone whose department is Sales and city is London',
    ],
    [
      'users whose department is Engineering or Research',
      'user.department -in ["Engineering", "Research"]',
      'Everyone whose department is Engineering or Research',
    ],
    [
      'Create a dynamic group for everyone in the Sales and Marketing department.',
      'user.department -eq "Sales and Marketing"',
      'Everyone whose department is Sales and Marketing',
    ],
    [
      'all guests in Marketing',
      'user.userType -eq "Guest" -and user.department -eq "Marketing"',
      'All guests whose department is Marketing',
    ],
    ['everyone', 'user.objectId -ne null', 'Everyone (members and guests)'],
    [
      'people whose email ends with @contoso.com',
      'user.mail -endsWith "@contoso.com"',
      'Everyone whose mail ends with @contoso.com',
    ],
    [
      'all enabled users in France',
      'user.accountEnabled -eq true -and user.country -eq "France"',
      'Everyone whose country is France, with an enabled account',
    ],
    [
      'people in Paris who are not guests',
      'user.city -eq "Paris" -and user.userType -eq "Member"',
      'All members (no guests) whose city is Paris',
    ],
    [
      'employees based in New York whose department is Finance',
      'user.city -eq "New York" -and user.department -eq "Finance"',
      'Everyone whose city is New York and department is Finance',
    ],
    ['users whose city is empty', 'user.city -eq null', 'Everyone whose city is empty'],
    [
      'people whose job title starts with "VP" or "Chief"',
      'user.jobTitle -startsWith "VP" -or user.jobTitle -startsWith "Chief"',
      'Everyone whose job title starts with VP or Chief',
    ],
  ];
  for (const [text, rule, summary] of cases) {
    it(`understands "${text}"`, () => {
      const r = ruleFromPlainEnglish(text);
      assert.deepEqual(r, { rule, summary });
      assert.equal(checkRule(rule).valid, true);
    });
  }

  it('uses directory hints to tell a city from a department', () => {
    assert.equal(
      ruleFromPlainEnglish('everyone in Springfield', { cities: ['Springfield'] })?.rule,
      'user.city -eq "Springfield"',
    );
    assert.equal(ruleFromPlainEnglish('everyone in Springfield')?.rule, 'user.department -eq "Springfield"');
  });

  for (const text of [
    'what is the weather',
    'add Ana to Marketing',
    'everyone whose shoe size is 42',
    'all guests and all members',
    '',
  ]) {
    it(`returns null rather than guessing for "${text}"`, () => assert.equal(ruleFromPlainEnglish(text), null));
  }
});
