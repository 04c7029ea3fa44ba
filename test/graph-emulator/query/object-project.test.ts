import { strict as assert } from 'node:assert';
import { contextUrl, projectObject } from '../../../graph-emulator/query';
import { groups, users } from './query-helpers';

const group = groups[0] as Record<string, unknown>;
const user = users[0] as Record<string, unknown>;

describe('graph-emulator query: projectObject', () => {
  it('default group shape: D properties in Graph order, missing ones null, no $select-only ones', () => {
    const out = projectObject('group', { ...group, allowExternalSenders: true }, undefined, { getById: true });
    const keys = Object.keys(out);
    assert.equal(keys[0], 'id');
    assert.ok(keys.indexOf('displayName') < keys.indexOf('visibility'));
    for (const k of [
      'mail',
      'proxyAddresses',
      'onPremisesSyncEnabled',
      'theme',
      'securityIdentifier',
      'expirationDateTime',
    ])
      assert.ok(k in out, k);
    assert.equal(out.theme, null);
    assert.ok(!('assignedLicenses' in out));
    assert.ok(!('allowExternalSenders' in out));
    assert.ok(!('@odata.type' in out));
  });

  it('$select returns id plus the selected properties only', () => {
    assert.deepEqual(projectObject('group', group, ['displayName', 'mail'], { getById: false }), {
      id: group.id,
      displayName: 'OutlookGroup101',
      mail: 'outlookgroup101@contoso.com',
    });
  });

  it('$select-only properties appear when selected', () => {
    const out = projectObject('group', groups[1] as Record<string, unknown>, ['assignedLicenses'], { getById: false });
    assert.deepEqual(Object.keys(out), ['id', 'assignedLicenses']);
  });

  it('GET-only properties appear on a GET by id and are dropped on lists', () => {
    const stored = { ...group, allowExternalSenders: false, unseenCount: 3 };
    assert.deepEqual(projectObject('group', stored, ['allowExternalSenders', 'unseenCount'], { getById: true }), {
      id: group.id,
      allowExternalSenders: false,
      unseenCount: 3,
    });
    assert.deepEqual(projectObject('group', stored, ['allowExternalSenders'], { getById: false }), { id: group.id });
  });

  it('never returns hasMembersWithLicenseErrors or navigation properties', () => {
    const out = projectObject(
      'group',
      { ...group, hasMembersWithLicenseErrors: true, members: [] },
      ['hasMembersWithLicenseErrors', 'members'],
      { getById: true },
    );
    assert.deepEqual(out, { id: group.id });
  });

  it('default user shape is the eleven Graph properties', () => {
    const out = projectObject('user', user, undefined, { getById: false });
    assert.deepEqual(Object.keys(out), [
      'businessPhones',
      'displayName',
      'givenName',
      'jobTitle',
      'mail',
      'mobilePhone',
      'officeLocation',
      'preferredLanguage',
      'surname',
      'userPrincipalName',
      'id',
    ]);
    assert.equal(out.mobilePhone, null);
    assert.ok(!('department' in out));
  });

  it('user $select returns department, licenses and extension attributes', () => {
    const out = projectObject(
      'user',
      user,
      ['department', 'assignedLicenses', 'onPremisesExtensionAttributes', 'licenseAssignmentStates'],
      { getById: false },
    );
    assert.equal(out.department, 'Marketing');
    assert.deepEqual(out.onPremisesExtensionAttributes, { extensionAttribute1: 'Contractor' });
    assert.deepEqual(
      out.licenseAssignmentStates,
      [],
      'a collection property without values is an empty array, never null',
    );
    assert.equal(out.id, 'u-megan');
  });

  it('directoryObject items carry @odata.type and their own default shape', () => {
    const u = projectObject('directoryObject', { ...user, '@odata.type': '#microsoft.graph.user' }, undefined, {
      getById: false,
    });
    assert.equal(u['@odata.type'], '#microsoft.graph.user');
    assert.ok('userPrincipalName' in u && !('securityEnabled' in u));
    const g = projectObject('directoryObject', group, undefined, { getById: false });
    assert.equal(g['@odata.type'], '#microsoft.graph.group');
    assert.ok('securityEnabled' in g && !('userPrincipalName' in g));
  });

  it('directoryObject $select skips properties the item type lacks', () => {
    const out = projectObject('directoryObject', group, ['displayName', 'userPrincipalName'], { getById: false });
    assert.deepEqual(out, { '@odata.type': '#microsoft.graph.group', id: group.id, displayName: 'OutlookGroup101' });
  });

  it('includeType adds @odata.type for deleted items', () => {
    const out = projectObject('group', group, ['displayName'], { getById: false, includeType: true });
    assert.equal(out['@odata.type'], '#microsoft.graph.group');
  });
});

describe('graph-emulator query: contextUrl', () => {
  it('builds a list context with a select list', () => {
    assert.equal(
      contextUrl('https://localhost:8443', 'groups', ['id', 'displayName']),
      'https://localhost:8443/v1.0/$metadata#groups(id,displayName)',
    );
  });

  it('builds a plain list context', () => {
    assert.equal(
      contextUrl('https://localhost:8443/', 'directoryObjects'),
      'https://localhost:8443/v1.0/$metadata#directoryObjects',
    );
  });

  it('accepts a base that already ends in /v1.0', () => {
    assert.equal(contextUrl('https://localhost:8443/v1.0', 'users'), 'https://localhost:8443/v1.0/$metadata#users');
  });

  it('keeps /$entity after the select list', () => {
    assert.equal(
      contextUrl('https://localhost:8443', 'groups/$entity', ['displayName']),
      'https://localhost:8443/v1.0/$metadata#groups(displayName)/$entity',
    );
  });
});
