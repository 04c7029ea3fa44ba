import { strict as assert } from 'node:assert';
import {
  directoryAudits,
  directoryRoleMembers,
  inviteGuest,
  objectsByIds,
  subscribedSkus,
} from '../../../../bot/directory/resources/tenant';

describe('bot/directory/resources/tenant', () => {
  it('reads licences, audits and a role’s members', () => {
    assert.deepEqual(subscribedSkus(), { method: 'GET', url: '/subscribedSkus' });
    assert.equal(directoryAudits({ $filter: 'a eq 1' }).url, '/auditLogs/directoryAudits?$filter=a%20eq%201');
    assert.equal(
      directoryRoleMembers('fdd7a751-b60b-444a-984c-02652fe8fa1c', { $select: 'id' }).url,
      "/directoryRoles(roleTemplateId='fdd7a751-b60b-444a-984c-02652fe8fa1c')/members?$select=id",
    );
    assert.match(directoryRoleMembers("x')/../users('y").url, /roleTemplateId='x''\)/, 'a quote cannot end the key');
  });

  it('posts invitations and looks objects up by id', () => {
    assert.deepEqual(inviteGuest({ invitedUserEmailAddress: 'a@b.example' }), {
      method: 'POST',
      url: '/invitations',
      body: { invitedUserEmailAddress: 'a@b.example' },
    });
    assert.deepEqual(objectsByIds({ ids: ['1'], types: ['user'] }), {
      method: 'POST',
      url: '/directoryObjects/getByIds',
      body: { ids: ['1'], types: ['user'] },
    });
  });
});
