import { strict as assert } from 'node:assert';
import {
  countUsers,
  getUser,
  installApp,
  ownedObjects,
  userMemberOf,
  userPath,
} from '../../../../bot/directory/resources/users';

const U = '5857c451-a528-4bcc-bdab-3ab6d7402e69';

describe('bot/directory/resources/users', () => {
  it('reads the signed-in user at /me and anyone else at /users/{id}, the id or UPN encoded', () => {
    assert.equal(userPath('me'), '/me');
    assert.equal(userPath(U), `/users/${U}`);
    assert.equal(userPath('ana@contoso.com'), '/users/ana%40contoso.com');
    assert.deepEqual(getUser('me', { $select: 'id' }), { method: 'GET', url: '/me?$select=id' });
  });

  it('reads memberships directly or through nesting, groups only on request', () => {
    assert.equal(userMemberOf('me').url, '/me/memberOf');
    assert.equal(userMemberOf(U, {}, { transitive: true }).url, `/users/${U}/transitiveMemberOf`);
    assert.equal(
      userMemberOf(U, { $top: 999 }, { groupsOnly: true }).url,
      `/users/${U}/memberOf/microsoft.graph.group?$top=999`,
    );
    assert.equal(ownedObjects('me').url, '/me/ownedObjects');
  });

  it('counts users with the eventual-consistency header and installs a Teams app with a POST', () => {
    assert.deepEqual(countUsers({ $filter: "department eq 'Sales'" }), {
      method: 'GET',
      url: "/users/$count?$filter=department%20eq%20'Sales'",
      headers: { ConsistencyLevel: 'eventual' },
    });
    assert.deepEqual(installApp('a/b', { 'teamsApp@odata.bind': 'x' }), {
      method: 'POST',
      url: '/users/a%2Fb/teamwork/installedApps',
      body: { 'teamsApp@odata.bind': 'x' },
    });
  });
});
