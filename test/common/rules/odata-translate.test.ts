import { strict as assert } from 'node:assert';
import { compileRule } from '../../../common/rules';

const now = new Date('2025-06-01T12:00:00Z');
const odata = (rule: string): { filter: string } | { unsupported: string } => compileRule(rule).toODataFilter({ now });

describe('rule → Graph $filter', () => {
  const cases: [string, string][] = [
    ['user.department -eq "Marketing"', "department eq 'Marketing'"],
    ['user.surname -eq "O\'\'Brien"', "surname eq 'O''Brien'"],
    ['user.city -ne "Paris"', "city ne 'Paris'"],
    ['user.jobTitle -startsWith "Director"', "startsWith(jobTitle,'Director')"],
    ['user.jobTitle -notStartsWith "SDE"', "not(startsWith(jobTitle,'SDE'))"],
    ['user.mail -endsWith "@contoso.com"', "endsWith(mail,'@contoso.com')"],
    ['user.city -in ["Seattle", "London"]', "city in ('Seattle','London')"],
    ['user.city -notIn ["Seattle"]', "not(city in ('Seattle'))"],
    ['user.mail -eq null', 'mail eq null'],
    ['user.accountEnabled -eq true', 'accountEnabled eq true'],
    ['user.dirSyncEnabled -ne true', 'onPremisesSyncEnabled ne true'],
    ['user.mobile -eq "+1 206"', "mobilePhone eq '+1 206'"],
    ['user.extensionAttribute3 -eq "x"', "onPremisesExtensionAttributes/extensionAttribute3 eq 'x'"],
    ['user.proxyAddresses -any (_ -startsWith "smtp:ana")', "proxyAddresses/any(x:startsWith(x,'smtp:ana'))"],
    ['user.otherMails -any (_ -eq "a@b.c" -or _ -eq "d@e.f")', "otherMails/any(x:x eq 'a@b.c' or x eq 'd@e.f')"],
    ['user.proxyAddresses -eq "SMTP:a@b.c"', "proxyAddresses/any(x:x eq 'SMTP:a@b.c')"],
    ['user.employeeHireDate -ge system.now -minus P30D', 'employeeHireDate ge 2025-05-02T12:00:00Z'],
    [
      'user.department -eq "Sales" -and (user.city -eq "Paris" -or user.city -eq "Lyon")',
      "department eq 'Sales' and (city eq 'Paris' or city eq 'Lyon')",
    ],
    [
      'user.department -eq "Sales" -or user.city -eq "Paris" -and user.accountEnabled -eq true',
      "department eq 'Sales' or (city eq 'Paris' and accountEnabled eq true)",
    ],
    ['-not (user.userType -eq "Guest")', "not(userType eq 'Guest')"],
    ['user.objectId -ne null -and user.userType -eq "Member"', "userType eq 'Member'"],
    [
      'user.assignedPlans -any (assignedPlan.servicePlanId -eq "efb87545-963c-4e0d-99df-69c6916d9eb0")',
      'assignedPlans/any(x:x/servicePlanId eq efb87545-963c-4e0d-99df-69c6916d9eb0)',
    ],
  ];
  for (const [rule, filter] of cases) {
    it(`translates ${rule}`, () => assert.deepEqual(odata(rule), { filter }));
  }

  const unsupported: [string, RegExp][] = [
    ['user.jobTitle -match "^Dir"', /^-match has no \$filter equivalent$/],
    ['user.jobTitle -contains "eng"', /-contains has no \$filter equivalent/],
    ['user.city -endsWith "tle"', /only on user.mail and user.userPrincipalName/],
    ['user.proxyAddresses -all (_ -startsWith "smtp:")', /-all has no \$filter equivalent/],
    ['user.telephoneNumber -eq "1"', /user.telephoneNumber cannot be used/],
    ['Direct Reports for "11111111-1111-1111-1111-111111111111"', /directReports/],
    ["user.memberOf -any (group.objectId -in ['g'])", /memberOf/],
    ['device.deviceOSType -eq "Windows"', /device rules/],
    ['user.objectId -ne null', /matches every user/],
    ['user.department -eq "Sales" -and user.jobTitle -match "x"', /-match/],
  ];
  for (const [rule, reason] of unsupported) {
    it(`says plainly why ${rule} has no $filter`, () => {
      const r = odata(rule);
      assert.ok('unsupported' in r, JSON.stringify(r));
      assert.match(r.unsupported, reason);
    });
  }
});
