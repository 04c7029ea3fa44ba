import { strict as assert } from 'node:assert';
import { ROLE_MEMBERS_PAGE_SIZE, isAdvancedQuery, planSingleObject } from '../../../graph-emulator/query';
import { advanced, expectQueryError, groups, plan } from './query-helpers';

const SORTING = 'Sorting not supported for current query.';

describe('graph-emulator query: planQuery paging and counting', () => {
  it('defaults to 100 items, no count, no filter', () => {
    const p = plan('');
    assert.equal(p.top, 100);
    assert.equal(p.count, false);
    assert.equal(p.filter, undefined);
    assert.equal(p.advanced, false);
  });

  it('accepts $top 1 and 999', () => {
    assert.equal(plan('$top=1').top, 1);
    assert.equal(plan('$top=999').top, 999);
  });

  for (const bad of ['1000', '0', '-5', 'abc', '2.5']) {
    it(`refuses $top=${bad} with E15`, () => {
      expectQueryError(
        () => plan(`$top=${bad}`),
        400,
        'Request_UnsupportedQuery',
        `Invalid page size specified: '${bad}'. Must be between 1 and 999 inclusive.`,
      );
    });
  }

  it('refuses $skip with Request_BadRequest', () => {
    expectQueryError(() => plan('$skip=10'), 400, 'Request_BadRequest', "'$skip' is not supported by the service.");
  });

  it('refuses a repeated query option', () => {
    expectQueryError(
      () => plan('$top=5&$top=6'),
      400,
      'Request_BadRequest',
      "Query option '$top' was specified more than once, but it must be specified at most once.",
    );
  });

  it('passes $skiptoken through', () => {
    assert.equal(plan('$skiptoken=abc123').skipToken, 'abc123');
  });

  it('/$count without ConsistencyLevel is 400 "$count is not currently supported."', () => {
    expectQueryError(
      () => plan('', { countSegment: true }),
      400,
      'Request_BadRequest',
      '$count is not currently supported.',
    );
  });

  it('/$count with ConsistencyLevel counts and is advanced', () => {
    const p = plan('', { countSegment: true, eventual: true });
    assert.equal(p.count, true);
    assert.equal(p.advanced, true);
  });

  it('$count=true without ConsistencyLevel is silently ignored', () => {
    const p = plan('$count=true');
    assert.equal(p.count, false);
    assert.equal(p.advanced, false);
  });

  it('$count=true with ConsistencyLevel returns a count', () => {
    assert.equal(advanced('').count, true);
  });

  it('$count=false with ConsistencyLevel is not advanced', () => {
    assert.equal(
      isAdvancedQuery({
        entity: 'group',
        collection: 'groups',
        params: new URLSearchParams('$count=false'),
        consistencyEventual: true,
      }),
      false,
    );
  });
});

describe('graph-emulator query: planQuery $search', () => {
  it('needs ConsistencyLevel: eventual, with the exact text', () => {
    expectQueryError(
      () => plan('$search="displayName:Video"'),
      400,
      'Request_UnsupportedQuery',
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  });

  it('works with only the header (no $count) and does not count', () => {
    const p = plan('$search="displayName:security"', { eventual: true });
    assert.ok(p.search);
    assert.equal(p.count, false);
    assert.deepEqual(
      groups.filter((g) => p.search?.(g)).map((g) => g.displayName),
      ['SecurityGroup101'],
    );
  });

  it('an encoded & inside $search gives the known-bug 400', () => {
    expectQueryError(
      () => plan('$search="displayName:R%26D"', { eventual: true }),
      400,
      'Request_BadRequest',
      "Unrecognized query argument specified: ''.",
    );
  });

  it('combines with $filter', () => {
    const p = plan('$search="displayName:o"&$filter=mailEnabled eq true', { eventual: true });
    assert.deepEqual(
      groups.filter((g) => p.search?.(g) && p.filter?.(g)).map((g) => g.displayName),
      ['OutlookGroup101', "O'Brien Research and Development"],
    );
  });
});

describe('graph-emulator query: planQuery $orderby', () => {
  const sorted = (p: ReturnType<typeof plan>): unknown[] => [...groups].sort(p.compare).map((g) => g.displayName);

  it('displayName works by default, ascending, case- and accent-insensitive', () => {
    assert.deepEqual(sorted(plan('$orderby=displayName')), [
      'Équipe Ventes',
      "O'Brien Research and Development",
      'OutlookGroup101',
      'SecurityGroup101',
    ]);
  });

  it('desc reverses', () => {
    assert.deepEqual(sorted(plan('$orderby=displayName desc')), [
      'SecurityGroup101',
      'OutlookGroup101',
      "O'Brien Research and Development",
      'Équipe Ventes',
    ]);
  });

  it('createdDateTime needs advanced mode', () => {
    expectQueryError(() => plan('$orderby=createdDateTime'), 400, 'Request_UnsupportedQuery', SORTING);
    assert.deepEqual(sorted(advanced('$orderby=createdDateTime desc')), [
      "O'Brien Research and Development",
      'OutlookGroup101',
      'SecurityGroup101',
      'Équipe Ventes',
    ]);
  });

  it('$filter with $orderby needs advanced mode', () => {
    expectQueryError(
      () => plan('$filter=securityEnabled eq true&$orderby=displayName'),
      400,
      'Request_UnsupportedQuery',
      SORTING,
    );
    assert.ok(advanced('$filter=securityEnabled eq true&$orderby=displayName').compare);
  });

  it('a property without sort support is refused even in advanced mode', () => {
    expectQueryError(() => advanced('$orderby=visibility'), 400, 'Request_UnsupportedQuery', SORTING);
  });

  it('an unknown property is a 400 naming the type', () => {
    expectQueryError(
      () => plan('$orderby=colour'),
      400,
      'Request_BadRequest',
      "Could not find a property named 'colour' on type 'microsoft.graph.group'.",
    );
  });

  it('a malformed key is refused', () => {
    expectQueryError(
      () => plan('$orderby=displayName sideways'),
      400,
      'Request_BadRequest',
      "Invalid $orderby expression: 'displayName sideways'.",
    );
  });

  it('ties are broken by id so paging is stable', () => {
    const p = plan('$orderby=displayName');
    const a = { id: 'b', displayName: 'Same' };
    const b = { id: 'a', displayName: 'same' };
    assert.ok((p.compare?.(a, b) ?? 0) > 0);
  });

  it('users sort by userPrincipalName by default', () => {
    assert.ok(plan('$orderby=userPrincipalName', { entity: 'user' }).compare);
  });

  it('deletedItems sort by deletedDateTime in advanced mode only', () => {
    expectQueryError(
      () => plan('$orderby=deletedDateTime', { collection: 'deletedItems' }),
      400,
      'Request_UnsupportedQuery',
      SORTING,
    );
    assert.ok(advanced('$orderby=deletedDateTime desc', { collection: 'deletedItems' }).compare);
  });
});

describe('graph-emulator query: planQuery $select and $expand', () => {
  it('keeps $select in request order with canonical casing and no duplicates', () => {
    assert.deepEqual(plan('$select=DisplayName,id,displayName,mail').select, ['displayName', 'id', 'mail']);
  });

  it('refuses an unknown $select property as Graph does', () => {
    expectQueryError(
      () => plan('$select=id,colour'),
      400,
      'Request_BadRequest',
      "Could not find a property named 'colour' on type 'microsoft.graph.group'.",
    );
  });

  it('refuses an unknown user $select property naming microsoft.graph.user', () => {
    expectQueryError(
      () => plan('$select=colour', { entity: 'user' }),
      400,
      'Request_BadRequest',
      "Could not find a property named 'colour' on type 'microsoft.graph.user'.",
    );
  });

  it('accepts $select-only and GET-only group properties', () => {
    assert.deepEqual(plan('$select=assignedLicenses,allowExternalSenders').select, [
      'assignedLicenses',
      'allowExternalSenders',
    ]);
  });

  it('parses $expand and drops nested options', () => {
    assert.deepEqual(plan('$expand=members($select=id,displayName)').expand, ['members']);
    assert.deepEqual(plan('$expand=manager', { entity: 'user' }).expand, ['manager']);
  });

  it('refuses $expand of a plain property', () => {
    expectQueryError(
      () => plan('$expand=displayName'),
      400,
      'Request_BadRequest',
      "Property 'displayName' on type 'microsoft.graph.group' is not a navigation property or complex property. Only navigation properties can be expanded.",
    );
  });

  it('refuses $expand in advanced queries', () => {
    expectQueryError(
      () => advanced('$expand=members'),
      400,
      'Request_UnsupportedQuery',
      '$expand is not supported with advanced queries (ConsistencyLevel:eventual and $count=true).',
    );
  });
});

describe('graph-emulator query: relationship collections', () => {
  const rel = { entity: 'directoryObject' as const, collection: 'relationship' as const };

  it('$filter needs advanced mode', () => {
    expectQueryError(
      () => plan("$filter=startsWith(displayName,'a')", rel),
      400,
      'Request_UnsupportedQuery',
      'The specified filter to the reference property query is currently not supported.',
    );
  });

  it('$filter on user and group properties works in advanced mode', () => {
    const p = advanced("$filter=startsWith(displayName,'a') or securityEnabled eq true", rel);
    const items = [
      { '@odata.type': '#microsoft.graph.user', id: '1', displayName: 'Ana Silva' },
      { '@odata.type': '#microsoft.graph.group', id: '2', displayName: 'Nested', securityEnabled: true },
      { '@odata.type': '#microsoft.graph.user', id: '3', displayName: 'Bob Kelly' },
    ];
    assert.deepEqual(
      items.filter((i) => p.filter?.(i)).map((i) => i.id),
      ['1', '2'],
    );
  });

  it('$orderby needs advanced mode', () => {
    expectQueryError(() => plan('$orderby=displayName', rel), 400, 'Request_UnsupportedQuery', SORTING);
  });

  it('$select, $top and $expand work without advanced mode', () => {
    const p = plan('$select=id,displayName,userPrincipalName,securityEnabled&$top=999', rel);
    assert.deepEqual(p.select, ['id', 'displayName', 'userPrincipalName', 'securityEnabled']);
    assert.equal(p.top, 999);
  });

  it('/$count on a relationship needs the header', () => {
    expectQueryError(
      () => plan('', { ...rel, countSegment: true }),
      400,
      'Request_BadRequest',
      '$count is not currently supported.',
    );
    assert.equal(plan('', { ...rel, countSegment: true, eventual: true }).count, true);
  });
});

describe('graph-emulator query: subscribedSkus and index hints', () => {
  it('subscribedSkus ignores $filter, $top and $search', () => {
    const p = plan("$filter=bogus eq 'x'&$top=5000&$search=whatever", {
      entity: 'subscribedSku',
      collection: 'subscribedSkus',
    });
    assert.equal(p.filter, undefined);
    assert.equal(p.search, undefined);
    assert.ok(p.top >= 999);
  });

  it('subscribedSkus still validates $select', () => {
    expectQueryError(
      () => plan('$select=colour', { entity: 'subscribedSku', collection: 'subscribedSkus' }),
      400,
      'Request_BadRequest',
      "Could not find a property named 'colour' on type 'microsoft.graph.subscribedSku'.",
    );
  });

  it('directory role members take $select only: $top, $filter and $count leave the 1,000-item page alone', () => {
    const roleMembers = { entity: 'directoryObject', collection: 'roleMembers' } as const;
    const p = plan("$top=1&$filter=bogus eq 'x'&$count=true&$select=displayName", { ...roleMembers, eventual: true });
    assert.equal(p.top, ROLE_MEMBERS_PAGE_SIZE);
    assert.equal(ROLE_MEMBERS_PAGE_SIZE, 1000);
    assert.equal(p.filter, undefined);
    assert.equal(p.count, false);
    assert.deepEqual(p.select, ['displayName']);
    assert.equal(plan('$skiptoken=abc', roleMembers).skipToken, 'abc', 'later pages follow the nextLink');
    expectQueryError(
      () => plan('$select=colour', roleMembers),
      400,
      'Request_BadRequest',
      "Could not find a property named 'colour' on type 'microsoft.graph.directoryObject'.",
    );
  });

  it('offers an eq conjunct as the index hint, lower-cased', () => {
    assert.deepEqual(plan("$filter=securityEnabled eq true and displayName eq 'SecurityGroup101'").indexable, {
      property: 'displayName',
      op: 'eq',
      values: ['securitygroup101'],
    });
  });

  it('prefers eq/in over startsWith', () => {
    assert.deepEqual(plan("$filter=startsWith(displayName,'Sec') and mailNickname in ('A','b')").indexable, {
      property: 'mailNickname',
      op: 'in',
      values: ['a', 'b'],
    });
  });

  it('offers startsWith when it is the only indexable conjunct', () => {
    assert.deepEqual(plan("$filter=startsWith(userPrincipalName,'Meg')", { entity: 'user' }).indexable, {
      property: 'userPrincipalName',
      op: 'startsWith',
      values: ['meg'],
    });
  });

  it('offers nothing under or', () => {
    assert.equal(plan("$filter=displayName eq 'a' or displayName eq 'b'").indexable, undefined);
  });
});

describe('graph-emulator query: planSingleObject', () => {
  it('validates $select and $expand for a GET by id and ignores list options', () => {
    const p = planSingleObject(
      'group',
      new URLSearchParams('$select=displayName,allowExternalSenders&$expand=owners&$filter=nonsense'),
    );
    assert.deepEqual(p, { select: ['displayName', 'allowExternalSenders'], expand: ['owners'] });
  });

  it('refuses an unknown $select property on a user', () => {
    expectQueryError(
      () => planSingleObject('user', new URLSearchParams('$select=displayName,colour')),
      400,
      'Request_BadRequest',
      "Could not find a property named 'colour' on type 'microsoft.graph.user'.",
    );
  });
});
