/**
 * The emulator's contract suite (the behaviours of docs/graph-behaviour.md), driven only through
 * `@microsoft/microsoft-graph-client` configured exactly as the bot configures it (createGraphClient).
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEMO_GROUPS, DEMO_SKUS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../support/emulator';
import { rejectsWithGraphError } from './graph-assert';

type Obj = Record<string, unknown>;
interface Page {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Obj[];
}

const U = DEMO_USERS;
const G = DEMO_GROUPS;
const ref = (id: string): Obj => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });
const bind = (id: string) => `https://graph.microsoft.com/v1.0/directoryObjects/${id}`;
let counter = 0;
const nick = (p: string) => `${p}${Date.now().toString(36)}${counter++}`;

describe('graph-emulator contract (through the Graph JS client)', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let megan: Client; // Global Administrator
  let ana: Client; // ordinary member
  let bob: Client; // owner of SecurityGroup101
  let pat: Client; // guest

  before(async () => {
    megan = await emu.clientFor('megan@contoso.com');
    ana = await emu.clientFor('ana@contoso.com');
    bob = await emu.clientFor('bob@contoso.com');
    pat = await emu.clientFor(U.pat.upn);
  });

  async function securityGroup(client: Client, extra: Obj = {}): Promise<Obj> {
    const n = nick('sec');
    return (await client
      .api('/groups')
      .post({ displayName: `Test ${n}`, mailEnabled: false, mailNickname: n, securityEnabled: true, ...extra })) as Obj;
  }

  describe('1. transport and error envelope', () => {
    it('serves /me over TLS to the bearer of a token', async () => {
      const me = (await megan.api('/me').get()) as Obj;
      assert.equal(me.id, U.megan.id);
      assert.equal(me.userPrincipalName, 'megan@contoso.com');
      assert.match(me['@odata.context'] as string, /\$metadata#users\/\$entity$/);
    });

    it('answers 401 InvalidAuthenticationToken without a token, echoing client-request-id', async () => {
      const res = await emu.raw('GET', '/v1.0/me', {
        headers: { 'client-request-id': '11111111-2222-3333-4444-555555555555' },
      });
      assert.equal(res.status, 401);
      const body = res.json() as { error: { code: string; message: string; innerError: Obj } };
      assert.equal(body.error.code, 'InvalidAuthenticationToken');
      assert.equal(body.error.message, 'Access token is empty.');
      assert.equal(body.error.innerError['client-request-id'], '11111111-2222-3333-4444-555555555555');
      assert.match(body.error.innerError['request-id'] as string, /^[0-9a-f-]{36}$/);
      assert.match(body.error.innerError.date as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    });

    it('refuses an expired token and a token signed by another key', async () => {
      const expired = await emu.emulator.issueToken('ana@contoso.com', { lifetimeSeconds: -60 });
      const r1 = await emu.raw('GET', '/v1.0/me', { token: expired });
      assert.equal(r1.status, 401);
      assert.equal((r1.json() as { error: { code: string } }).error.code, 'InvalidAuthenticationToken');
      const [h, p] = expired.split('.');
      const r2 = await emu.raw('GET', '/v1.0/me', { token: `${h}.${p}.AAAA` });
      assert.equal(r2.status, 401);
    });

    it('gives the Graph error through the client with request id and code', async () => {
      const e = await rejectsWithGraphError(
        megan.api('/groups/00000000-0000-4000-8000-000000000000').get(),
        404,
        'Request_ResourceNotFound',
        "Resource '00000000-0000-4000-8000-000000000000' does not exist or one of its queried reference-property objects are not present.",
      );
      assert.match(e.requestId ?? '', /^[0-9a-f-]{36}$/);
    });

    it('answers E14 for a malformed id', async () => {
      await rejectsWithGraphError(
        megan.api('/groups/not-a-guid').get(),
        400,
        'Request_BadRequest',
        "Invalid object identifier 'not-a-guid'.",
      );
    });

    it('answers E17 405 for a method the path does not allow', async () => {
      const res = await emu.raw('PUT', `/v1.0/groups/${G.marketing.id}`, {
        token: await emu.token('megan@contoso.com'),
        body: '{}',
      });
      assert.equal(res.status, 405);
      const err = (res.json() as { error: { code: string; message: string } }).error;
      assert.deepEqual(
        [err.code, err.message],
        ['Request_BadRequest', 'Specified HTTP method is not allowed for the request target.'],
      );
    });

    it('answers 400 for an unknown segment', async () => {
      await rejectsWithGraphError(
        megan.api('/groupz').get(),
        400,
        'BadRequest',
        "Resource not found for the segment 'groupz'.",
      );
    });

    it('returns $count as text/plain with ConsistencyLevel: eventual', async () => {
      const n = (await megan.api('/groups/$count').header('ConsistencyLevel', 'eventual').get()) as unknown;
      assert.equal(typeof n, 'string');
      assert.ok(Number(n) >= 20);
    });

    it('pages with absolute https nextLinks that the client follows, count on page 1 only', async () => {
      const first = (await megan
        .api('/users')
        .header('ConsistencyLevel', 'eventual')
        .query({ $count: 'true' })
        .top(7)
        .select('id,displayName')
        .get()) as Page;
      const total = first['@odata.count'] as number;
      assert.ok(total > 20);
      const ids = first.value.map((u) => u.id);
      let link = first['@odata.nextLink'];
      assert.match(link ?? '', new RegExp(`^${emu.baseUrl.replace(/\./g, '\\.')}/v1\\.0/users\\?.*\\$skiptoken=`));
      assert.match(link ?? '', /\$top=7/);
      while (link) {
        const page = (await megan.api(link).header('ConsistencyLevel', 'eventual').get()) as Page;
        assert.equal(page['@odata.count'], undefined);
        ids.push(...page.value.map((u) => u.id));
        link = page['@odata.nextLink'];
      }
      assert.equal(ids.length, total);
      assert.equal(new Set(ids).size, total);
    });

    it('pages that stop scanning early (no $count, no $orderby) still cover every match once', async () => {
      const collect = async (first: Page): Promise<string[]> => {
        const ids = first.value.map((u) => u.id as string);
        for (let link = first['@odata.nextLink']; link;) {
          const page = (await megan.api(link).header('ConsistencyLevel', 'eventual').get()) as Page;
          ids.push(...page.value.map((u) => u.id as string));
          link = page['@odata.nextLink'];
        }
        return ids;
      };
      const total = Number(await megan.api('/users/$count').header('ConsistencyLevel', 'eventual').get());
      const all = await collect((await megan.api('/users').top(5).select('id').get()) as Page);
      assert.equal(all.length, total);
      assert.equal(new Set(all).size, total);
      // Index-narrowed (startsWith) and $search candidates page the same way; a page that ends exactly at the
      // last match carries no nextLink.
      const aPrefix = await collect(
        (await megan.api('/users').filter("startsWith(displayName,'a')").top(1).select('id').get()) as Page,
      );
      const aCount = Number(
        await megan
          .api('/users/$count')
          .header('ConsistencyLevel', 'eventual')
          .filter("startsWith(displayName,'a')")
          .get(),
      );
      assert.ok(aCount >= 2);
      assert.equal(aPrefix.length, aCount);
      const exact = (await megan
        .api('/users')
        .filter("startsWith(displayName,'a')")
        .top(aCount)
        .select('id')
        .get()) as Page;
      assert.equal(exact.value.length, aCount);
      assert.equal(exact['@odata.nextLink'], undefined);
      const searched = await collect(
        (await megan
          .api('/users')
          .header('ConsistencyLevel', 'eventual')
          .search('"displayName:ana"')
          .top(1)
          .select('id')
          .get()) as Page,
      );
      assert.deepEqual(new Set(searched), new Set([U.ana.id, U.anaSouza.id]));
    });
  });

  describe('2. create validation', () => {
    it('E8: a required property is missing', async () => {
      await rejectsWithGraphError(
        megan.api('/groups').post({ displayName: 'X', mailEnabled: false, securityEnabled: true }),
        400,
        'Request_BadRequest',
        "A value is required for property 'mailNickname' of resource 'Group'.",
      );
    });

    it('E7: mail-enabled security groups cannot be created', async () => {
      await rejectsWithGraphError(
        megan.api('/groups').post({ displayName: 'X', mailEnabled: true, mailNickname: 'xmes', securityEnabled: true }),
        400,
        'Request_BadRequest',
        'The service does not currently support writes of mail-enabled groups. Please ensure that the mail-enablement property is unset and the security-enablement property is set.',
      );
    });

    it('E9: invalid mailNickname', async () => {
      await rejectsWithGraphError(
        megan
          .api('/groups')
          .post({ displayName: 'X', mailEnabled: false, mailNickname: 'bad nick', securityEnabled: true }),
        400,
        'Request_BadRequest',
        "Invalid value specified for property 'mailNickname' of resource 'Group'.",
      );
    });

    it('E10: duplicate Microsoft 365 mailNickname', async () => {
      await rejectsWithGraphError(
        megan.api('/groups').post({
          displayName: 'Another Marketing',
          groupTypes: ['Unified'],
          mailEnabled: true,
          mailNickname: 'marketing',
          securityEnabled: false,
        }),
        400,
        'Request_BadRequest',
        'Another object with the same value for property mailNickname already exists.',
      );
    });

    it('201 for a Microsoft 365 group with server-set mail, proxyAddresses, visibility and dates', async () => {
      const n = nick('m365');
      const g = (await megan.api('/groups').post({
        displayName: `M365 ${n}`,
        groupTypes: ['Unified'],
        mailEnabled: true,
        mailNickname: n,
        securityEnabled: false,
      })) as Obj;
      assert.match(g['@odata.context'] as string, /\$metadata#groups\/\$entity$/);
      assert.equal(g.mail, `${n}@contoso.com`);
      assert.deepEqual(g.proxyAddresses, [`SMTP:${n}@contoso.com`, `smtp:${n}@contoso.onmicrosoft.com`]);
      assert.equal(g.visibility, 'Public');
      assert.equal(g.createdDateTime, g.renewedDateTime);
      assert.equal(g.expirationDateTime, null, 'no lifecycle policy covers it (the demo policy lists selected groups)');
      assert.equal(g.isAssignableToRole, null);
      assert.equal('assignedLicenses' in g, false, '$select-only properties are not in the default shape');
      const owners = (await megan.api(`/groups/${g.id}/owners`).get()) as Page;
      assert.deepEqual(
        owners.value.map((o) => o.id),
        [U.megan.id],
        'an admin owns the M365 groups they create',
      );
    });

    it('201 for a security group with nulls, and no auto-owner for an admin', async () => {
      const g = await securityGroup(megan);
      assert.equal(g.mail, null);
      assert.equal(g.visibility, null);
      assert.equal(g.expirationDateTime, null);
      assert.deepEqual(g.proxyAddresses, []);
      const owners = (await megan.api(`/groups/${g.id}/owners`).get()) as Page;
      assert.deepEqual(owners.value, []);
    });

    it('a non-admin creator becomes owner; naming themselves gives E11', async () => {
      const g = await securityGroup(ana);
      const owners = (await ana.api(`/groups/${g.id}/owners`).get()) as Page;
      assert.deepEqual(
        owners.value.map((o) => o.id),
        [U.ana.id],
      );
      await rejectsWithGraphError(
        securityGroup(ana, { 'owners@odata.bind': [bind(U.ana.id)] }),
        400,
        'Request_BadRequest',
        'Request contains a property with duplicate values.',
      );
    });

    it('binds owners and members on create, at most 20', async () => {
      const g = await securityGroup(megan, {
        'owners@odata.bind': [bind(U.bob.id)],
        'members@odata.bind': [bind(U.ana.id), bind(U.zoe.id)],
      });
      const members = (await megan.api(`/groups/${g.id}/members`).get()) as Page;
      assert.deepEqual(new Set(members.value.map((m) => m.id)), new Set([U.ana.id, U.zoe.id]));
      const many = Object.values(U)
        .slice(0, 21)
        .map((u) => bind(u.id));
      await rejectsWithGraphError(
        securityGroup(megan, { 'members@odata.bind': many }),
        400,
        'Request_BadRequest',
        /at most 20/,
      );
    });
  });

  describe('3. members and owners', () => {
    it('adds a member (204), then E1 on the second add', async () => {
      const g = await securityGroup(megan);
      assert.equal(await megan.api(`/groups/${g.id}/members/$ref`).post(ref(U.ana.id)), undefined);
      const members = (await megan.api(`/groups/${g.id}/members`).get()) as Page;
      assert.deepEqual(
        members.value.map((m) => [m['@odata.type'], m.id]),
        [['#microsoft.graph.user', U.ana.id]],
      );
      await rejectsWithGraphError(
        megan.api(`/groups/${g.id}/members/$ref`).post(ref(U.ana.id)),
        400,
        'Request_BadRequest',
        "One or more added object references already exist for the following modified properties: 'members'.",
      );
    });

    it('E2 for a missing member, E3 for a bad @odata.id', async () => {
      const missing = '0badc0de-0000-4000-8000-000000000001';
      await rejectsWithGraphError(
        megan.api(`/groups/${G.securityGroup101.id}/members/$ref`).post(ref(missing)),
        404,
        'Request_ResourceNotFound',
        `Resource '${missing}' does not exist or one of its queried reference-property objects are not present.`,
      );
      await rejectsWithGraphError(
        megan.api(`/groups/${G.securityGroup101.id}/members/$ref`).post({ '@odata.id': 'ana@contoso.com' }),
        400,
        'Request_UnsupportedQuery',
        "Unsupported referenced-object resource identifier for link property 'members'.",
      );
    });

    it('E4 on a mail-enabled security group and a distribution list', async () => {
      for (const g of [G.financeAlerts, G.allCompanyNews]) {
        await rejectsWithGraphError(
          megan.api(`/groups/${g.id}/members/$ref`).post(ref(U.ana.id)),
          400,
          'Request_BadRequest',
          'Cannot Update a mail-enabled security groups and or distribution list.',
        );
        await rejectsWithGraphError(
          megan.api(`/groups/${g.id}`).patch({ description: 'x' }),
          400,
          'Request_BadRequest',
          'Cannot Update a mail-enabled security groups and or distribution list.',
        );
      }
    });

    it('E5 for a non-owner, 204 for the owner', async () => {
      await rejectsWithGraphError(
        ana.api(`/groups/${G.securityGroup101.id}/members/$ref`).post(ref(U.zoe.id)),
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
      await bob.api(`/groups/${G.securityGroup101.id}/members/$ref`).post(ref(U.zoe.id));
      await bob.api(`/groups/${G.securityGroup101.id}/members/${U.zoe.id}/$ref`).delete();
    });

    it('dynamic groups refuse manual members with 403', async () => {
      await rejectsWithGraphError(
        megan.api(`/groups/${G.marketingDepartment.id}/members/$ref`).post(ref(U.bob.id)),
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    });

    it('Microsoft 365 groups take users only', async () => {
      await rejectsWithGraphError(
        megan.api(`/groups/${G.marketing.id}/members/$ref`).post(ref(G.designTeam.id)),
        400,
        'Request_BadRequest',
      );
    });

    it('removing a non-member gives E2; removing the last owner gives E6', async () => {
      await rejectsWithGraphError(
        megan.api(`/groups/${G.legal.id}/members/${U.zoe.id}/$ref`).delete(),
        404,
        'Request_ResourceNotFound',
      );
      await rejectsWithGraphError(
        megan.api(`/groups/${G.financeReaders.id}/owners/${U.olga.id}/$ref`).delete(),
        400,
        'Request_BadRequest',
        'The group must have at least one owner, hence this owner cannot be removed.',
      );
    });

    it('owners: add (204), E1 for a second add, remove when another owner remains', async () => {
      const g = await securityGroup(ana);
      await ana.api(`/groups/${g.id}/owners/$ref`).post(ref(U.bob.id));
      await rejectsWithGraphError(
        ana.api(`/groups/${g.id}/owners/$ref`).post(ref(U.bob.id)),
        400,
        'Request_BadRequest',
        "One or more added object references already exist for the following modified properties: 'owners'.",
      );
      await ana.api(`/groups/${g.id}/owners/${U.ana.id}/$ref`).delete();
      const owners = (await bob.api(`/groups/${g.id}/owners`).get()) as Page;
      assert.deepEqual(
        owners.value.map((o) => o.id),
        [U.bob.id],
      );
    });

    it('members@odata.bind PATCH is all-or-nothing', async () => {
      const g = await securityGroup(megan);
      await rejectsWithGraphError(
        megan
          .api(`/groups/${g.id}`)
          .patch({ 'members@odata.bind': [bind(U.ana.id), bind('0badc0de-0000-4000-8000-000000000002')] }),
        404,
        'Request_ResourceNotFound',
      );
      assert.deepEqual(((await megan.api(`/groups/${g.id}/members`).get()) as Page).value, []);
      await megan.api(`/groups/${g.id}`).patch({ 'members@odata.bind': [bind(U.ana.id), bind(U.bob.id)] });
      assert.equal(((await megan.api(`/groups/${g.id}/members`).get()) as Page).value.length, 2);
    });
  });

  describe('4. read shapes', () => {
    it('default shape vs $select, and their @odata.context', async () => {
      const def = (await megan.api(`/groups/${G.outlookGroup101.id}`).get()) as Obj;
      assert.equal(def.displayName, 'OutlookGroup101');
      assert.deepEqual(def.groupTypes, ['Unified']);
      assert.equal(def.mail, 'outlookgroup101@service.microsoft.com');
      assert.equal('assignedLicenses' in def, false);
      const sel = (await megan
        .api(`/groups/${G.outlookGroup101.id}`)
        .select('displayName,assignedLicenses')
        .get()) as Obj;
      assert.deepEqual(Object.keys(sel).sort(), ['@odata.context', 'assignedLicenses', 'displayName', 'id']);
      assert.match(sel['@odata.context'] as string, /\$metadata#groups\(displayName,assignedLicenses\)\/\$entity$/);
      const list = (await megan.api('/groups').select('id,displayName').top(2).get()) as Page;
      assert.match(list['@odata.context'], /\$metadata#groups\(id,displayName\)$/);
    });

    it('SecurityGroup101 has exactly the overview properties', async () => {
      const g = (await megan.api(`/groups/${G.securityGroup101.id}`).get()) as Obj;
      assert.deepEqual(
        [
          g.displayName,
          g.mailNickname,
          g.mail,
          g.mailEnabled,
          g.securityEnabled,
          g.visibility,
          g.description,
          g.createdDateTime,
        ],
        [
          'SecurityGroup101',
          'SecurityGroup101',
          null,
          false,
          true,
          null,
          'This group is a security group',
          '2016-08-23T14:46:56Z',
        ],
      );
    });

    it('relationship casts narrow type and context', async () => {
      const users = (await megan.api(`/groups/${G.securityGroup101.id}/members/microsoft.graph.user`).get()) as Page;
      assert.match(users['@odata.context'], /\$metadata#users$/);
      assert.deepEqual(new Set(users.value.map((u) => u.id)), new Set([U.bob.id, U.henrietta.id]));
      assert.ok(users.value.every((u) => typeof u.userPrincipalName === 'string'));
      const all = (await megan.api(`/groups/${G.securityGroup101.id}/members`).get()) as Page;
      assert.match(all['@odata.context'], /\$metadata#directoryObjects$/);
      assert.ok(all.value.some((m) => m['@odata.type'] === '#microsoft.graph.group'));
    });
  });

  describe('5. query subset', () => {
    it('$filter startsWith and eq, escaped quotes and non-ASCII', async () => {
      const anas = (await megan
        .api('/users')
        .filter("startsWith(displayName,'Ana')")
        .select('displayName')
        .get()) as Page;
      assert.deepEqual(anas.value.map((u) => u.displayName).sort(), ['Ana Silva', 'Ana Souza']);
      const liam = (await megan
        .api('/users')
        .filter(encodeURIComponent("displayName eq 'Liam O''Brien'"))
        .get()) as Page;
      assert.deepEqual(
        liam.value.map((u) => u.id),
        [U.liam.id],
      );
      const zoe = (await megan.api('/users').filter(encodeURIComponent("startsWith(displayName,'Zoë')")).get()) as Page;
      assert.deepEqual(
        zoe.value.map((u) => u.id),
        [U.zoe.id],
      );
      const falcons = (await megan.api('/groups').filter("displayName eq 'Project Falcon'").get()) as Page;
      assert.equal(falcons.value.length, 2);
    });

    it('$search needs ConsistencyLevel', async () => {
      await rejectsWithGraphError(
        megan.api('/groups').search('"displayName:Sales"').get(),
        400,
        'Request_UnsupportedQuery',
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
      const found = (await megan
        .api('/groups')
        .header('ConsistencyLevel', 'eventual')
        .search('"displayName:Sales"')
        .get()) as Page;
      assert.ok(found.value.some((g) => g.displayName === 'Sales and Marketing'));
    });

    it('$count segment without ConsistencyLevel, $top out of range, $skip', async () => {
      await rejectsWithGraphError(
        megan.api('/groups/$count').get(),
        400,
        'Request_BadRequest',
        '$count is not currently supported.',
      );
      await rejectsWithGraphError(
        megan.api('/groups').top(1000).get(),
        400,
        'Request_UnsupportedQuery',
        "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
      );
      await rejectsWithGraphError(megan.api('/groups').skip(5).get(), 400, 'Request_BadRequest');
    });

    it('$orderby displayName', async () => {
      const page = (await megan.api('/groups').orderby('displayName').select('displayName').top(999).get()) as Page;
      const names = page.value.map((g) => g.displayName as string);
      assert.deepEqual(
        names,
        [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
      );
    });
  });

  describe('6. PATCH, delete, restore, renew', () => {
    it('PATCH 204; E13 for an empty body; E12 for a read-only property', async () => {
      const g = await securityGroup(megan);
      assert.equal(await megan.api(`/groups/${g.id}`).patch({ description: 'updated' }), undefined);
      assert.equal(((await megan.api(`/groups/${g.id}`).get()) as Obj).description, 'updated');
      const res = await emu.raw('PATCH', `/v1.0/groups/${g.id}`, {
        token: await emu.token('megan@contoso.com'),
        body: '',
      });
      assert.equal(res.status, 400);
      assert.deepEqual((res.json() as { error: Obj }).error.message, 'Empty Payload. JSON content expected.');
      await rejectsWithGraphError(
        megan.api(`/groups/${g.id}`).patch({ mail: 'x@contoso.com' }),
        400,
        'Request_BadRequest',
        "Property 'mail' is read-only and cannot be set",
      );
    });

    it('soft delete, list and get deleted, restore (200), purge', async () => {
      const g = await securityGroup(ana);
      await ana.api(`/groups/${g.id}`).delete();
      await rejectsWithGraphError(ana.api(`/groups/${g.id}`).get(), 404, 'Request_ResourceNotFound');
      const deleted = (await megan.api('/directory/deletedItems/microsoft.graph.group').get()) as Page;
      assert.ok(deleted.value.some((d) => d.id === g.id && typeof d.deletedDateTime === 'string'));
      assert.ok(deleted.value.some((d) => d.id === G.oldProjectPhoenix.id));
      const restored = (await megan.api(`/directory/deletedItems/${g.id}/restore`).post({})) as Obj;
      assert.equal(restored['@odata.type'], '#microsoft.graph.group');
      assert.equal(restored.deletedDateTime, null);
      assert.equal(
        ((await ana.api(`/groups/${g.id}/owners`).get()) as Page).value[0]?.id,
        U.ana.id,
        'owners come back on restore',
      );
      await megan.api(`/groups/${g.id}`).delete();
      await megan.api(`/directory/deletedItems/${g.id}`).delete();
      await rejectsWithGraphError(megan.api(`/directory/deletedItems/${g.id}`).get(), 404, 'Request_ResourceNotFound');
    });

    it('renew moves renewedDateTime (204)', async () => {
      const before = (await megan.api(`/groups/${G.outlookGroup101.id}`).get()) as Obj;
      assert.equal(await megan.api(`/groups/${G.outlookGroup101.id}/renew`).post({}), undefined);
      const after = (await megan.api(`/groups/${G.outlookGroup101.id}`).get()) as Obj;
      assert.ok((after.renewedDateTime as string) > (before.renewedDateTime as string));
    });
  });

  describe('7. permissions', () => {
    it('guests cannot list groups or users, but can read a group by id', async () => {
      await rejectsWithGraphError(
        pat.api('/groups').get(),
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
      await rejectsWithGraphError(pat.api('/users').get(), 403, 'Authorization_RequestDenied');
      assert.equal(((await pat.api(`/groups/${G.sales.id}`).get()) as Obj).displayName, 'Sales');
    });

    it('a token without a write scope cannot create groups', async () => {
      const reader = await emu.clientFor('megan@contoso.com', ['User.Read', 'GroupMember.Read.All']);
      await rejectsWithGraphError(
        securityGroup(reader),
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    });

    it('Groups and User Administrators manage members of groups they do not own', async () => {
      const grace = await emu.clientFor('grace@contoso.com');
      const isaiah = await emu.clientFor('isaiah@contoso.com');
      await grace.api(`/groups/${G.researchAndDevelopment.id}/members/$ref`).post(ref(U.zoe.id));
      await isaiah.api(`/groups/${G.researchAndDevelopment.id}/members/${U.zoe.id}/$ref`).delete();
    });

    it('hidden memberships are hidden from non-members', async () => {
      await rejectsWithGraphError(
        ana.api(`/groups/${G.executiveLeadership.id}/members`).get(),
        403,
        'Authorization_RequestDenied',
      );
      const patti = await emu.clientFor('patti@contoso.com');
      assert.ok(((await patti.api(`/groups/${G.executiveLeadership.id}/members`).get()) as Page).value.length >= 4);
    });

    it('role-assignable groups need RoleManagement.ReadWrite.Directory', async () => {
      await rejectsWithGraphError(
        megan.api(`/groups/${G.helpdeskAdmins.id}/members/$ref`).post(ref(U.bob.id)),
        403,
        'Authorization_RequestDenied',
      );
    });
  });

  describe('8. $batch', () => {
    it('runs 20 steps; 204 steps have no body; JSON steps carry Content-Type', async () => {
      const g = await securityGroup(megan);
      const users = Object.values(U)
        .filter((u) => !('guest' in u))
        .slice(0, 19);
      const requests: Obj[] = users.map((u, i) => ({
        id: String(i + 1),
        method: 'POST',
        url: `/groups/${g.id}/members/$ref`,
        headers: { 'content-type': 'application/json' },
        body: ref(u.id),
      }));
      requests.push({ id: '20', method: 'GET', url: `/groups/${g.id}` });
      const res = (await megan.api('/$batch').post({ requests })) as { responses: Obj[] };
      assert.equal(res.responses.length, 20);
      for (const r of res.responses.filter((x) => x.id !== '20')) {
        assert.equal(r.status, 204);
        assert.equal('body' in r, false);
      }
      const get = res.responses.find((r) => r.id === '20') as Obj;
      assert.equal(get.status, 200);
      assert.match((get.headers as Record<string, string>)['Content-Type'] ?? '', /^application\/json/);
      assert.equal((get.body as Obj).id, g.id);
    });

    it('refuses more than 20 steps and duplicate ids with 400', async () => {
      const step = (id: string) => ({ id, method: 'GET', url: '/me' });
      await rejectsWithGraphError(
        megan.api('/$batch').post({ requests: Array.from({ length: 21 }, (_, i) => step(String(i))) }),
        400,
        'BadRequest',
      );
      await rejectsWithGraphError(megan.api('/$batch').post({ requests: [step('a'), step('a')] }), 400, 'BadRequest');
    });

    it('a failing step leaves no trace while the steps around it are committed', async () => {
      const g = await securityGroup(megan);
      const step = (id: string, memberId: string, dependsOn?: string[]) => ({
        id,
        method: 'POST',
        url: `/groups/${g.id}/members/$ref`,
        headers: { 'content-type': 'application/json' },
        body: ref(memberId),
        ...(dependsOn ? { dependsOn } : {}),
      });
      const res = (await megan.api('/$batch').post({
        requests: [
          step('1', U.liam.id),
          step('2', U.liam.id, ['1']),
          step('3', '00000000-0000-4000-8000-00000000beef', ['1']),
          step('4', U.jose.id, ['1']),
          { id: '5', method: 'GET', url: `/groups/${g.id}/members?$select=id`, dependsOn: ['4'] },
        ],
      })) as { responses: Obj[] };
      const by = Object.fromEntries(res.responses.map((r) => [r.id, r]));
      assert.equal(by['1']?.status, 204);
      assert.equal(by['2']?.status, 400, 'the second add of the same member is E1');
      assert.equal(
        ((by['2']?.body as Obj).error as Obj).message,
        "One or more added object references already exist for the following modified properties: 'members'.",
      );
      assert.equal(by['3']?.status, 404);
      assert.equal(by['4']?.status, 204);
      assert.deepEqual(
        ((by['5']?.body as Obj).value as Obj[]).map((m) => m.id).sort(),
        [U.liam.id, U.jose.id].sort(),
        'later steps see earlier writes',
      );
      const members = (await megan.api(`/groups/${g.id}/members`).select('id').get()) as Page;
      assert.deepEqual(members.value.map((m) => m.id).sort(), [U.liam.id, U.jose.id].sort());
    });

    it('refuses dependency cycles with 400 before any step runs', async () => {
      const g = await securityGroup(megan);
      const add = {
        method: 'POST',
        url: `/groups/${g.id}/members/$ref`,
        headers: { 'content-type': 'application/json' },
        body: ref(U.liam.id),
      };
      await rejectsWithGraphError(
        megan.api('/$batch').post({
          requests: [
            { id: '1', ...add },
            { id: '2', method: 'GET', url: '/me', dependsOn: ['3'] },
            { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
          ],
        }),
        400,
        'BadRequest',
        /cycle/,
      );
      const members = (await megan.api(`/groups/${g.id}/members`).select('id').get()) as Page;
      assert.deepEqual(members.value, [], 'step 1 did not run');
    });

    it('gives 424 to a step whose dependency failed; step errors stay inside', async () => {
      const res = (await megan.api('/$batch').post({
        requests: [
          { id: '1', method: 'GET', url: '/groups/00000000-0000-4000-8000-00000000beef' },
          { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
          { id: '3', method: 'GET', url: '/groups/$count', headers: { consistencylevel: 'eventual' } },
        ],
      })) as { responses: Obj[] };
      const by = Object.fromEntries(res.responses.map((r) => [r.id, r]));
      assert.equal(by['1']?.status, 404);
      assert.equal(((by['1']?.body as Obj).error as Obj).code, 'Request_ResourceNotFound');
      assert.equal(by['2']?.status, 424);
      assert.equal(by['3']?.status, 200);
      assert.match(String(by['3']?.body), /^\d+$/);
    });
  });

  describe('9. membership functions', () => {
    it('checkMemberGroups and transitiveMemberOf follow nesting (Ana → Design Team → SecurityGroup101)', async () => {
      const r = (await megan
        .api(`/users/${U.ana.id}/checkMemberGroups`)
        .post({ groupIds: [G.securityGroup101.id, G.legal.id] })) as Page;
      assert.match(r['@odata.context'], /Collection\(Edm\.String\)$/);
      assert.deepEqual(r.value, [G.securityGroup101.id]);
      const mine = (await ana.api('/me/transitiveMemberOf').get()) as Page;
      assert.ok(mine.value.some((g) => g.id === G.securityGroup101.id));
      const direct = (await ana.api('/me/memberOf').get()) as Page;
      assert.equal(
        direct.value.some((g) => g.id === G.securityGroup101.id),
        false,
      );
    });

    it('five levels deep: Zoë is in Engineering All; transitiveMembers flattens', async () => {
      const r = (await megan.api(`/users/${U.zoe.id}/getMemberGroups`).post({ securityEnabledOnly: true })) as Page;
      for (const k of [
        'engineeringAll',
        'engineeringPlatform',
        'platformCore',
        'identityServices',
        'directorySquad',
      ] as const)
        assert.ok(
          r.value.some((v) => (v as unknown) === G[k].id),
          k,
        );
      const tm = (await megan
        .api(`/groups/${G.engineeringAll.id}/transitiveMembers/microsoft.graph.user`)
        .get()) as Page;
      assert.ok(tm.value.some((u) => u.id === U.zoe.id));
      const objs = (await megan
        .api(`/directoryObjects/${U.zoe.id}/checkMemberObjects`)
        .post({ ids: [G.directorySquad.id, G.legal.id] })) as Page;
      assert.deepEqual(objs.value, [G.directorySquad.id]);
    });

    it('getMemberObjects includes directory roles for admins', async () => {
      const r = (await megan.api('/me/getMemberObjects').post({ securityEnabledOnly: false })) as Page;
      assert.ok(r.value.length >= 1);
      const roles = (await megan.api('/me/memberOf').get()) as Page;
      assert.ok(
        roles.value.some(
          (o) => o['@odata.type'] === '#microsoft.graph.directoryRole' && o.displayName === 'Global Administrator',
        ),
      );
    });
  });

  describe('10. fault injection', () => {
    afterEach(async () => {
      await emu.raw('DELETE', '/_emulator/faults');
    });

    it('429 with Retry-After; the client retries and succeeds', async () => {
      const set = await emu.raw('POST', '/_emulator/faults', {
        body: JSON.stringify({ status: 429, retryAfterSeconds: 0, count: 1, pathPattern: '/v1\\.0/me$' }),
      });
      assert.equal(set.status, 200);
      await emu.raw('POST', '/_emulator/stats/reset');
      const me = (await megan.api('/me').get()) as Obj;
      assert.equal(me.id, U.megan.id);
      const stats = (await emu.raw('GET', '/_emulator/stats')).json() as {
        requests: number;
        byStatus: Record<string, number>;
      };
      assert.equal(stats.requests, 2);
      assert.equal(stats.byStatus['429'], 1);
    });

    it('503 with the ServiceUnavailable code, as raw HTTP shows it', async () => {
      await emu.raw('POST', '/_emulator/faults', { body: JSON.stringify({ status: 503, retryAfterSeconds: 7 }) });
      const res = await emu.raw('GET', '/v1.0/me', { token: await emu.token('megan@contoso.com') });
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '7');
      assert.equal((res.json() as { error: Obj }).error.code, 'ServiceUnavailable');
    });

    it('refuses an invalid fault specification', async () => {
      const res = await emu.raw('POST', '/_emulator/faults', { body: JSON.stringify({ status: 418 }) });
      assert.equal(res.status, 400);
    });
  });

  describe('11. licensing', () => {
    it('subscribedSkus counts consumed units', async () => {
      const skus = (await megan.api('/subscribedSkus').get()) as Page;
      const e5 = skus.value.find((s) => s.skuPartNumber === 'ENTERPRISEPREMIUM') as Obj;
      assert.equal(e5.skuId, DEMO_SKUS.e5.skuId);
      assert.equal(e5.consumedUnits, 3);
      assert.equal((e5.prepaidUnits as Obj).enabled, 25);
    });

    it('assignLicense 202 + Location; members inherit; CountViolation past the units; joiners and leavers', async () => {
      const members = [U.adele, U.nestor, U.debra, U.christie];
      const g = await securityGroup(megan, { 'members@odata.bind': members.map((u) => bind(u.id)) });
      const res = await emu.raw('POST', `/v1.0/groups/${g.id}/assignLicense`, {
        token: await emu.token('megan@contoso.com'),
        body: JSON.stringify({ addLicenses: [{ skuId: DEMO_SKUS.ems.skuId, disabledPlans: [] }], removeLicenses: [] }),
      });
      assert.equal(res.status, 202);
      assert.match(res.headers.get('location') ?? '', new RegExp(`/groups/${g.id}$`));
      const states = await Promise.all(
        members.map(
          async (u) =>
            (
              (await megan.api(`/users/${u.id}`).select('licenseAssignmentStates,assignedLicenses').get()) as {
                licenseAssignmentStates: Obj[];
              }
            ).licenseAssignmentStates,
        ),
      );
      const flat = states.map((s) => s.find((x) => x.assignedByGroup === g.id));
      assert.equal(flat.filter((s) => s?.state === 'Active').length, 3);
      assert.deepEqual(
        flat.filter((s) => s?.state === 'Error').map((s) => s?.error),
        ['CountViolation'],
      );
      const errors = (await megan.api(`/groups/${g.id}/membersWithLicenseErrors`).get()) as Page;
      assert.equal(errors.value.length, 1);
      // a leaver frees a unit; a later joiner inherits
      const active = members.find((_, i) => flat[i]?.state === 'Active') as { id: string };
      await megan.api(`/groups/${g.id}/members/${active.id}/$ref`).delete();
      const left = (await megan.api(`/users/${active.id}`).select('licenseAssignmentStates').get()) as {
        licenseAssignmentStates: Obj[];
      };
      assert.equal(
        left.licenseAssignmentStates.some((s) => s.assignedByGroup === g.id),
        false,
      );
      await megan.api(`/groups/${g.id}/members/$ref`).post(ref(U.henrietta.id));
      const joined = (await megan.api(`/users/${U.henrietta.id}`).select('licenseAssignmentStates').get()) as {
        licenseAssignmentStates: Obj[];
      };
      assert.equal(joined.licenseAssignmentStates.find((s) => s.assignedByGroup === g.id)?.state, 'Active');
    });
  });
});
