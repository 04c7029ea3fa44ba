/**
 * Dynamic membership (rules from common/rules) as Graph clients see it: members follow the rule on create and
 * on rule change, Paused freezes, invalid rules are refused, static → dynamic drops manual members.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

const U = DEMO_USERS;
const members = async (c: Client, id: string) =>
  new Set(
    ((await c.api(`/groups/${id}/members`).top(999).get()) as { value: { id: string }[] }).value.map((m) => m.id),
  );

describe('graph-emulator dynamic membership', function () {
  this.timeout(60_000);
  const emu = useTestEmulator({ dynamicProcessingDelayMs: 0 }); // these assertions need instant processing;
  let megan: Client;
  before(async () => {
    megan = await emu.clientFor('megan@contoso.com');
  });

  it('seeds "Marketing department" from user.department -eq "Marketing"', async () => {
    assert.deepEqual(
      await members(megan, DEMO_GROUPS.marketingDepartment.id),
      new Set([U.megan.id, U.ana.id, U.francois.id]),
    );
  });

  it('evaluates a new dynamic group, follows rule changes, freezes when Paused', async () => {
    const g = (await megan.api('/groups').post({
      displayName: 'Berlin people',
      mailEnabled: false,
      mailNickname: 'berlinpeople',
      securityEnabled: true,
      groupTypes: ['DynamicMembership'],
      membershipRule: 'user.city -eq "Berlin"',
      membershipRuleProcessingState: 'on',
    })) as { id: string; membershipRuleProcessingState: string };
    assert.equal(g.membershipRuleProcessingState, 'On');
    assert.deepEqual(await members(megan, g.id), new Set([U.zoe.id, U.johanna.id]));
    await megan.api(`/groups/${g.id}`).patch({ membershipRule: 'user.city -eq "Madrid"' });
    assert.deepEqual(await members(megan, g.id), new Set([U.jose.id]));
    await megan.api(`/groups/${g.id}`).patch({ membershipRuleProcessingState: 'Paused' });
    await megan.api(`/groups/${g.id}`).patch({ membershipRule: 'user.city -eq "Berlin"' });
    assert.deepEqual(await members(megan, g.id), new Set([U.jose.id]), 'Paused keeps the membership frozen');
    await megan.api(`/groups/${g.id}`).patch({ membershipRuleProcessingState: 'On' });
    assert.deepEqual(await members(megan, g.id), new Set([U.zoe.id, U.johanna.id]));
  });

  it('refuses an invalid rule with 400 naming the rule error', async () => {
    await rejectsWithGraphError(
      megan.api('/groups').post({
        displayName: 'Broken',
        mailEnabled: false,
        mailNickname: 'broken',
        securityEnabled: true,
        groupTypes: ['DynamicMembership'],
        membershipRule: 'user.city -eq',
      }),
      400,
      'Request_BadRequest',
      /membershipRule.*column/,
    );
  });

  it('static → dynamic drops the manual members', async () => {
    const g = (await megan.api('/groups').post({
      displayName: 'Was static',
      mailEnabled: false,
      mailNickname: 'wasstatic',
      securityEnabled: true,
      'members@odata.bind': [U.bob.id, U.ana.id].map((id) => `https://graph.microsoft.com/v1.0/directoryObjects/${id}`),
    })) as { id: string };
    await megan
      .api(`/groups/${g.id}`)
      .patch({ groupTypes: ['DynamicMembership'], membershipRule: 'user.department -eq "Marketing"' });
    assert.deepEqual(await members(megan, g.id), new Set([U.megan.id, U.ana.id, U.francois.id]));
  });
});
