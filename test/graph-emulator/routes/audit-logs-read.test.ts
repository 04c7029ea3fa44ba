/**
 * The directory audit log (docs/graph-behaviour.md, Directory audit log) through the Graph JS client: member and
 * owner changes recorded with who made them, `$filter` on time, target and activity, `$top` and paging, and the
 * permission model (both scopes and an audit-reading role, else 403).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { DEFAULT_SCOPES } from '../../../graph-emulator/auth/delegated-scopes';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
interface AuditPage {
  value: Obj[];
  '@odata.nextLink'?: string;
}
const U = DEMO_USERS;
const G = DEMO_GROUPS;
const ref = (id: string): Obj => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });

describe('graph-emulator GET /auditLogs/directoryAudits', function () {
  this.timeout(90_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-audit-'));
  let emu: TestEmulator;
  let megan: Client;
  let grace: Client;
  let start: string;

  before(async () => {
    emu = await startTestEmulator({ dataDir });
    megan = await emu.clientFor('megan@contoso.com');
    grace = await emu.clientFor('grace@contoso.com');
    start = new Date(Date.now() - 1000).toISOString();
    await grace.api(`/groups/${G.legal.id}/members/$ref`).post(ref(U.ana.id));
    await grace.api(`/groups/${G.legal.id}/members/${U.bob.id}/$ref`).delete();
    await megan.api(`/groups/${G.legal.id}/owners/$ref`).post(ref(U.joni.id));
    await megan.api(`/groups/${G.legal.id}/owners/${U.joni.id}/$ref`).delete();
    await grace
      .api(`/groups/${G.designTeam.id}`)
      .patch({ 'members@odata.bind': [`https://graph.microsoft.com/v1.0/directoryObjects/${U.zoe.id}`] });
  });
  after(async () => {
    await closeGraphConnections();
    await emu?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('records member and owner changes newest first, with the initiating user and both targets', async () => {
    const page = (await megan
      .api('/auditLogs/directoryAudits')
      .filter(`activityDateTime ge ${start} and targetResources/any(t:t/id eq '${G.legal.id}')`)
      .get()) as AuditPage;
    assert.deepEqual(
      page.value.map((a) => a.activityDisplayName),
      ['Remove owner from group', 'Add owner to group', 'Remove member from group', 'Add member to group'],
    );
    const removed = page.value[2] as Obj;
    assert.deepEqual((removed.initiatedBy as { user: Obj }).user.id, U.grace.id);
    assert.equal((removed.initiatedBy as { user: Obj }).user.userPrincipalName, 'grace@contoso.com');
    const targets = removed.targetResources as Obj[];
    assert.deepEqual(
      targets.map((t) => [t.id, t.type]),
      [
        [U.bob.id, 'User'],
        [G.legal.id, 'Group'],
      ],
    );
    assert.equal(removed.category, 'GroupManagement');
    assert.equal(removed.loggedByService, 'Core Directory');
    assert.ok(Date.parse(removed.activityDateTime as string) >= Date.parse(start));
  });

  it('records binds of a PATCH, filters by activity and initiator, and pages with $top', async () => {
    const adds = (await megan
      .api('/auditLogs/directoryAudits')
      .filter(`activityDisplayName eq 'Add member to group' and targetResources/any(t:t/id eq '${U.zoe.id}')`)
      .get()) as AuditPage;
    assert.equal(adds.value.length, 1);
    assert.equal(((adds.value[0] as Obj).initiatedBy as { user: Obj }).user.id, U.grace.id);
    const owners = (await megan
      .api('/auditLogs/directoryAudits')
      .filter("startswith(activityDisplayName,'Add owner')")
      .get()) as AuditPage;
    assert.deepEqual(
      owners.value.map((a) => a.activityDisplayName),
      ['Add owner to group'],
    );
    const byMegan = (await megan
      .api('/auditLogs/directoryAudits')
      .filter(`initiatedBy/user/id eq '${U.megan.id}'`)
      .get()) as AuditPage;
    assert.equal(byMegan.value.length, 2);
    const first = (await megan
      .api('/auditLogs/directoryAudits')
      .top(2)
      .orderby('activityDateTime asc')
      .get()) as AuditPage;
    assert.equal(first.value.length, 2);
    assert.match(
      first['@odata.nextLink'] as string,
      /^https:\/\/localhost:\d+\/v1\.0\/auditLogs\/directoryAudits\?\$skiptoken=/,
    );
    const rest = (await megan.api(first['@odata.nextLink'] as string).get()) as AuditPage;
    assert.equal(rest.value.length, 2);
    assert.equal((rest.value[0] as Obj).activityDisplayName, 'Add owner to group');
  });

  it('needs AuditLog.Read.All and Directory.Read.All, and an audit-reading role', async () => {
    const noAudit = await emu.clientFor(
      'megan@contoso.com',
      DEFAULT_SCOPES.filter((s) => s !== 'AuditLog.Read.All'),
    );
    await rejectsWithGraphError(
      noAudit.api('/auditLogs/directoryAudits').get(),
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
    const noDirectory = await emu.clientFor(
      'megan@contoso.com',
      DEFAULT_SCOPES.filter((s) => s !== 'Directory.Read.All'),
    );
    await rejectsWithGraphError(
      noDirectory.api('/auditLogs/directoryAudits').get(),
      403,
      'Authorization_RequestDenied',
    );
    await rejectsWithGraphError(
      grace.api('/auditLogs/directoryAudits').get(),
      403,
      'Authentication_RequestFromUnsupportedUserRole',
      'User is not in the allowed roles',
    );
    const ana = await emu.clientFor('ana@contoso.com');
    await rejectsWithGraphError(
      ana.api('/auditLogs/directoryAudits').get(),
      403,
      'Authentication_RequestFromUnsupportedUserRole',
    );
  });

  it('refuses filters and options directoryAudits does not support', async () => {
    await rejectsWithGraphError(
      megan.api('/auditLogs/directoryAudits').filter("activityDisplayName ne 'Add member to group'").get(),
      400,
      'Request_UnsupportedQuery',
    );
    await rejectsWithGraphError(megan.api('/auditLogs/directoryAudits').top(0).get(), 400, 'Request_UnsupportedQuery');
    await rejectsWithGraphError(
      megan.api('/auditLogs/directoryAudits').select('id').get(),
      400,
      'Request_UnsupportedQuery',
    );
  });
});
