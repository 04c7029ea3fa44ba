import { strict as assert } from 'node:assert';
import {
  addReference,
  relationCount,
  relationPage,
  removeReference,
} from '../../../../bot/directory/resources/group-relations';
import { addMember, bindMembers, removeMember } from '../../../../bot/directory/resources/group-members';
import { addOwner, removeOwner } from '../../../../bot/directory/resources/group-owners';

const ROOT = 'https://localhost:8443/v1.0';
const LINKS = { directoryObjectUrl: (id: string) => `${ROOT}/directoryObjects/${encodeURIComponent(id)}` };
const G = '9fad3235-e6d7-4bc9-93fb-058d0748357d';
const U = '5857c451-a528-4bcc-bdab-3ab6d7402e69';

describe('bot/directory/resources/group-relations: the one $ref write', () => {
  it('adds a principal with a POST of its @odata.id to members/$ref or owners/$ref', () => {
    for (const relation of ['members', 'owners'] as const) {
      assert.deepEqual(addReference(LINKS, G, relation, U), {
        method: 'POST',
        url: `/groups/${G}/${relation}/$ref`,
        body: { '@odata.id': `${ROOT}/directoryObjects/${U}` },
      });
    }
  });

  it('removes a principal with a DELETE of {relation}/{id}/$ref', () => {
    assert.deepEqual(removeReference(G, 'owners', U), { method: 'DELETE', url: `/groups/${G}/owners/${U}/$ref` });
  });

  it('encodes both ids, so an id can never reach another path', () => {
    const hostile = `${G}/../../users/x?$top=1#`;
    const add = addReference(LINKS, hostile, 'members', 'a/b');
    assert.equal(add.url, `/groups/${encodeURIComponent(hostile)}/members/$ref`);
    assert.doesNotMatch(add.url, /\.\.\/|\?|#/);
    assert.equal(removeReference(G, 'members', 'a/b?c').url, `/groups/${G}/members/a%2Fb%3Fc/$ref`);
  });

  it('lists and counts a relation (the count with the eventual-consistency header)', () => {
    assert.deepEqual(relationPage(G, 'members', { $select: 'id,displayName', $top: 100 }), {
      method: 'GET',
      url: `/groups/${G}/members?$select=id%2CdisplayName&$top=100`,
    });
    assert.deepEqual(relationCount(G, 'owners'), {
      method: 'GET',
      url: `/groups/${G}/owners/$count`,
      headers: { ConsistencyLevel: 'eventual' },
    });
  });

  it('names the same writes per relation in group-members and group-owners', () => {
    assert.deepEqual(addMember(LINKS, G, U), addReference(LINKS, G, 'members', U));
    assert.deepEqual(removeMember(G, U), removeReference(G, 'members', U));
    assert.deepEqual(addOwner(LINKS, G, U), addReference(LINKS, G, 'owners', U));
    assert.deepEqual(removeOwner(G, U), removeReference(G, 'owners', U));
  });

  it('binds members 20 at most per PATCH of the group, each by its @odata.id', () => {
    assert.deepEqual(bindMembers(LINKS, G, [U, G]), {
      method: 'PATCH',
      url: `/groups/${G}`,
      body: { 'members@odata.bind': [`${ROOT}/directoryObjects/${U}`, `${ROOT}/directoryObjects/${G}`] },
    });
  });
});
