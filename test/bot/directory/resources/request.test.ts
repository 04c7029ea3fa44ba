import { strict as assert } from 'node:assert';
import { eventual, read, readCount, segment, step, withQuery } from '../../../../bot/directory/resources/request';

describe('bot/directory/resources/request', () => {
  it('encodes an id as one path segment', () => {
    assert.equal(segment('9fad3235-e6d7-4bc9-93fb-058d0748357d'), '9fad3235-e6d7-4bc9-93fb-058d0748357d');
    assert.equal(segment("../users/o'brien@contoso.com?x#y"), "..%2Fusers%2Fo'brien%40contoso.com%3Fx%23y");
  });

  it('encodes every query value and leaves out undefined ones', () => {
    assert.equal(
      withQuery('/users', { $filter: "displayName eq 'A&B'", $top: 5, $count: true, $skip: undefined }),
      "/users?$filter=displayName%20eq%20'A%26B'&$top=5&$count=true",
    );
    assert.equal(withQuery('/groups', {}), '/groups');
  });

  it('builds reads, counts with the eventual-consistency header, and batch steps', () => {
    assert.deepEqual(read('/me', { $select: 'id' }), { method: 'GET', url: '/me?$select=id' });
    assert.deepEqual(readCount('/users', { $filter: 'accountEnabled eq false' }), {
      method: 'GET',
      url: '/users/$count?$filter=accountEnabled%20eq%20false',
      headers: { ConsistencyLevel: 'eventual' },
    });
    assert.deepEqual(eventual(read('/groups')).headers, { ConsistencyLevel: 'eventual' });
    assert.deepEqual(step('s0', read('/groups')), { id: 's0', method: 'GET', url: '/groups' });
  });
});
