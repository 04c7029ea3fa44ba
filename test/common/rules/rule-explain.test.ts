import { strict as assert } from 'node:assert';
import { compileRule } from '../../../common/rules';
import { friendlyName } from '../../../common/rules/rule-explain';

const now = new Date('2025-06-01T12:00:00Z');

describe('rule explainer', () => {
  const rule = compileRule('user.department -eq "Marketing" -and user.city -eq "Seattle"');

  it('lists every clause of a satisfied -and', () => {
    assert.deepEqual(rule.explain({ department: 'Marketing', city: 'Seattle' }), {
      matched: true,
      reason: 'department equals Marketing, and city equals Seattle',
    });
  });

  it('names the failing clause of a non-match', () => {
    assert.deepEqual(rule.explain({ department: 'Marketing', city: 'Paris' }), {
      matched: false,
      reason: 'city is Paris, not Seattle',
    });
    assert.deepEqual(rule.explain({ city: 'Seattle' }), {
      matched: false,
      reason: 'department is empty, not Marketing',
    });
  });

  it('gives the deciding branch of an -or, and every branch when none holds', () => {
    const or = compileRule('user.city -eq "Paris" -or user.jobTitle -startsWith "Director"');
    assert.deepEqual(or.explain({ city: 'Oslo', jobTitle: 'Director of Sales' }), {
      matched: true,
      reason: 'job title starts with Director (Director of Sales)',
    });
    assert.deepEqual(or.explain({ city: 'Oslo', jobTitle: 'Engineer' }), {
      matched: false,
      reason: 'city is Oslo, not Paris, and job title is Engineer, which does not start with Director',
    });
  });

  it('explains -not, -in, dates, collections, direct reports and memberOf', () => {
    assert.equal(
      compileRule('-not (user.jobTitle -startsWith "SDE")').explain({ jobTitle: 'SDE II' }).reason,
      'job title starts with SDE (SDE II), which the rule excludes',
    );
    assert.equal(
      compileRule('user.city -in ["Seattle", "London"]').explain({ city: 'Paris' }).reason,
      'city is Paris, not one of Seattle, London',
    );
    assert.equal(
      compileRule('user.employeeHireDate -ge system.now -minus P30D').explain(
        { employeeHireDate: '2025-01-01T00:00:00Z' },
        { now },
      ).reason,
      'hire date is 2025-01-01T00:00:00Z, before 2025-05-02T12:00:00Z (now minus P30D)',
    );
    assert.equal(
      compileRule('user.proxyAddresses -any (_ -contains "@contoso.com")').explain({
        proxyAddresses: ['smtp:a@fabrikam.com', 'SMTP:a@contoso.com'],
      }).reason,
      'proxy addresses has a qualifying item: SMTP:a@contoso.com contains @contoso.com',
    );
    assert.equal(
      compileRule('user.proxyAddresses -any (_ -contains "x")').explain({}).reason,
      'proxy addresses is empty',
    );
    assert.equal(
      compileRule('Direct Reports for "11111111-1111-1111-1111-111111111111"').explain({
        manager: { id: '11111111-1111-1111-1111-111111111111' },
      }).reason,
      'reports directly to 11111111-1111-1111-1111-111111111111',
    );
    assert.equal(
      compileRule("user.memberOf -any (group.objectId -in ['g1'])").explain({}, { memberOf: ['x'] }).reason,
      'is not a direct member of any of the 1 source group',
    );
  });

  it('says when an empty value matched a negated operator', () => {
    assert.equal(compileRule('user.city -ne "Paris"').explain({}).reason, 'city is empty, not Paris');
    assert.equal(
      compileRule('user.city -notStartsWith "P"').explain({}).reason,
      'city is empty, so it does not start with P',
    );
  });

  it('turns property names into words', () => {
    assert.equal(friendlyName('user.jobTitle'), 'job title');
    assert.equal(friendlyName('user.extensionAttribute3'), 'extension attribute 3');
    assert.equal(
      friendlyName('user.extension_c272a57b722d4eb29bfe327874ae79cb_OfficeNumber'),
      'OfficeNumber (extension)',
    );
  });
});

describe('rule explainer on multi-valued properties used directly', () => {
  const user = { proxyAddresses: ['smtp:x@fabrikam.com', 'SMTP:ana@contoso.com'] };
  it('names the item that decided a positive operator', () => {
    assert.deepEqual(compileRule('user.proxyAddresses -startsWith "SMTP:ana@"').explain(user), {
      matched: true,
      reason: 'proxy addresses has an item that starts with SMTP:ana@ (SMTP:ana@contoso.com)',
    });
  });
  it('names the offending item of a negated operator, and says when no item qualifies', () => {
    assert.equal(compileRule('user.proxyAddresses -notStartsWith "SMTP:ana@"').explain(user).matched, false);
    assert.match(
      compileRule('user.proxyAddresses -notStartsWith "SMTP:ana@"').explain(user).reason,
      /has an item that starts with SMTP:ana@/,
    );
    assert.deepEqual(compileRule('user.proxyAddresses -notContains "zz"').explain(user), {
      matched: true,
      reason: 'no item of proxy addresses contains zz',
    });
  });
});
