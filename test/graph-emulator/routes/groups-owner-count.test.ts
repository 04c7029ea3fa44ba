/**
 * `GET /groups?$filter=owners/$count eq 0` (groups without owners): advanced mode only (ConsistencyLevel eventual
 * plus $count=true), `eq`/`ne` with 0 or 1, and the Graph errors for everything else.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
interface Page {
  '@odata.count'?: number;
  value: Obj[];
}

const UNSUPPORTED = "Unsupported or invalid query filter clause specified for property 'owners' of resource 'Group'.";

describe('graph-emulator GET /groups owners/$count', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let megan: Client;
  let orphanId = '';

  before(async () => {
    megan = await emu.clientFor(DEMO_USERS.megan.upn);
    // A Global Administrator who creates a security group without naming owners does not become its owner.
    const created = (await megan.api('/groups').post({
      displayName: 'Orphan Readers',
      mailNickname: 'orphanreaders',
      mailEnabled: false,
      securityEnabled: true,
    })) as Obj;
    orphanId = created.id as string;
  });

  const advanced = (filter: string): Promise<Page> =>
    megan
      .api('/groups')
      .header('ConsistencyLevel', 'eventual')
      .query({ $filter: filter, $count: 'true', $select: 'id,displayName', $top: '999' })
      .get() as Promise<Page>;

  it('finds the groups without owners, with @odata.count', async () => {
    const page = await advanced('owners/$count eq 0');
    const ids = page.value.map((g) => g.id);
    assert.ok(ids.includes(orphanId), 'the new ownerless group is listed');
    assert.ok(!ids.includes(DEMO_GROUPS.marketing.id), 'Marketing has owners');
    assert.equal(page['@odata.count'], page.value.length);
  });

  it('answers ne 0 and eq 1 as the complement and the single-owner groups', async () => {
    const some = (await advanced('owners/$count ne 0')).value.map((g) => g.id);
    assert.ok(!some.includes(orphanId));
    assert.ok(some.includes(DEMO_GROUPS.marketing.id));
    const one = (await advanced('owners/$count eq 1')).value.map((g) => g.id);
    assert.ok(one.includes(DEMO_GROUPS.sales.id), 'Sales has one owner');
    assert.ok(!one.includes(DEMO_GROUPS.marketing.id), 'Marketing has two');
  });

  it('combines with other clauses', async () => {
    const page = await advanced("owners/$count eq 0 and startsWith(displayName,'Orphan')");
    assert.deepEqual(
      page.value.map((g) => g.id),
      [orphanId],
    );
  });

  it('refuses the clause outside advanced mode, and counts other than 0 and 1', async () => {
    await rejectsWithGraphError(
      megan.api('/groups').query({ $filter: 'owners/$count eq 0' }).get(),
      400,
      'Request_UnsupportedQuery',
      UNSUPPORTED,
    );
    await rejectsWithGraphError(
      megan.api('/groups').header('ConsistencyLevel', 'eventual').query({ $filter: 'owners/$count eq 0' }).get(),
      400,
      'Request_UnsupportedQuery',
      UNSUPPORTED,
    );
    await rejectsWithGraphError(advanced('owners/$count eq 2'), 400, 'Request_UnsupportedQuery', UNSUPPORTED);
    await rejectsWithGraphError(advanced('owners/$count gt 0'), 400, 'Request_UnsupportedQuery', UNSUPPORTED);
  });

  it('still refuses counts of stored collections other than 0 (proxyAddresses/$count eq 1)', async () => {
    await rejectsWithGraphError(
      advanced('proxyAddresses/$count eq 1'),
      400,
      'Request_UnsupportedQuery',
      /proxyAddresses/,
    );
    const none = await advanced('proxyAddresses/$count eq 0');
    assert.ok(
      none.value.some((g) => g.id === orphanId),
      'a security group has no proxy addresses',
    );
  });

  it('is refused on relationship lists, which cannot count owners of their items', async () => {
    await rejectsWithGraphError(
      megan
        .api('/me/memberOf/microsoft.graph.group')
        .header('ConsistencyLevel', 'eventual')
        .query({ $filter: 'owners/$count eq 0', $count: 'true' })
        .get(),
      400,
      'Request_UnsupportedQuery',
    );
  });
});
