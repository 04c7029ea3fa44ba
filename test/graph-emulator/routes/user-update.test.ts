/**
 * PATCH /users/{id} through the Graph JS client: who may update users, the writable properties, E12/E13,
 * and dynamic groups following a user's property change end to end (Paused groups stay frozen).
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEFAULT_SCOPES } from '../../../graph-emulator';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
const U = DEMO_USERS;
const WRITE_SCOPES = [...DEFAULT_SCOPES, 'User.ReadWrite.All'];

describe('graph-emulator PATCH /users/{id}', function () {
  this.timeout(60_000);
  const emu = useTestEmulator({ dynamicProcessingDelayMs: 0 }); // these assertions need instant processing;
  let megan: Client; // Global Administrator, with User.ReadWrite.All
  let isaiah: Client; // User Administrator, with User.ReadWrite.All

  before(async () => {
    megan = await emu.clientFor('megan@contoso.com', WRITE_SCOPES);
    isaiah = await emu.clientFor('isaiah@contoso.com', WRITE_SCOPES);
  });

  const memberIds = async (groupId: string): Promise<string[]> =>
    ((await megan.api(`/groups/${groupId}/members`).select('id').top(999).get()) as { value: Obj[] }).value.map(
      (m) => m.id as string,
    );

  async function dynamicGroup(name: string, rule: string): Promise<string> {
    const g = (await megan.api('/groups').post({
      displayName: name,
      mailEnabled: true,
      mailNickname: name.replace(/\W/g, '').toLowerCase(),
      securityEnabled: false,
      groupTypes: ['Unified', 'DynamicMembership'],
      membershipRule: rule,
      membershipRuleProcessingState: 'On',
    })) as Obj;
    return g.id as string;
  }

  it('moves Ana from Marketing to Sales: dynamic groups follow, Paused groups do not', async () => {
    const salesPeople = await dynamicGroup('Sales people dynamic', 'user.department -eq "Sales"');
    const pausedMarketing = await dynamicGroup('Paused Marketing', 'user.department -eq "Marketing"');
    const pausedSales = await dynamicGroup('Paused Sales', 'user.department -eq "Sales"');
    for (const id of [pausedMarketing, pausedSales])
      await megan.api(`/groups/${id}`).patch({ membershipRuleProcessingState: 'Paused' });
    assert.ok((await memberIds(DEMO_GROUPS.marketingDepartment.id)).includes(U.ana.id));
    assert.ok(!(await memberIds(salesPeople)).includes(U.ana.id));
    assert.ok((await memberIds(pausedMarketing)).includes(U.ana.id));
    assert.ok(!(await memberIds(pausedSales)).includes(U.ana.id));

    assert.equal(await megan.api(`/users/${U.ana.id}`).patch({ department: 'Sales' }), undefined);

    assert.equal(((await megan.api(`/users/${U.ana.id}`).select('department').get()) as Obj).department, 'Sales');
    assert.ok(
      !(await memberIds(DEMO_GROUPS.marketingDepartment.id)).includes(U.ana.id),
      'Ana left Marketing department',
    );
    assert.ok((await memberIds(salesPeople)).includes(U.ana.id), 'Ana joined the Sales dynamic group');
    assert.ok((await memberIds(pausedMarketing)).includes(U.ana.id), 'a Paused group keeps her');
    assert.ok(!(await memberIds(pausedSales)).includes(U.ana.id), 'a Paused group does not take her');
    const groups = (await megan
      .api(`/users/${U.ana.id}/memberOf`)
      .header('ConsistencyLevel', 'eventual')
      .query({ $count: 'true' })
      .get()) as { value: Obj[] };
    assert.ok(groups.value.some((g) => g.id === salesPeople));
  });

  it('updates the writable properties by UPN, merging onPremisesExtensionAttributes', async () => {
    await isaiah.api('/users/liam.obrien@contoso.com').patch({
      jobTitle: 'Sales Lead',
      city: null,
      usageLocation: 'ie',
      accountEnabled: true,
      onPremisesExtensionAttributes: { extensionAttribute1: 'A' },
    });
    await isaiah.api(`/users/${U.liam.id}`).patch({ onPremisesExtensionAttributes: { extensionAttribute2: 'B' } });
    const liam = (await megan
      .api(`/users/${U.liam.id}`)
      .select('jobTitle,city,usageLocation,onPremisesExtensionAttributes')
      .get()) as Obj;
    assert.equal(liam.jobTitle, 'Sales Lead');
    assert.equal(liam.city, null);
    assert.equal(liam.usageLocation, 'IE');
    const ext = liam.onPremisesExtensionAttributes as Obj;
    assert.equal(ext.extensionAttribute1, 'A');
    assert.equal(ext.extensionAttribute2, 'B');
    assert.equal(ext.extensionAttribute15, null);
  });

  it('403 for non-admins, tokens without a user-write scope, and User Administrators changing a Global Administrator', async () => {
    const ana = await emu.clientFor('ana@contoso.com', WRITE_SCOPES);
    await rejectsWithGraphError(
      ana.api(`/users/${U.ana.id}`).patch({ jobTitle: 'Boss' }),
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
    const meganDefault = await emu.clientFor('megan@contoso.com');
    await rejectsWithGraphError(
      meganDefault.api(`/users/${U.ana.id}`).patch({ jobTitle: 'Boss' }),
      403,
      'Authorization_RequestDenied',
    );
    await rejectsWithGraphError(
      isaiah.api(`/users/${U.megan.id}`).patch({ jobTitle: 'Boss' }),
      403,
      'Authorization_RequestDenied',
    );
    assert.equal(
      ((await megan.api(`/users/${U.ana.id}`).select('jobTitle').get()) as Obj).jobTitle,
      'Marketing Specialist',
    );
  });

  it('E12 for read-only properties, E13 for an empty body, 400 for unknown properties and bad values, E2/E14 for ids', async () => {
    await rejectsWithGraphError(
      megan.api(`/users/${U.ana.id}`).patch({ mail: 'x@contoso.com' }),
      400,
      'Request_BadRequest',
      "Property 'mail' is read-only and cannot be set",
    );
    await rejectsWithGraphError(
      megan.api(`/users/${U.ana.id}`).patch({ id: U.bob.id }),
      400,
      'Request_BadRequest',
      "Property 'id' is read-only and cannot be set",
    );
    await rejectsWithGraphError(
      megan.api(`/users/${U.ana.id}`).patch({ favouriteColour: 'red' }),
      400,
      'Request_BadRequest',
      "Property 'favouriteColour' does not exist as a declared property or extension property on type 'microsoft.graph.user'.",
    );
    await rejectsWithGraphError(
      megan.api(`/users/${U.ana.id}`).patch({ accountEnabled: 'yes' }),
      400,
      'Request_BadRequest',
      "Invalid value specified for property 'accountEnabled' of resource 'User'.",
    );
    await rejectsWithGraphError(
      megan.api(`/users/${U.ana.id}`).patch({ displayName: '' }),
      400,
      'Request_BadRequest',
      "Invalid value specified for property 'displayName' of resource 'User'.",
    );
    await rejectsWithGraphError(
      megan.api(`/users/${U.ana.id}`).patch({ onPremisesExtensionAttributes: { extensionAttribute16: 'x' } }),
      400,
      'Request_BadRequest',
    );
    await rejectsWithGraphError(
      megan.api('/users/00000000-0000-4000-8000-000000000000').patch({ city: 'Oslo' }),
      404,
      'Request_ResourceNotFound',
    );
    await rejectsWithGraphError(
      megan.api('/users/not-an-id').patch({ city: 'Oslo' }),
      400,
      'Request_BadRequest',
      "Invalid object identifier 'not-an-id'.",
    );
    const res = await emu.raw('PATCH', `/v1.0/users/${U.ana.id}`, {
      token: await emu.token('megan@contoso.com', WRITE_SCOPES),
      body: '',
    });
    assert.equal(res.status, 400);
    assert.equal((res.json() as { error: Obj }).error.message, 'Empty Payload. JSON content expected.');
  });
});
