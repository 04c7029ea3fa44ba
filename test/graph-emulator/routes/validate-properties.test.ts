/**
 * validateProperties (E18) and the Group.Unified naming policy it reads from /groupSettings, through the
 * Graph JS client.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEFAULT_SCOPES } from '../../../graph-emulator';
import { GROUP_UNIFIED_TEMPLATE_ID } from '../../../graph-emulator/directory/group-settings';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
const ADMIN_SCOPES = [...DEFAULT_SCOPES, 'Directory.ReadWrite.All'];

async function details(call: Promise<unknown>): Promise<Obj> {
  const e = await rejectsWithGraphError(
    call,
    422,
    'Request_UnprocessableEntity',
    'The values provided contain one or more validation errors.',
  );
  const body = (typeof e.body === 'string' ? JSON.parse(e.body) : e.body) as { details: Obj[] };
  assert.equal(body.details.length, 1, 'the first failure only');
  return body.details[0] as Obj;
}

describe('graph-emulator validateProperties and groupSettings', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let megan: Client;
  let ana: Client;

  before(async () => {
    megan = await emu.clientFor('megan@contoso.com', ADMIN_SCOPES);
    ana = await emu.clientFor('ana@contoso.com');
  });

  it('mailNickname uniqueness: 204 when free, E18 PropertyConflict when a Microsoft 365 group has it', async () => {
    assert.equal(
      await ana
        .api('/directoryObjects/validateProperties')
        .post({ entityType: 'Group', displayName: 'Anything', mailNickname: 'freenickname' }),
      undefined,
    );
    const d = await details(
      ana
        .api('/directoryObjects/validateProperties')
        .post({ entityType: 'Group', mailNickname: DEMO_GROUPS.sales.mailNickname }),
    );
    assert.deepEqual(d, {
      target: 'mailNickname',
      code: 'PropertyConflict',
      message: 'Another object with the same value for property mailNickname already exists.',
    });
    assert.equal(
      await ana
        .api(`/groups/${DEMO_GROUPS.sales.id}/validateProperties`)
        .post({ mailNickname: DEMO_GROUPS.sales.mailNickname }),
      undefined,
      'a group does not conflict with itself',
    );
  });

  it('bad bodies: entityType required and Group only, unknown properties, bad ids', async () => {
    await rejectsWithGraphError(
      ana.api('/directoryObjects/validateProperties').post({ displayName: 'x' }),
      400,
      'Request_BadRequest',
      "A value is required for property 'entityType' of resource 'DirectoryObject'.",
    );
    await rejectsWithGraphError(
      ana.api('/directoryObjects/validateProperties').post({ entityType: 'User', displayName: 'x' }),
      400,
      'Request_BadRequest',
    );
    await rejectsWithGraphError(
      ana.api('/directoryObjects/validateProperties').post({ entityType: 'Group', colour: 'x' }),
      400,
      'Request_BadRequest',
    );
    await rejectsWithGraphError(
      ana.api('/directoryObjects/validateProperties').post({ entityType: 'Group', mailNickname: 'has space' }),
      400,
      'Request_BadRequest',
      "Invalid value specified for property 'mailNickname' of resource 'Group'.",
    );
    await rejectsWithGraphError(
      ana.api('/groups/nope/validateProperties').post({ displayName: 'x' }),
      400,
      'Request_BadRequest',
      "Invalid object identifier 'nope'.",
    );
  });

  it('naming policy and blocked words from Group.Unified settings; admins are exempt; onBehalfOfUserId', async () => {
    await rejectsWithGraphError(
      ana.api('/groupSettings').post({ templateId: GROUP_UNIFIED_TEMPLATE_ID, values: [] }),
      403,
      'Authorization_RequestDenied',
    );
    const created = (await megan.api('/groupSettings').post({
      templateId: GROUP_UNIFIED_TEMPLATE_ID,
      values: [
        { name: 'PrefixSuffixNamingRequirement', value: 'GRP_[GroupName]_[Department]' },
        { name: 'CustomBlockedWordsList', value: 'Payroll,CEO' },
      ],
    })) as Obj;
    assert.equal(created.displayName, 'Group.Unified');
    assert.ok(
      (created.values as Obj[]).some((v) => v.name === 'EnableGroupCreation' && v.value === 'true'),
      'unset values take the template defaults',
    );
    await rejectsWithGraphError(
      megan.api('/groupSettings').post({ templateId: GROUP_UNIFIED_TEMPLATE_ID, values: [] }),
      400,
      'Request_BadRequest',
    );

    const missing = await details(
      ana.api('/directoryObjects/validateProperties').post({ entityType: 'Group', displayName: 'Budget' }),
    );
    assert.deepEqual(missing, {
      target: 'displayName',
      code: 'MissingPrefixSuffix',
      message: 'Property displayName does not match the required prefix/suffix pattern',
      prefix: 'GRP_',
      suffix: '_Marketing',
    });
    const blocked = await details(
      ana.api('/directoryObjects/validateProperties').post({
        entityType: 'Group',
        displayName: 'GRP_Payroll team_Marketing',
        mailNickname: DEMO_GROUPS.sales.mailNickname,
      }),
    );
    assert.equal(blocked.code, 'ContainsBlockedWord');
    assert.equal(
      await ana
        .api('/directoryObjects/validateProperties')
        .post({ entityType: 'Group', displayName: 'GRP_Budget_Marketing' }),
      undefined,
    );
    assert.equal(
      await megan.api('/directoryObjects/validateProperties').post({ entityType: 'Group', displayName: 'Payroll' }),
      undefined,
      'a Global Administrator is exempt',
    );
    const onBehalf = await details(
      megan
        .api('/directoryObjects/validateProperties')
        .post({ entityType: 'Group', displayName: 'Budget', onBehalfOfUserId: DEMO_USERS.bob.id }),
    );
    assert.equal(onBehalf.suffix, '_IT', "the policy uses onBehalfOfUserId's attributes");

    const list = (await ana.api('/groupSettings').get()) as { value: Obj[] };
    assert.deepEqual(
      list.value.map((s) => s.id),
      [created.id],
    );
    await megan
      .api(`/groupSettings/${created.id as string}`)
      .patch({ values: [{ name: 'PrefixSuffixNamingRequirement', value: '' }] });
    const got = (await ana.api(`/groupSettings/${created.id as string}`).get()) as Obj;
    assert.equal((got.values as Obj[]).find((v) => v.name === 'PrefixSuffixNamingRequirement')?.value, '');
    assert.equal(
      await ana.api('/directoryObjects/validateProperties').post({ entityType: 'Group', displayName: 'Budget' }),
      undefined,
    );
    await rejectsWithGraphError(
      megan.api(`/groupSettings/${created.id as string}`).patch({ values: [{ name: 'NoSuchSetting', value: 'x' }] }),
      400,
      'Request_BadRequest',
    );
    await megan.api(`/groupSettings/${created.id as string}`).delete();
    await rejectsWithGraphError(
      ana.api(`/groupSettings/${created.id as string}`).get(),
      404,
      'Request_ResourceNotFound',
    );
  });
});
