/**
 * GET /me/ownedObjects and /users/{id}/ownedObjects through the Graph JS client: directoryObjects with
 * @odata.type, live groups only (a deleted owned group is left out), paging with nextLinks like the other
 * relationship lists, /$count, and who may read another user's list.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEMO_GROUPS, DEMO_USERS, type DemoUserKey } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
interface Page {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: Obj[];
}

/** Ids of the live demo groups `key` owns, sorted. */
function ownedBySeed(key: DemoUserKey): string[] {
  return Object.values(DEMO_GROUPS)
    .filter((g) => !g.deleted && (g.owners ?? []).includes(key))
    .map((g) => g.id)
    .sort();
}

describe('graph-emulator GET ownedObjects', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let bob: Client;
  let megan: Client;
  let guest: Client;

  before(async () => {
    bob = await emu.clientFor(DEMO_USERS.bob.upn);
    megan = await emu.clientFor(DEMO_USERS.megan.upn);
    guest = await emu.clientFor(DEMO_USERS.pat.upn);
  });

  it('/me/ownedObjects lists the groups the caller owns as directoryObjects with @odata.type', async () => {
    const page = (await bob.api('/me/ownedObjects').get()) as Page;
    assert.match(page['@odata.context'], /\$metadata#directoryObjects$/);
    assert.ok(page.value.every((o) => o['@odata.type'] === '#microsoft.graph.group'));
    const ids = page.value.map((o) => o.id as string).sort();
    assert.ok(ids.includes(DEMO_GROUPS.securityGroup101.id), 'Bob owns SecurityGroup101');
    assert.deepEqual(ids, ownedBySeed('bob'));
    const deletedOwned = Object.values(DEMO_GROUPS).filter((g) => g.deleted && (g.owners ?? []).includes('bob'));
    for (const g of deletedOwned) assert.ok(!ids.includes(g.id), `deleted ${g.displayName} is not listed`);
  });

  it('/users/{id}/ownedObjects pages with nextLinks and counts with /$count', async () => {
    const expected = ownedBySeed('lee');
    assert.ok(expected.length > 2, 'the seed gives Lee several groups');
    const seen: string[] = [];
    let page = (await megan.api(`/users/${DEMO_USERS.lee.id}/ownedObjects`).top(2).get()) as Page;
    assert.equal(page.value.length, 2);
    for (let n = 0; ; n++) {
      seen.push(...page.value.map((o) => o.id as string));
      const next = page['@odata.nextLink'];
      if (!next) break;
      assert.match(next, /^https:\/\//);
      assert.ok(n < 20, 'paging ends');
      page = (await megan.api(next).get()) as Page;
    }
    assert.deepEqual(seen.sort(), expected);
    const count = (await megan
      .api(`/users/${DEMO_USERS.lee.id}/ownedObjects/$count`)
      .header('ConsistencyLevel', 'eventual')
      .get()) as unknown;
    assert.equal(Number(count), expected.length);
    const byUpn = (await megan.api(`/users/${DEMO_USERS.lee.upn}/ownedObjects`).select('id,displayName').get()) as Page;
    assert.equal(byUpn.value.length, expected.length);
    assert.ok(byUpn.value.every((o) => typeof o.displayName === 'string'));
  });

  it('a user who owns nothing gets an empty list; unknown users are 404; guests may not read others', async () => {
    const none = (await megan.api(`/users/${DEMO_USERS.raul.id}/ownedObjects`).get()) as Page;
    assert.deepEqual(ownedBySeed('raul'), [], 'the seed gives Raul no group');
    assert.deepEqual(none.value, []);
    await rejectsWithGraphError(
      megan.api('/users/00000000-0000-4000-8000-000000000001/ownedObjects').get(),
      404,
      'Request_ResourceNotFound',
    );
    await rejectsWithGraphError(
      guest.api(`/users/${DEMO_USERS.bob.id}/ownedObjects`).get(),
      403,
      'Authorization_RequestDenied',
    );
  });
});
