/**
 * The emulator driven by Microsoft's published Kiota Graph SDK (`@microsoft/msgraph-sdk` with its users,
 * directory and directoryObjects packages): the request shapes, URL forms (`graph.group` casts, `%24select`)
 * and response parsing of the SDK itself. Microsoft does not publish the groups package on npm, so the groups
 * URL forms that package would generate are sent as raw requests at the end.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEMO_GROUPS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../support/emulator';
import { kiotaClientFor, type KiotaGraph } from '../support/kiota-client';

type Obj = Record<string, unknown>;
const U = DEMO_USERS;
const G = DEMO_GROUPS;
const EVENTUAL = { headers: { ConsistencyLevel: 'eventual' } };

describe('graph-emulator through the Kiota Graph SDK (@microsoft/msgraph-sdk)', function () {
  this.timeout(90_000);
  const emu = useTestEmulator({ dynamicProcessingDelayMs: 0 });
  let sdk: KiotaGraph; // Megan, Global Administrator
  let megan: Client; // the Graph JS client, for the groups calls the SDK's unpublished groups package would make

  before(async () => {
    sdk = await kiotaClientFor(emu, 'megan@contoso.com');
    megan = await emu.clientFor('megan@contoso.com');
  });
  after(async () => {
    await sdk?.close();
  });

  describe('users', () => {
    it('reads a user with $select, collections parsed as arrays', async () => {
      const u = await sdk.client.users.byUserId(U.ana.id).get({
        queryParameters: {
          select: ['id', 'displayName', 'identities', 'imAddresses', 'department', 'employeeOrgData'],
        },
      });
      assert.equal(u?.displayName, 'Ana Silva');
      assert.equal(u?.department, 'Marketing');
      assert.deepEqual(u?.identities, []);
      assert.deepEqual(u?.imAddresses, []);
    });

    it('lists users with $filter and $top, and by UPN', async () => {
      const page = await sdk.client.users.get({
        queryParameters: { filter: "startsWith(displayName,'Ana')", select: ['id', 'displayName'], top: 5 },
      });
      assert.deepEqual(page?.value?.map((u) => u.id).sort(), [U.ana.id, U.anaSouza.id].sort());
      const byUpn = await sdk.client.users.byUserId('liam.obrien@contoso.com').get();
      assert.equal(byUpn?.id, U.liam.id);
    });

    it('reads memberOf and the transitiveMemberOf/graph.group cast (advanced query)', async () => {
      const direct = await sdk.client.users.byUserId(U.ana.id).memberOf.get();
      assert.ok(direct?.value?.some((o) => o.id === G.marketing.id));
      const transitive = await sdk.client.users
        .byUserId(U.ana.id)
        .transitiveMemberOf.graphGroup.get({ ...EVENTUAL, queryParameters: { count: true } });
      assert.ok(
        transitive?.value?.some((g) => g.id === G.securityGroup101.id),
        'SecurityGroup101 through Design Team',
      );
      assert.equal(typeof transitive?.odataCount, 'number');
    });

    it('runs checkMemberGroups and getMemberGroups transitively', async () => {
      const check = await sdk.client.users
        .byUserId(U.ana.id)
        .checkMemberGroups.post({ groupIds: [G.securityGroup101.id, G.legal.id] });
      assert.deepEqual(check?.value, [G.securityGroup101.id]);
      const all = await sdk.client.users.byUserId(U.zoe.id).getMemberGroups.post({ securityEnabledOnly: true });
      assert.ok(all?.value?.includes(G.engineeringAll.id), 'five levels up');
    });

    it('turns a Graph error into the SDK ODataError with code and message', async () => {
      let caught: { responseStatusCode?: number; errorEscaped?: { code?: string; message?: string } } | undefined;
      try {
        await sdk.client.users.byUserId('00000000-0000-4000-8000-000000000000').get();
      } catch (err) {
        caught = err as typeof caught;
      }
      assert.equal(caught?.responseStatusCode, 404);
      assert.equal(caught?.errorEscaped?.code, 'Request_ResourceNotFound');
      assert.match(caught?.errorEscaped?.message ?? '', /does not exist/);
    });
  });

  describe('directory', () => {
    it('lists deleted groups through deletedItems/graph.group, reads one and restores it', async () => {
      const nick = `sdkdel${Date.now().toString(36)}`;
      const g = (await megan.api('/groups').post({
        displayName: `SDK deleted ${nick}`,
        groupTypes: ['Unified'],
        mailEnabled: true,
        mailNickname: nick,
        securityEnabled: false,
      })) as Obj;
      await megan.api(`/groups/${g.id}`).delete();
      const deleted = await sdk.client.directory.deletedItems.graphGroup.get();
      const listed = deleted?.value?.find((x) => x.id === g.id);
      assert.ok(listed?.deletedDateTime instanceof Date, 'deletedDateTime parsed as a date');
      assert.ok(deleted?.value?.some((x) => x.id === G.oldProjectPhoenix.id));
      const one = await sdk.client.directory.deletedItems.byDirectoryObjectId(g.id as string).get();
      assert.equal(one?.id, g.id);
      const restored = await sdk.client.directory.deletedItems.byDirectoryObjectId(g.id as string).restore.post();
      assert.equal(restored?.id, g.id);
      assert.equal(((await megan.api(`/groups/${g.id}`).get()) as Obj).deletedDateTime, null);
    });
  });

  describe('directoryObjects', () => {
    it('reads an object by id and resolves ids with getByIds', async () => {
      const o = await sdk.client.directoryObjects.byDirectoryObjectId(U.ana.id).get();
      assert.equal(o?.id, U.ana.id);
      assert.equal(o?.odataType, '#microsoft.graph.user');
      const found = await sdk.client.directoryObjects.getByIds.post({
        ids: [U.ana.id, G.marketing.id],
        types: ['group'],
      });
      assert.deepEqual(
        found?.value?.map((x) => [x.id, x.odataType]),
        [[G.marketing.id, '#microsoft.graph.group']],
      );
    });

    it("checks group membership of a group and validates a new group's properties", async () => {
      const check = await sdk.client.directoryObjects
        .byDirectoryObjectId(G.directorySquad.id)
        .checkMemberGroups.post({ groupIds: [G.engineeringAll.id] });
      assert.deepEqual(check?.value, [G.engineeringAll.id]);
      const ok = await sdk.client.directoryObjects.validateProperties.post({
        entityType: 'Group',
        displayName: 'SDK Validated',
        mailNickname: `sdkvalid${Date.now().toString(36)}`,
      });
      assert.equal(ok, undefined, '204');
    });
  });

  describe('groups URL forms of the unpublished groups package (raw requests)', () => {
    it('answers members/graph.user, deletedItems/graph.group, groups/delta() and graph.renew with Kiota-style encoding', async () => {
      const token = await emu.token('megan@contoso.com');
      const users = await emu.raw(
        'GET',
        `/v1.0/groups/${G.securityGroup101.id}/members/graph.user?%24select=id,userPrincipalName`,
        { token },
      );
      assert.equal(users.status, 200, users.text);
      assert.ok((users.json() as { value: Obj[] }).value.length > 0);
      const deleted = await emu.raw('GET', '/v1.0/directory/deletedItems/graph.group?%24top=5', { token });
      assert.equal(deleted.status, 200, deleted.text);
      const delta = await emu.raw('GET', '/v1.0/groups/delta()?%24select=id,displayName', { token });
      assert.equal(delta.status, 200, delta.text);
      const renew = await emu.raw('POST', `/v1.0/groups/${G.sales.id}/graph.renew`, { token, body: '' });
      assert.equal(renew.status, 204, renew.text);
      const refs = await emu.raw('GET', `/v1.0/groups/${G.marketing.id}/members/$ref`, { token });
      assert.equal(refs.status, 200, refs.text);
    });
  });
});
