/**
 * GET /directoryRoles, /directoryRoles/{id} and /directoryRoles/{id}/members, by object id and by the alternate
 * key directoryRoles(roleTemplateId='…'), through the Graph JS client: only activated roles (someone holds them),
 * `$select` and `$filter`, members with `@odata.type`, 404 for unknown and unactivated roles, and who may read.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEFAULT_SCOPES } from '../../../graph-emulator';
import {
  DIRECTORY_ROLES,
  GLOBAL_ADMINISTRATOR,
  GROUPS_ADMINISTRATOR,
} from '../../../graph-emulator/directory/directory-roles';
import { DEMO_USERS, type DemoUser } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
interface Page {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: Obj[];
}

const ROLE_READ = [...DEFAULT_SCOPES, 'RoleManagement.Read.Directory'];
const byTemplate = (templateId: string) => `/directoryRoles(roleTemplateId='${templateId}')`;

/** Ids of the demo users holding the role, sorted. */
function holdersBySeed(templateId: string): string[] {
  return Object.values<DemoUser>(DEMO_USERS)
    .filter((u) => (u.roles ?? []).includes(templateId))
    .map((u) => u.id)
    .sort();
}

/** Template ids of the roles someone holds in the demo tenant, sorted. */
const heldTemplates = (): string[] =>
  [...new Set(Object.values<DemoUser>(DEMO_USERS).flatMap((u) => u.roles ?? []))].sort();
const unheldRole = () => {
  const held = new Set(heldTemplates());
  const role = DIRECTORY_ROLES.find((r) => !held.has(r.roleTemplateId));
  assert.ok(role, 'the demo tenant leaves some known role unassigned');
  return role;
};
const roleDefinition = (templateId: string) => {
  const role = DIRECTORY_ROLES.find((r) => r.roleTemplateId === templateId);
  assert.ok(role);
  return role;
};

describe('graph-emulator GET directoryRoles', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let ana: Client; // ordinary member, with a scope that reads roles
  let bareAna: Client; // the bot's scopes without Directory.Read.All (which the bot asks for only for history's audit reads)

  before(async () => {
    ana = await emu.clientFor(DEMO_USERS.ana.upn, ROLE_READ);
    bareAna = await emu.clientFor(
      DEMO_USERS.ana.upn,
      DEFAULT_SCOPES.filter((x) => !/^Directory\./.test(x)),
    );
  });

  it('lists exactly the activated roles, without @odata.type on the items', async () => {
    const page = (await ana.api('/directoryRoles').get()) as Page;
    assert.match(page['@odata.context'], /\/v1\.0\/\$metadata#directoryRoles$/);
    assert.deepEqual(page.value.map((r) => r.roleTemplateId).sort(), heldTemplates());
    assert.ok(
      !page.value.some((r) => r.roleTemplateId === unheldRole().roleTemplateId),
      'a role nobody holds is not activated',
    );
    const groupsAdmin = page.value.find((r) => r.roleTemplateId === GROUPS_ADMINISTRATOR);
    assert.deepEqual(Object.keys(groupsAdmin ?? {}).sort(), [
      'deletedDateTime',
      'description',
      'displayName',
      'id',
      'roleTemplateId',
    ]);
    assert.equal(groupsAdmin?.displayName, roleDefinition(GROUPS_ADMINISTRATOR).displayName);
  });

  it('honours $select and $filter eq on the list', async () => {
    const page = (await ana
      .api('/directoryRoles')
      .select('displayName')
      .filter(`roleTemplateId eq '${GROUPS_ADMINISTRATOR}'`)
      .get()) as Page;
    assert.match(page['@odata.context'], /#directoryRoles\(displayName\)$/);
    assert.deepEqual(page.value, [
      { id: roleDefinition(GROUPS_ADMINISTRATOR).id, displayName: roleDefinition(GROUPS_ADMINISTRATOR).displayName },
    ]);
    await rejectsWithGraphError(
      ana.api('/directoryRoles').filter("startsWith(displayName,'Groups')").get(),
      400,
      'Request_UnsupportedQuery',
    );
  });

  it('gets a role by id and by roleTemplateId, the same object', async () => {
    const listed = ((await ana.api('/directoryRoles').get()) as Page).value.find(
      (r) => r.roleTemplateId === GROUPS_ADMINISTRATOR,
    ) as Obj;
    const byId = (await ana.api(`/directoryRoles/${listed.id as string}`).get()) as Obj;
    assert.match(byId['@odata.context'] as string, /#directoryRoles\/\$entity$/);
    const { '@odata.context': _ctx, ...role } = byId;
    assert.deepEqual(role, listed);
    const byKey = (await ana.api(byTemplate(GROUPS_ADMINISTRATOR)).get()) as Obj;
    assert.equal(byKey.id, listed.id);
    const selected = (await ana.api(byTemplate(GROUPS_ADMINISTRATOR)).select('roleTemplateId').get()) as Obj;
    assert.deepEqual(
      Object.keys(selected)
        .filter((k) => !k.startsWith('@'))
        .sort(),
      ['id', 'roleTemplateId'],
    );
    assert.match(selected['@odata.context'] as string, /#directoryRoles\(roleTemplateId\)\/\$entity$/);
  });

  it('lists the members by id and by roleTemplateId, each with @odata.type', async () => {
    const holders = holdersBySeed(GROUPS_ADMINISTRATOR);
    assert.ok(holders.includes(DEMO_USERS.grace.id), 'Grace is the demo Groups Administrator');
    const viaKey = (await ana.api(`${byTemplate(GROUPS_ADMINISTRATOR)}/members`).get()) as Page;
    assert.match(viaKey['@odata.context'], /#directoryObjects$/);
    assert.deepEqual(viaKey.value.map((m) => m.id).sort(), holders);
    assert.ok(viaKey.value.every((m) => m['@odata.type'] === '#microsoft.graph.user'));
    const grace = viaKey.value.find((m) => m.id === DEMO_USERS.grace.id);
    assert.equal(grace?.userPrincipalName, DEMO_USERS.grace.upn);
    const viaId = (await ana.api(`/directoryRoles/${roleDefinition(GROUPS_ADMINISTRATOR).id}/members`).get()) as Page;
    assert.deepEqual(viaId.value, viaKey.value);
  });

  it('honours $select on the members, keeping @odata.type', async () => {
    const page = (await ana
      .api(`${byTemplate(GROUPS_ADMINISTRATOR)}/members`)
      .select('id,displayName')
      .get()) as Page;
    assert.match(page['@odata.context'], /#directoryObjects\(id,displayName\)$/);
    for (const m of page.value) assert.deepEqual(Object.keys(m).sort(), ['@odata.type', 'displayName', 'id']);
    assert.equal(page.value.find((m) => m.id === DEMO_USERS.grace.id)?.displayName, DEMO_USERS.grace.displayName);
  });

  it('does not page members with $top (pages of 1,000, as documented)', async () => {
    const holders = holdersBySeed(GLOBAL_ADMINISTRATOR);
    assert.ok(holders.length > 1, 'the demo tenant has several Global Administrators');
    const page = (await ana
      .api(`${byTemplate(GLOBAL_ADMINISTRATOR)}/members`)
      .top(1)
      .get()) as Page;
    assert.deepEqual(page.value.map((m) => m.id).sort(), holders);
    assert.equal(page['@odata.nextLink'], undefined);
  });

  it('answers 404 Request_ResourceNotFound for unknown and unactivated roles, 400 for malformed ids', async () => {
    const unknown = 'a0c8f1e2-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
    assert.ok(!DIRECTORY_ROLES.some((r) => r.id === unknown || r.roleTemplateId === unknown));
    await rejectsWithGraphError(
      ana.api(`/directoryRoles/${unknown}`).get(),
      404,
      'Request_ResourceNotFound',
      new RegExp(unknown),
    );
    await rejectsWithGraphError(
      ana.api(`${byTemplate(unknown)}/members`).get(),
      404,
      'Request_ResourceNotFound',
      new RegExp(unknown),
    );
    const unheld = unheldRole();
    await rejectsWithGraphError(ana.api(byTemplate(unheld.roleTemplateId)).get(), 404, 'Request_ResourceNotFound');
    await rejectsWithGraphError(
      ana.api(`${byTemplate(unheld.roleTemplateId)}/members`).get(),
      404,
      'Request_ResourceNotFound',
    );
    await rejectsWithGraphError(ana.api(`/directoryRoles/${unheld.id}`).get(), 404, 'Request_ResourceNotFound');
    await rejectsWithGraphError(ana.api('/directoryRoles/not-a-guid/members').get(), 400, 'Request_BadRequest');
  });

  it('the 404 has the Graph error body the other routes use', async () => {
    const token = await emu.token(DEMO_USERS.ana.upn, ROLE_READ);
    const res = await emu.raw('GET', `/v1.0${byTemplate(unheldRole().roleTemplateId)}/members`, { token });
    assert.equal(res.status, 404);
    const error = (res.json() as { error: Obj }).error;
    assert.equal(error.code, 'Request_ResourceNotFound');
    assert.match(error.message as string, /does not exist/);
    assert.ok((error.innerError as Obj)['request-id'], 'innerError carries the request id');
  });

  it('needs a scope that reads roles: without one 403, Directory.Read.All works', async () => {
    await rejectsWithGraphError(bareAna.api('/directoryRoles').get(), 403, 'Authorization_RequestDenied');
    await rejectsWithGraphError(
      bareAna.api(`${byTemplate(GROUPS_ADMINISTRATOR)}/members`).get(),
      403,
      'Authorization_RequestDenied',
    );
    const directoryRead = await emu.clientFor(DEMO_USERS.ana.upn, [...DEFAULT_SCOPES, 'Directory.Read.All']);
    const page = (await directoryRead.api(`${byTemplate(GROUPS_ADMINISTRATOR)}/members`).get()) as Page;
    assert.deepEqual(page.value.map((m) => m.id).sort(), holdersBySeed(GROUPS_ADMINISTRATOR));
  });

  it('refuses guests even with the scope', async () => {
    const guest = await emu.clientFor(DEMO_USERS.pat.upn, ROLE_READ);
    await rejectsWithGraphError(guest.api('/directoryRoles').get(), 403, 'Authorization_RequestDenied');
    await rejectsWithGraphError(
      guest.api(`${byTemplate(GROUPS_ADMINISTRATOR)}/members`).get(),
      403,
      'Authorization_RequestDenied',
    );
  });

  it('without a scope that reads users, members carry only @odata.type and id', async () => {
    const rolesOnly = await emu.clientFor(DEMO_USERS.ana.upn, ['RoleManagement.Read.Directory']);
    const page = (await rolesOnly.api(`${byTemplate(GROUPS_ADMINISTRATOR)}/members`).get()) as Page;
    assert.deepEqual(page.value.map((m) => m.id).sort(), holdersBySeed(GROUPS_ADMINISTRATOR));
    for (const m of page.value) assert.deepEqual(Object.keys(m).sort(), ['@odata.type', 'id']);
  });
});
