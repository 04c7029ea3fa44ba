/**
 * Behaviours where the emulator follows the Graph v1.0 documentation that Microsoft's own SDK relies on, driven
 * through `@microsoft/microsoft-graph-client` configured as the bot configures it (createGraphClient):
 * assignLicense roles, expiry only under a lifecycle policy, `$expand=members|owners`, the SDK's URL forms,
 * delta `$filter`/`return=minimal`, `$ref` lists and directoryObjects, `$select` coverage, asynchronous dynamic
 * membership (status on beta only), group lifecycle policies and renew, and guest invitations.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEMO_GROUPS, DEMO_LIFECYCLE_POLICY, DEMO_SKUS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { DEFAULT_SCOPES } from '../../graph-emulator';
import { useTestEmulator } from '../support/emulator';
import { rejectsWithGraphError } from './graph-assert';

type Obj = Record<string, unknown>;
interface Page {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  value: Obj[];
}

const U = DEMO_USERS;
const G = DEMO_GROUPS;
const DIRECTORY_WRITE = [...DEFAULT_SCOPES, 'Directory.ReadWrite.All'];
let counter = 0;
const nick = (p: string) => `${p}${Date.now().toString(36)}${counter++}`;
const ids = (page: Page) => page.value.map((o) => o.id as string).sort();

describe('graph-emulator fidelity to the v1.0 documentation (through the Graph JS client)', function () {
  this.timeout(90_000);
  const emu = useTestEmulator({ dynamicProcessingDelayMs: 60_000 }); // processing runs only when a test asks
  let megan: Client; // Global Administrator
  let grace: Client; // Groups Administrator
  let ana: Client; // ordinary member
  let olga: Client; // Guest Inviter, owner of Marketing

  before(async () => {
    megan = await emu.clientFor('megan@contoso.com');
    grace = await emu.clientFor('grace@contoso.com');
    ana = await emu.clientFor('ana@contoso.com');
    olga = await emu.clientFor('olga@contoso.com');
  });

  const processNow = () => (emu.emulator.dynamicIdle as () => Promise<void>)();

  describe('1. dynamic membership is processed asynchronously', () => {
    it('a new dynamic group starts empty, NotStarted on beta, and is filled when processing runs', async () => {
      const n = nick('dyn');
      const g = (await megan.api('/groups').post({
        displayName: `Berlin ${n}`,
        mailEnabled: false,
        mailNickname: n,
        securityEnabled: true,
        groupTypes: ['DynamicMembership'],
        membershipRule: 'user.city -eq "Berlin"',
        membershipRuleProcessingState: 'On',
      })) as Obj;
      assert.deepEqual(
        ids((await megan.api(`/groups/${g.id}/members`).get()) as Page),
        [],
        'no members before processing',
      );
      const before = (await megan
        .api(`/groups/${g.id}`)
        .version('beta')
        .select('id,membershipRuleProcessingStatus')
        .get()) as Obj;
      assert.deepEqual(before.membershipRuleProcessingStatus, {
        status: 'NotStarted',
        lastMembershipUpdated: null,
        errorMessage: null,
      });
      await processNow();
      assert.deepEqual(
        ids((await megan.api(`/groups/${g.id}/members`).get()) as Page),
        [U.zoe.id, U.johanna.id].sort(),
      );
      const after = (await megan
        .api(`/groups/${g.id}`)
        .version('beta')
        .select('membershipRuleProcessingStatus')
        .get()) as { membershipRuleProcessingStatus: Obj };
      assert.equal(after.membershipRuleProcessingStatus.status, 'Succeeded');
      assert.match(after.membershipRuleProcessingStatus.lastMembershipUpdated as string, /^\d{4}-\d\d-\d\dT/);
    });

    it('serves membershipRuleProcessingStatus on beta only', async () => {
      await rejectsWithGraphError(
        megan.api(`/groups/${G.seattleEmployees.id}`).select('membershipRuleProcessingStatus').get(),
        400,
        'Request_BadRequest',
        /membershipRuleProcessingStatus/,
      );
      const beta = (await megan
        .api(`/groups/${G.seattleEmployees.id}`)
        .version('beta')
        .select('membershipRuleProcessingStatus')
        .get()) as Obj;
      assert.equal((beta.membershipRuleProcessingStatus as Obj).status, 'Succeeded');
      const stat = (await megan
        .api(`/groups/${G.marketing.id}`)
        .version('beta')
        .select('membershipRuleProcessingStatus')
        .get()) as Obj;
      assert.equal(stat.membershipRuleProcessingStatus, null, 'null for a group without a rule');
    });

    it('a rule change keeps the old members until processing runs; a paused rule stays paused', async () => {
      const n = nick('dyn');
      const g = (await megan.api('/groups').post({
        displayName: `City ${n}`,
        mailEnabled: false,
        mailNickname: n,
        securityEnabled: true,
        groupTypes: ['DynamicMembership'],
        membershipRule: 'user.city -eq "Madrid"',
      })) as Obj;
      await processNow();
      assert.deepEqual(ids((await megan.api(`/groups/${g.id}/members`).get()) as Page), [U.jose.id]);
      await megan.api(`/groups/${g.id}`).patch({ membershipRule: 'user.city -eq "Berlin"' });
      assert.deepEqual(
        ids((await megan.api(`/groups/${g.id}/members`).get()) as Page),
        [U.jose.id],
        'stale until processed',
      );
      await processNow();
      assert.deepEqual(
        ids((await megan.api(`/groups/${g.id}/members`).get()) as Page),
        [U.zoe.id, U.johanna.id].sort(),
      );
      await megan.api(`/groups/${g.id}`).patch({ membershipRuleProcessingState: 'Paused' });
      await megan.api(`/groups/${g.id}`).patch({ membershipRule: 'user.city -eq "Madrid"' });
      await processNow();
      assert.deepEqual(
        ids((await megan.api(`/groups/${g.id}/members`).get()) as Page),
        [U.zoe.id, U.johanna.id].sort(),
        'paused: frozen',
      );
      const paused = (await megan
        .api(`/groups/${g.id}`)
        .version('beta')
        .select('membershipRuleProcessingStatus')
        .get()) as Obj;
      assert.equal(paused.membershipRuleProcessingStatus, null, 'null while processing is paused');
    });
  });

  describe('2. assignLicense roles', () => {
    it('lets a Groups Administrator assign a licence (202)', async () => {
      const n = nick('lic');
      const g = (await grace
        .api('/groups')
        .post({ displayName: `Licensed ${n}`, mailEnabled: false, mailNickname: n, securityEnabled: true })) as Obj;
      const res = (await grace
        .api(`/groups/${g.id}/assignLicense`)
        .post({ addLicenses: [{ skuId: DEMO_SKUS.e3.skuId, disabledPlans: [] }], removeLicenses: [] })) as Obj;
      assert.equal(res.id, g.id);
    });

    it('still refuses an ordinary member', async () => {
      await rejectsWithGraphError(
        ana
          .api(`/groups/${G.financeReaders.id}/assignLicense`)
          .post({ addLicenses: [{ skuId: DEMO_SKUS.e3.skuId }], removeLicenses: [] }),
        403,
        'Authorization_RequestDenied',
      );
    });
  });

  describe('3. expirationDateTime only under a lifecycle policy; policies, addGroup, removeGroup, renew', () => {
    it('the demo policy covers selected groups: they expire, others do not', async () => {
      const policies = (await megan.api('/groupLifecyclePolicies').get()) as Page;
      assert.deepEqual(policies.value, [
        {
          id: DEMO_LIFECYCLE_POLICY.id,
          alternateNotificationEmails: 'admin@contoso.com',
          groupLifetimeInDays: 180,
          managedGroupTypes: 'Selected',
        },
      ]);
      const marketing = (await megan.api(`/groups/${G.marketing.id}`).get()) as Obj;
      const expires = Date.parse(marketing.expirationDateTime as string);
      assert.equal(Math.round((expires - Date.parse(marketing.renewedDateTime as string)) / 86400_000), 180);
      assert.ok(expires > Date.now(), 'Marketing expires in the future');
      const legal = (await megan.api(`/groups/${G.legal.id}`).get()) as Obj;
      assert.equal(legal.expirationDateTime, null, 'a Microsoft 365 group outside the policy has no expiry');
      const onGroup = (await megan.api(`/groups/${G.marketing.id}/groupLifecyclePolicies`).get()) as Page;
      assert.equal(onGroup.value.length, 1);
    });

    it('addGroup gives a group an expiry, removeGroup takes it away; both answer {value}', async () => {
      const admin = await emu.clientFor('megan@contoso.com', DIRECTORY_WRITE);
      const added = (await admin
        .api(`/groupLifecyclePolicies/${DEMO_LIFECYCLE_POLICY.id}/addGroup`)
        .post({ groupId: G.legal.id })) as Obj;
      assert.equal(added.value, true);
      assert.ok(((await megan.api(`/groups/${G.legal.id}`).get()) as Obj).expirationDateTime);
      const notM365 = (await admin
        .api(`/groupLifecyclePolicies/${DEMO_LIFECYCLE_POLICY.id}/addGroup`)
        .post({ groupId: G.financeReaders.id })) as Obj;
      assert.equal(notM365.value, false, 'security groups are outside the policy');
      const removed = (await admin
        .api(`/groupLifecyclePolicies/${DEMO_LIFECYCLE_POLICY.id}/removeGroup`)
        .post({ groupId: G.legal.id })) as Obj;
      assert.equal(removed.value, true);
      assert.equal(((await megan.api(`/groups/${G.legal.id}`).get()) as Obj).expirationDateTime, null);
    });

    it('policy writes need Directory.ReadWrite.All and an admin role; one policy per tenant', async () => {
      await rejectsWithGraphError(
        megan.api(`/groupLifecyclePolicies/${DEMO_LIFECYCLE_POLICY.id}/addGroup`).post({ groupId: G.legal.id }),
        403,
        'Authorization_RequestDenied',
      );
      const anaWrite = await emu.clientFor('ana@contoso.com', DIRECTORY_WRITE);
      await rejectsWithGraphError(
        anaWrite.api(`/groupLifecyclePolicies/${DEMO_LIFECYCLE_POLICY.id}/addGroup`).post({ groupId: G.legal.id }),
        403,
        'Authorization_RequestDenied',
      );
      const admin = await emu.clientFor('megan@contoso.com', DIRECTORY_WRITE);
      await rejectsWithGraphError(
        admin
          .api('/groupLifecyclePolicies')
          .post({ groupLifetimeInDays: 90, managedGroupTypes: 'All', alternateNotificationEmails: '' }),
        400,
        'Request_BadRequest',
        /already has a group lifecycle policy/,
      );
    });

    it('renew moves the expiry of a covered group; a group outside the policy cannot be renewed', async () => {
      const before = (await olga.api(`/groups/${G.marketing.id}`).get()) as Obj;
      assert.equal(await olga.api(`/groups/${G.marketing.id}/renew`).post({}), undefined);
      const after = (await olga.api(`/groups/${G.marketing.id}`).get()) as Obj;
      assert.ok(Date.parse(after.expirationDateTime as string) > Date.parse(before.expirationDateTime as string));
      assert.equal(
        Math.round(
          (Date.parse(after.expirationDateTime as string) - Date.parse(after.renewedDateTime as string)) / 86400_000,
        ),
        180,
      );
      await rejectsWithGraphError(
        megan.api(`/groups/${G.legal.id}/renew`).post({}),
        400,
        'Request_BadRequest',
        /no group lifecycle policy/,
      );
    });
  });

  describe('4. $expand=members and $expand=owners', () => {
    it('expands on GET by id and on lists, at most 20 objects with @odata.type', async () => {
      const g = (await megan.api(`/groups/${G.marketing.id}`).expand('members').get()) as { members: Obj[] };
      assert.deepEqual(g.members.map((m) => m.id).sort(), [U.megan.id, U.ana.id, U.francois.id].sort());
      assert.equal(g.members[0]?.['@odata.type'], '#microsoft.graph.user');
      const list = (await megan.api('/groups').filter(`id eq '${G.marketing.id}'`).expand('owners').get()) as {
        value: { owners: Obj[] }[];
      };
      assert.deepEqual(list.value[0]?.owners.map((o) => o.id).sort(), [U.olga.id, U.megan.id].sort());
    });
  });

  describe('5. the SDK URL forms', () => {
    it('accepts members/graph.user, deletedItems/graph.group and groups/delta()', async () => {
      const users = (await megan.api(`/groups/${G.securityGroup101.id}/members/graph.user`).get()) as Page;
      assert.ok(
        users.value.every((u) => u.userPrincipalName !== undefined),
        'users only',
      );
      const groupsOnly = (await megan.api(`/groups/${G.securityGroup101.id}/members/graph.group`).get()) as Page;
      assert.deepEqual(ids(groupsOnly), [G.designTeam.id]);
      const deleted = (await megan.api('/directory/deletedItems/graph.group').get()) as Page;
      assert.ok(deleted.value.some((g) => g.id === G.oldProjectPhoenix.id));
      const delta = (await megan.api('/groups/delta()').get()) as Page;
      assert.ok(delta.value.length > 0 && (delta['@odata.nextLink'] ?? delta['@odata.deltaLink']));
      const qualified = (await megan
        .api(`/users/${U.ana.id}/microsoft.graph.checkMemberGroups`)
        .post({ groupIds: [G.marketing.id] })) as Page;
      assert.deepEqual(qualified.value, [G.marketing.id]);
    });
  });

  describe('6. delta $filter and Prefer: return=minimal', () => {
    it('tracks only the filtered ids, and returns only changed properties under return=minimal', async () => {
      const first = (await megan
        .api('/groups/delta')
        .filter(`id eq '${G.sales.id}' or id eq '${G.legal.id}'`)
        .get()) as Page;
      assert.deepEqual(ids(first), [G.sales.id, G.legal.id].sort());
      const link = first['@odata.deltaLink'] as string;
      await megan.api(`/groups/${G.sales.id}`).patch({ description: 'Sales team (updated)' });
      await megan.api(`/groups/${G.researchAndDevelopment.id}`).patch({ description: 'R&D (updated)' });
      const next = (await megan.api(link).header('Prefer', 'return=minimal').get()) as Page;
      assert.deepEqual(
        next.value,
        [{ id: G.sales.id, description: 'Sales team (updated)' }],
        'only the tracked group, only the changed property',
      );
      await rejectsWithGraphError(
        megan.api('/groups/delta').filter("displayName eq 'Sales'").get(),
        400,
        'Request_UnsupportedQuery',
      );
    });
  });

  describe('7. $ref lists and directoryObjects', () => {
    it('GET members/$ref lists @odata.id references', async () => {
      const refs = (await megan.api(`/groups/${G.marketing.id}/members/$ref`).get()) as {
        value: { '@odata.id': string }[];
      };
      assert.deepEqual(
        refs.value.map((r) => r['@odata.id'].split('/').pop()).sort(),
        [U.megan.id, U.ana.id, U.francois.id].sort(),
      );
      assert.match(refs.value[0]?.['@odata.id'] ?? '', /^https:\/\/localhost:\d+\/v1\.0\/directoryObjects\//);
    });

    it('GET /directoryObjects/{id} returns a user or a group with @odata.type', async () => {
      const u = (await megan.api(`/directoryObjects/${U.ana.id}`).get()) as Obj;
      assert.equal(u['@odata.type'], '#microsoft.graph.user');
      assert.equal(u.userPrincipalName, 'ana@contoso.com');
      const g = (await megan.api(`/directoryObjects/${G.marketing.id}`).get()) as Obj;
      assert.equal(g['@odata.type'], '#microsoft.graph.group');
      await rejectsWithGraphError(
        megan.api('/directoryObjects/00000000-0000-4000-8000-000000000000').get(),
        404,
        'Request_ResourceNotFound',
      );
    });

    it('POST /directoryObjects/getByIds resolves ids, filtered by types, leaving out unknown ids', async () => {
      const all = (await megan
        .api('/directoryObjects/getByIds')
        .post({ ids: [U.ana.id, G.marketing.id, '00000000-0000-4000-8000-000000000000'] })) as Page;
      assert.deepEqual(ids(all), [U.ana.id, G.marketing.id].sort());
      const groupsOnly = (await megan
        .api('/directoryObjects/getByIds')
        .post({ ids: [U.ana.id, G.marketing.id], types: ['group'] })) as Page;
      assert.deepEqual(ids(groupsOnly), [G.marketing.id]);
      await rejectsWithGraphError(
        megan.api('/directoryObjects/getByIds').post({ ids: ['nope'] }),
        400,
        'Request_BadRequest',
      );
    });
  });

  describe('8. $select coverage and empty collections', () => {
    it('accepts every v1.0 user property the SDK models, and returns [] for empty collections', async () => {
      const u = (await megan
        .api(`/users/${U.ana.id}`)
        .select('identities,imAddresses,employeeOrgData,signInActivity,provisionedPlans,aboutMe,skills')
        .get()) as Obj;
      assert.deepEqual(u.identities, []);
      assert.deepEqual(u.imAddresses, []);
      assert.deepEqual(u.skills, []);
      assert.equal(u.employeeOrgData, null);
      const list = (await megan
        .api('/users')
        .filter(`id eq '${U.ana.id}'`)
        .select('id,identities,isResourceAccount')
        .get()) as Page;
      assert.deepEqual(list.value[0], { id: U.ana.id, identities: [], isResourceAccount: null });
    });

    it('accepts uniqueName, isArchived, organizationId on groups and welcomeMessageEnabled on GET by id', async () => {
      const g = (await megan
        .api(`/groups/${G.marketing.id}`)
        .select('uniqueName,isArchived,organizationId,welcomeMessageEnabled')
        .get()) as Obj;
      assert.deepEqual(
        Object.keys(g)
          .filter((k) => !k.startsWith('@'))
          .sort(),
        ['id', 'isArchived', 'organizationId', 'uniqueName', 'welcomeMessageEnabled'],
      );
    });
  });

  describe('guest invitations (POST /invitations)', () => {
    it('creates a guest with an #EXT# UPN, PendingAcceptance, when a Guest Inviter invites', async () => {
      const inv = (await olga.api('/invitations').post({
        invitedUserEmailAddress: 'sam@fabrikam.com',
        inviteRedirectUrl: 'https://myapps.microsoft.com',
        invitedUserDisplayName: 'Sam Fabrikam',
      })) as Obj;
      assert.equal(inv.status, 'PendingAcceptance');
      assert.equal(inv.invitedUserType, 'Guest');
      const guestId = (inv.invitedUser as Obj).id as string;
      const guest = (await megan
        .api(`/users/${guestId}`)
        .select('userPrincipalName,userType,externalUserState,mail,displayName,creationType')
        .get()) as Obj;
      assert.deepEqual(
        { ...guest, '@odata.context': undefined },
        {
          '@odata.context': undefined,
          id: guestId,
          userPrincipalName: 'sam_fabrikam.com#EXT#@contoso.onmicrosoft.com',
          userType: 'Guest',
          externalUserState: 'PendingAcceptance',
          mail: 'sam@fabrikam.com',
          displayName: 'Sam Fabrikam',
          creationType: 'Invitation',
        },
      );
      const again = (await olga.api('/invitations').post({
        invitedUserEmailAddress: 'sam@fabrikam.com',
        inviteRedirectUrl: 'https://myapps.microsoft.com',
      })) as Obj;
      assert.equal((again.invitedUser as Obj).id, guestId, 'inviting the same address again returns the same guest');
    });

    it('refuses a member when the tenant lets only admins and Guest Inviters invite, then allows after the setting changes', async () => {
      await rejectsWithGraphError(
        ana
          .api('/invitations')
          .post({ invitedUserEmailAddress: 'kim@fabrikam.com', inviteRedirectUrl: 'https://myapps.microsoft.com' }),
        403,
        'Authorization_RequestDenied',
      );
      const policyAdmin = await emu.clientFor('megan@contoso.com', [
        ...DEFAULT_SCOPES,
        'Policy.ReadWrite.Authorization',
        'Policy.Read.All',
      ]);
      assert.equal(
        ((await policyAdmin.api('/policies/authorizationPolicy').get()) as Obj).allowInvitesFrom,
        'adminsAndGuestInviters',
      );
      await policyAdmin
        .api('/policies/authorizationPolicy')
        .patch({ allowInvitesFrom: 'adminsGuestInvitersAndAllMembers' });
      const inv = (await ana.api('/invitations').post({
        invitedUserEmailAddress: 'kim@fabrikam.com',
        inviteRedirectUrl: 'https://myapps.microsoft.com',
      })) as Obj;
      assert.equal(inv.status, 'PendingAcceptance');
      await policyAdmin.api('/policies/authorizationPolicy').patch({ allowInvitesFrom: 'adminsAndGuestInviters' });
    });

    it("needs User.Invite.All and refuses members' and malformed addresses", async () => {
      const noScope = await emu.clientFor(
        'olga@contoso.com',
        DEFAULT_SCOPES.filter((s) => s !== 'User.Invite.All'),
      );
      await rejectsWithGraphError(
        noScope
          .api('/invitations')
          .post({ invitedUserEmailAddress: 'lou@fabrikam.com', inviteRedirectUrl: 'https://myapps.microsoft.com' }),
        403,
        'Authorization_RequestDenied',
      );
      await rejectsWithGraphError(
        megan
          .api('/invitations')
          .post({ invitedUserEmailAddress: 'ana@contoso.com', inviteRedirectUrl: 'https://myapps.microsoft.com' }),
        400,
        'Request_BadRequest',
      );
      await rejectsWithGraphError(
        megan
          .api('/invitations')
          .post({ invitedUserEmailAddress: 'not an address', inviteRedirectUrl: 'https://myapps.microsoft.com' }),
        400,
        'Request_BadRequest',
      );
      await rejectsWithGraphError(
        megan.api('/invitations').post({ invitedUserEmailAddress: 'lou@fabrikam.com' }),
        400,
        'Request_BadRequest',
        /inviteRedirectUrl/,
      );
    });
  });
});
