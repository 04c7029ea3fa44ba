import { strict as assert } from 'node:assert';
import {
  assignLicense,
  deleteGroup,
  getDeletedGroup,
  getGroup,
  listDeletedGroups,
  renewGroup,
  restoreGroup,
  updateGroup,
} from '../../../../bot/directory/resources/groups';

const G = '9fad3235-e6d7-4bc9-93fb-058d0748357d';
const SKU = 'c7df2760-2c81-4ef7-b578-5b5392b571df';

describe('bot/directory/resources/groups', () => {
  it('reads, changes, deletes and renews a group at /groups/{id}, the id encoded', () => {
    assert.deepEqual(getGroup(G, { $select: 'id,displayName' }), {
      method: 'GET',
      url: `/groups/${G}?$select=id%2CdisplayName`,
    });
    assert.deepEqual(updateGroup(G, { description: 'x' }), {
      method: 'PATCH',
      url: `/groups/${G}`,
      body: { description: 'x' },
    });
    assert.deepEqual(deleteGroup('a/b'), { method: 'DELETE', url: '/groups/a%2Fb' });
    assert.deepEqual(renewGroup(G), { method: 'POST', url: `/groups/${G}/renew`, body: {} });
  });

  it('assigns a licence with its disabled plans, or removes it', () => {
    assert.deepEqual(assignLicense(G, SKU, { disabledPlans: ['p1'] }).body, {
      addLicenses: [{ skuId: SKU, disabledPlans: ['p1'] }],
      removeLicenses: [],
    });
    assert.deepEqual(assignLicense(G, SKU, null), {
      method: 'POST',
      url: `/groups/${G}/assignLicense`,
      body: { addLicenses: [], removeLicenses: [SKU] },
    });
  });

  it('reads and restores deleted groups under /directory/deletedItems', () => {
    assert.deepEqual(restoreGroup(G), { method: 'POST', url: `/directory/deletedItems/${G}/restore` });
    assert.equal(getDeletedGroup(G).url, `/directory/deletedItems/${G}`);
    assert.equal(
      listDeletedGroups({ $filter: "startsWith(displayName,'Fin')" }).url,
      "/directory/deletedItems/microsoft.graph.group?$filter=startsWith(displayName%2C'Fin')",
    );
  });
});
