/** Turns the demo tenant constants (demo-tenant.ts) into directory mutations. Pure. */
import { buildGroup, buildUser, nowIso, addDays } from '../directory/object-factory';
import type { Mutation } from '../store/mutation';
import { LIFECYCLE_META_KEY, type LifecyclePolicy } from '../directory/lifecycle-policy';
import { INVITES_META_KEY } from '../directory/guest-invitation';
import {
  type DemoUser,
  type DemoUserKey,
  DEMO_ALLOW_INVITES_FROM,
  DEMO_LIFECYCLE_POLICY,
  DEMO_DOMAIN,
  DEMO_GROUPS,
  DEMO_INITIAL_DOMAIN,
  DEMO_SKUS,
  DEMO_TENANT_ID,
  DEMO_TENANT_NAME,
  DEMO_USERS,
} from './demo-tenant';

/** Tenant metadata mutations shared by every seed. */
export function tenantMeta(seed: string): Mutation[] {
  return [
    { op: 'setMeta', key: 'tenantId', value: DEMO_TENANT_ID },
    { op: 'setMeta', key: 'tenantName', value: DEMO_TENANT_NAME },
    { op: 'setMeta', key: 'domain', value: DEMO_DOMAIN },
    { op: 'setMeta', key: 'initialDomain', value: DEMO_INITIAL_DOMAIN },
    { op: 'setMeta', key: 'seed', value: seed },
  ];
}

/** The demo tenant as mutations (users, roles, managers, groups, links, SKUs). Never throws. */
export function demoTenantMutations(): Mutation[] {
  const ms: Mutation[] = [];
  const created = '2024-01-15T09:00:00Z';
  for (const u of Object.values(DEMO_USERS) as DemoUser[]) {
    const user = buildUser({ ...u, createdDateTime: created, ...(u.guest ? { guest: true } : {}) });
    ms.push({ op: 'putUser', user });
    for (const r of u.roles ?? []) ms.push({ op: 'putRole', userId: u.id, roleId: r });
  }
  for (const u of Object.values(DEMO_USERS) as DemoUser[]) {
    if (u.managerKey)
      ms.push({ op: 'link', rel: 'manager', src: u.id, dst: DEMO_USERS[u.managerKey as DemoUserKey].id });
  }
  for (const sku of Object.values(DEMO_SKUS)) {
    ms.push({
      op: 'putSku',
      sku: {
        id: `${DEMO_TENANT_ID}_${sku.skuId}`,
        skuId: sku.skuId,
        skuPartNumber: sku.skuPartNumber,
        accountId: DEMO_TENANT_ID,
        accountName: DEMO_TENANT_NAME,
        appliesTo: 'User',
        capabilityStatus: 'Enabled',
        subscriptionIds: [],
        prepaidUnits: { enabled: sku.units, suspended: 0, warning: 0, lockedOut: 0 },
        servicePlans: sku.servicePlans.map((p) => ({ ...p, provisioningStatus: 'Success', appliesTo: 'User' })),
      },
    });
  }
  const now = nowIso();
  const deletedAt = addDays(now, -5);
  const policy: LifecyclePolicy = { ...DEMO_LIFECYCLE_POLICY, groupIds: [] };
  ms.push({ op: 'setMeta', key: INVITES_META_KEY, value: DEMO_ALLOW_INVITES_FROM });
  for (const g of Object.values(DEMO_GROUPS)) {
    const renewed = g.renewedDaysAgo !== undefined ? addDays(now, -g.renewedDaysAgo) : undefined;
    if (renewed) policy.groupIds.push(g.id);
    const group = buildGroup({
      id: g.id,
      displayName: g.displayName,
      mailNickname: g.mailNickname,
      description: g.description,
      kind: g.kind,
      ...(g.securityEnabled !== undefined ? { securityEnabled: g.securityEnabled } : {}),
      dynamic: !!g.dynamicRule,
      membershipRule: g.dynamicRule ?? null,
      ruleState: g.dynamicRule ? (g.ruleState ?? 'On') : null,
      ...(g.visibility !== undefined ? { visibility: g.visibility } : {}),
      isAssignableToRole: g.isAssignableToRole ?? null,
      createdDateTime: g.createdDateTime ?? created,
      ...(g.mail ? { mail: g.mail } : {}),
      classification: g.classification ?? null,
      domain: DEMO_DOMAIN,
      initialDomain: DEMO_INITIAL_DOMAIN,
      ...(renewed
        ? { renewedDateTime: renewed, expirationDateTime: addDays(renewed, policy.groupLifetimeInDays) }
        : {}),
    });
    if (g.mail) group.proxyAddresses = [`SMTP:${g.mail}`];
    if (g.licenses) {
      group.assignedLicenses = g.licenses.map((skuId) => ({ skuId, disabledPlans: [] }));
      group.licenseProcessingState = { state: 'ProcessingComplete' };
    }
    if (g.deleted) group.deletedDateTime = deletedAt;
    ms.push({ op: 'putGroup', group });
    for (const o of g.owners ?? []) ms.push({ op: 'link', rel: 'owner', src: g.id, dst: DEMO_USERS[o].id });
    for (const m of g.members ?? []) ms.push({ op: 'link', rel: 'member', src: g.id, dst: DEMO_USERS[m].id });
    for (const sub of g.memberGroups ?? []) ms.push({ op: 'link', rel: 'member', src: g.id, dst: DEMO_GROUPS[sub].id });
  }
  ms.push({ op: 'setMeta', key: LIFECYCLE_META_KEY, value: JSON.stringify(policy) });
  return ms;
}
