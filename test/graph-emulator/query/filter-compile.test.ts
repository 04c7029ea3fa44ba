import { strict as assert } from 'node:assert';
import {
  SKUS,
  advanced,
  advancedOperator,
  expectQueryError,
  groups,
  matching,
  plan,
  unsupportedClause,
  users,
} from './query-helpers';

const REQ_UNSUPPORTED = 'Request_UnsupportedQuery';

describe('graph-emulator query: $filter on groups (default mode)', () => {
  it('eq on displayName is case-insensitive', () => {
    assert.deepEqual(matching(plan("$filter=displayName eq 'securitygroup101'"), groups), ['SecurityGroup101']);
  });

  it("eq with a doubled quote matches O'Brien", () => {
    assert.deepEqual(matching(plan("$filter=displayName eq 'o''brien research and development'"), groups), [
      "O'Brien Research and Development",
    ]);
  });

  it('startsWith is case-insensitive and works on non-ASCII names', () => {
    assert.deepEqual(matching(plan("$filter=startsWith(displayName,'éq')"), groups), ['Équipe Ventes']);
    assert.deepEqual(matching(plan("$filter=startswith(displayName,'OUTLOOK')"), groups), ['OutlookGroup101']);
  });

  it('accepts + as the space of the wire format', () => {
    assert.deepEqual(matching(plan("$filter=groupTypes/any(c:c+eq+'Unified')"), groups), [
      'OutlookGroup101',
      "O'Brien Research and Development",
    ]);
  });

  it('the word "and" inside a literal is not an operator', () => {
    assert.deepEqual(matching(plan("$filter=startsWith(displayName,'O''Brien Research and')"), groups), [
      "O'Brien Research and Development",
    ]);
  });

  it('booleans combine with and', () => {
    assert.deepEqual(matching(plan('$filter=mailEnabled eq false and securityEnabled eq true'), groups), [
      'SecurityGroup101',
      'Équipe Ventes',
    ]);
  });

  it('or and parentheses', () => {
    const p = plan(
      "$filter=(groupTypes/any(c:c eq 'DynamicMembership') or mailEnabled eq false) and startsWith(displayName,'S')",
    );
    assert.deepEqual(matching(p, groups), ['SecurityGroup101']);
  });

  it('in matches any listed value', () => {
    assert.deepEqual(matching(plan("$filter=mailNickname in ('rnd','VENTES','nobody')"), groups), [
      "O'Brien Research and Development",
      'Équipe Ventes',
    ]);
  });

  it('id eq with a quoted GUID', () => {
    assert.deepEqual(matching(plan("$filter=id eq '4C5EE71B-E6A5-4343-9E2C-4244BC7E0938'"), groups), [
      'OutlookGroup101',
    ]);
  });

  it('proxyAddresses/any with eq and startsWith', () => {
    assert.deepEqual(matching(plan("$filter=proxyAddresses/any(x:x eq 'smtp:rnd@contoso.com')"), groups), [
      "O'Brien Research and Development",
    ]);
    assert.deepEqual(matching(plan("$filter=proxyAddresses/any(x:startsWith(x,'smtp:outlook'))"), groups), [
      'OutlookGroup101',
    ]);
  });

  it('assignedLicenses/any(a:a/skuId eq GUID)', () => {
    assert.deepEqual(matching(plan(`$filter=assignedLicenses/any(a:a/skuId eq ${SKUS.E3})`), groups), [
      'SecurityGroup101',
    ]);
  });

  it('assignedLicenses skuId needs an unquoted GUID', () => {
    expectQueryError(
      () => plan(`$filter=assignedLicenses/any(a:a/skuId eq '${SKUS.E3}')`),
      400,
      'BadRequest',
      "Invalid filter clause: A binary operator with incompatible types was detected. Found operand types 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'.",
    );
  });

  it('resourceProvisioningOptions/any finds Teams-enabled groups', () => {
    assert.deepEqual(matching(plan("$filter=resourceProvisioningOptions/Any(x:x eq 'Team')"), groups), [
      'OutlookGroup101',
    ]);
  });

  it('renewedDateTime ge/le work by default with datetime literals', () => {
    const p = plan('$filter=renewedDateTime ge 2024-01-01T00:00:00Z and renewedDateTime le 2025-02-01T00:00:00Z');
    assert.deepEqual(matching(p, groups), ["O'Brien Research and Development"]);
  });

  it('classification and membershipRule filter by default', () => {
    assert.deepEqual(matching(plan("$filter=classification eq 'internal'"), groups), ['SecurityGroup101']);
    assert.deepEqual(matching(plan("$filter=startsWith(membershipRule,'user.department')"), groups), [
      "O'Brien Research and Development",
    ]);
  });

  it('a boolean property compared to a string is a type error', () => {
    expectQueryError(
      () => plan("$filter=mailEnabled eq 'true'"),
      400,
      'BadRequest',
      "Invalid filter clause: A binary operator with incompatible types was detected. Found operand types 'Edm.Boolean' and 'Edm.String' for operator kind 'Equal'.",
    );
  });

  it('an unknown property is a 400 Request_BadRequest naming the type', () => {
    expectQueryError(
      () => plan("$filter=colour eq 'red'"),
      400,
      'Request_BadRequest',
      "Could not find a property named 'colour' on type 'microsoft.graph.group'.",
    );
  });

  it('accepts property names case-insensitively', () => {
    assert.deepEqual(matching(plan("$filter=DISPLAYNAME eq 'securitygroup101'"), groups), ['SecurityGroup101']);
  });
});

describe('graph-emulator query: $filter gating (graph-behaviour.md: Advanced queries, Filter support)', () => {
  it('endsWith needs advanced mode, with the exact operator text', () => {
    expectQueryError(
      () => plan("$filter=endsWith(mail,'@contoso.com')"),
      400,
      REQ_UNSUPPORTED,
      advancedOperator('endsWith'),
    );
  });

  it('endsWith on mail works in advanced mode', () => {
    assert.deepEqual(matching(advanced("$filter=endsWith(mail,'@CONTOSO.com')"), groups), [
      'OutlookGroup101',
      "O'Brien Research and Development",
    ]);
  });

  it('ConsistencyLevel without $count=true is not advanced', () => {
    expectQueryError(
      () => plan("$filter=endsWith(mail,'x')", { eventual: true }),
      400,
      REQ_UNSUPPORTED,
      advancedOperator('endsWith'),
    );
  });

  it('$count=true without ConsistencyLevel is not advanced', () => {
    expectQueryError(
      () => plan("$filter=endsWith(mail,'x')&$count=true"),
      400,
      REQ_UNSUPPORTED,
      advancedOperator('endsWith'),
    );
  });

  it('endsWith on displayName is refused even in advanced mode', () => {
    expectQueryError(
      () => advanced("$filter=endsWith(displayName,'101')"),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('displayName'),
    );
  });

  it('ne needs advanced mode', () => {
    expectQueryError(() => plan("$filter=displayName ne 'x'"), 400, REQ_UNSUPPORTED, advancedOperator('ne'));
  });

  it('ne works in advanced mode and includes nulls', () => {
    assert.deepEqual(matching(advanced("$filter=classification ne 'Internal'"), groups), [
      'OutlookGroup101',
      "O'Brien Research and Development",
      'Équipe Ventes',
    ]);
  });

  it('not needs advanced mode', () => {
    expectQueryError(
      () => plan("$filter=not(groupTypes/any(c:c eq 'Unified'))"),
      400,
      REQ_UNSUPPORTED,
      advancedOperator('not'),
    );
  });

  it('not(groupTypes/any(...)) works in advanced mode', () => {
    assert.deepEqual(matching(advanced("$filter=not(groupTypes/any(c:c eq 'Unified'))"), groups), [
      'SecurityGroup101',
      'Équipe Ventes',
    ]);
  });

  it('description eq is advanced only and reports the property clause text', () => {
    expectQueryError(() => plan("$filter=description eq 'x'"), 400, REQ_UNSUPPORTED, unsupportedClause('description'));
    assert.deepEqual(matching(advanced("$filter=startsWith(description,'sales')"), groups), ['Équipe Ventes']);
  });

  it('eq null is advanced only', () => {
    expectQueryError(() => plan('$filter=mail eq null'), 400, REQ_UNSUPPORTED, unsupportedClause('mail'));
    assert.deepEqual(matching(advanced('$filter=mail eq null'), groups), ['SecurityGroup101', 'Équipe Ventes']);
  });

  it('ne null needs advanced mode and excludes nulls', () => {
    expectQueryError(() => plan('$filter=mail ne null'), 400, REQ_UNSUPPORTED, advancedOperator('ne'));
    assert.deepEqual(matching(advanced('$filter=mail ne null'), groups), [
      'OutlookGroup101',
      "O'Brien Research and Development",
    ]);
  });

  it('eq null on a property without null support is refused', () => {
    expectQueryError(
      () => advanced('$filter=classification eq null'),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('classification'),
    );
  });

  it('createdDateTime ge is advanced only', () => {
    expectQueryError(
      () => plan('$filter=createdDateTime ge 2024-01-01T00:00:00Z'),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('createdDateTime'),
    );
    assert.deepEqual(matching(advanced('$filter=createdDateTime ge 2024-01-01T00:00:00Z'), groups), [
      'OutlookGroup101',
      "O'Brien Research and Development",
    ]);
  });

  it('gt and lt are not supported on directory objects', () => {
    expectQueryError(
      () => advanced('$filter=renewedDateTime gt 2024-01-01T00:00:00Z'),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('renewedDateTime'),
    );
  });

  it('startsWith on a property without it (visibility) is refused', () => {
    expectQueryError(
      () => plan("$filter=startsWith(visibility,'P')"),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('visibility'),
    );
  });

  it('eq directly on a collection is refused', () => {
    expectQueryError(
      () => plan("$filter=groupTypes eq 'Unified'"),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('groupTypes'),
    );
  });

  it('all() lambdas are refused', () => {
    expectQueryError(
      () => plan("$filter=groupTypes/all(c:c eq 'Unified')"),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('groupTypes'),
    );
  });

  it('endsWith inside proxyAddresses/any needs advanced mode', () => {
    expectQueryError(
      () => plan("$filter=proxyAddresses/any(x:endsWith(x,'contoso.com'))"),
      400,
      REQ_UNSUPPORTED,
      advancedOperator('endsWith'),
    );
    assert.deepEqual(matching(advanced("$filter=proxyAddresses/any(x:endsWith(x,'onmicrosoft.com'))"), groups), [
      'OutlookGroup101',
    ]);
  });

  it('startsWith inside groupTypes/any is refused', () => {
    expectQueryError(
      () => plan("$filter=groupTypes/any(c:startsWith(c,'Uni'))"),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('groupTypes'),
    );
  });

  it('/$count eq 0 needs advanced mode', () => {
    expectQueryError(
      () => plan('$filter=assignedLicenses/$count eq 0'),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('assignedLicenses'),
    );
  });

  it('/$count eq 0 and ne 0 work in advanced mode', () => {
    assert.deepEqual(matching(advanced('$filter=assignedLicenses/$count eq 0'), groups), [
      'OutlookGroup101',
      'Équipe Ventes',
    ]);
    assert.deepEqual(matching(advanced('$filter=proxyAddresses/$count ne 0'), groups), [
      'OutlookGroup101',
      "O'Brien Research and Development",
    ]);
  });

  it('/$count eq 1 is not supported', () => {
    expectQueryError(
      () => advanced('$filter=assignedLicenses/$count eq 1'),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('assignedLicenses'),
    );
  });

  it('hasMembersWithLicenseErrors works by default and is refused in advanced mode', () => {
    const withErrors = { ...groups[1], hasMembersWithLicenseErrors: true };
    assert.deepEqual(matching(plan('$filter=hasMembersWithLicenseErrors eq true'), [withErrors, ...groups]), [
      'SecurityGroup101',
    ]);
    expectQueryError(
      () => advanced('$filter=hasMembersWithLicenseErrors eq true'),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('hasMembersWithLicenseErrors'),
    );
  });

  it('in takes at most 15 values by default', () => {
    const values = Array.from({ length: 16 }, (_, i) => `'g${i}'`).join(',');
    expectQueryError(
      () => plan(`$filter=displayName in (${values})`),
      400,
      REQ_UNSUPPORTED,
      "Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15",
    );
  });

  it('in with 15 values is fine by default and 16 are fine in advanced mode', () => {
    const fifteen = Array.from({ length: 15 }, (_, i) => `'g${i}'`).join(',');
    assert.ok(plan(`$filter=displayName in (${fifteen})`).filter);
    assert.ok(advanced(`$filter=displayName in (${fifteen},'securitygroup101')`).filter);
  });

  it('sixteen or-ed clauses hit the same limit', () => {
    const clauses = Array.from({ length: 16 }, (_, i) => `displayName eq 'g${i}'`).join(' or ');
    expectQueryError(
      () => plan(`$filter=${clauses}`),
      400,
      REQ_UNSUPPORTED,
      /containing 'OR' operators: 16\. Max allowed: 15/,
    );
  });

  it('an eq literal longer than 120 characters is refused', () => {
    expectQueryError(
      () => plan(`$filter=displayName eq '${'a'.repeat(121)}'`),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('displayName'),
    );
    assert.ok(plan(`$filter=displayName eq '${'a'.repeat(120)}'`).filter);
  });

  it('a startsWith literal longer than 120 characters is refused', () => {
    expectQueryError(
      () => plan(`$filter=startsWith(displayName,'${'a'.repeat(121)}')`),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('displayName'),
    );
  });

  it('filters nested deeper than 3 levels are refused by default', () => {
    const q =
      "$filter=((groupTypes/any(c:c eq 'Unified') or (mailEnabled eq false and securityEnabled eq true)) and startsWith(displayName,'m'))";
    expectQueryError(
      () => plan(q),
      400,
      REQ_UNSUPPORTED,
      'Search filter expression has excessive height: 4. Max allowed: 3.',
    );
  });

  it('the flattened rewrite of the same filter is accepted', () => {
    const q =
      "$filter=(groupTypes/any(c:c eq 'Unified') and startsWith(displayName,'s')) or (mailEnabled eq false and securityEnabled eq true and startsWith(displayName,'s'))";
    assert.deepEqual(matching(plan(q), groups), ['SecurityGroup101']);
  });
});

describe('graph-emulator query: $filter on users', () => {
  const u = (q: string): ReturnType<typeof plan> => plan(q, { entity: 'user' });
  const ua = (q: string): ReturnType<typeof plan> => advanced(q, { entity: 'user' });

  it('startsWith on displayName, givenName and surname', () => {
    assert.deepEqual(matching(u("$filter=startsWith(displayName,'meg')"), users), ['Megan Bowen']);
    assert.deepEqual(matching(u("$filter=startsWith(givenName,'A') or startsWith(surname,'k')"), users), [
      'Ana Silva',
      'Bob Kelly',
    ]);
  });

  it('eq on mail and userPrincipalName', () => {
    assert.deepEqual(matching(u("$filter=userPrincipalName eq 'ANA@contoso.com'"), users), ['Ana Silva']);
    assert.deepEqual(matching(u("$filter=mail in ('bob@contoso.com','megan@contoso.com')"), users), [
      'Megan Bowen',
      'Bob Kelly',
    ]);
  });

  it('eq on department, city, jobTitle and userType by default', () => {
    assert.deepEqual(matching(u("$filter=department eq 'marketing' and city eq 'Lisbon'"), users), ['Ana Silva']);
    assert.deepEqual(matching(u("$filter=userType eq 'Guest'"), users), ['Guest Person']);
    assert.deepEqual(matching(u("$filter=startsWith(jobTitle,'eng')"), users), ['Bob Kelly']);
  });

  it('accountEnabled eq false', () => {
    assert.deepEqual(matching(u('$filter=accountEnabled eq false'), users), ['Bob Kelly']);
  });

  it('ne on accountEnabled needs advanced mode, as in the advanced-queries example', () => {
    expectQueryError(() => u('$filter=accountEnabled ne true'), 400, REQ_UNSUPPORTED, advancedOperator('ne'));
    assert.deepEqual(matching(ua('$filter=accountEnabled ne true'), users), ['Bob Kelly']);
  });

  it('endsWith on userPrincipalName in advanced mode finds guests', () => {
    assert.deepEqual(matching(ua("$filter=endsWith(userPrincipalName,'#EXT#@contoso.onmicrosoft.com')"), users), [
      'Guest Person',
    ]);
  });

  it('otherMails/any and businessPhones/any (a literal + arrives as %2B)', () => {
    assert.deepEqual(matching(u("$filter=otherMails/any(m:m eq 'megan.bowen@fabrikam.com')"), users), ['Megan Bowen']);
    assert.deepEqual(matching(u("$filter=businessPhones/any(p:startsWith(p,'%2B1 412'))"), users), ['Megan Bowen']);
  });

  it('assignedLicenses/any on users', () => {
    assert.deepEqual(matching(u(`$filter=assignedLicenses/any(x:x/skuId eq ${SKUS.E3})`), users), ['Megan Bowen']);
  });

  it('extension attributes need advanced mode', () => {
    const q = "$filter=onPremisesExtensionAttributes/extensionAttribute1 eq 'contractor'";
    expectQueryError(
      () => u(q),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('onPremisesExtensionAttributes/extensionAttribute1', 'User'),
    );
    assert.deepEqual(matching(ua(q), users), ['Megan Bowen']);
  });

  it('companyName needs advanced mode', () => {
    expectQueryError(
      () => u("$filter=companyName eq 'Contoso'"),
      400,
      REQ_UNSUPPORTED,
      unsupportedClause('companyName', 'User'),
    );
  });

  it('employeeHireDate ranges in advanced mode', () => {
    assert.deepEqual(matching(ua('$filter=employeeHireDate ge 2021-01-01T00:00:00Z'), users), ['Ana Silva']);
  });

  it('an unknown user property names microsoft.graph.user', () => {
    expectQueryError(
      () => u("$filter=shoeSize eq '9'"),
      400,
      'Request_BadRequest',
      "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.",
    );
  });

  it('manager cannot be filtered', () => {
    expectQueryError(() => u("$filter=manager eq 'x'"), 400, REQ_UNSUPPORTED, unsupportedClause('manager', 'User'));
  });
});
