/**
 * The tenant's group lifecycle (expiration) policy, kept in the directory's meta table. Graph allows one policy
 * per tenant; it applies to Microsoft 365 groups only: every one (`All`) or those added with addGroup
 * (`Selected`). A group under the policy expires `groupLifetimeInDays` after its last renewal; a group outside
 * it has no expirationDateTime. Pure functions plus one staging helper.
 */
import { groupKind, type GroupObject } from '../model/types';
import type { DirectoryStore, WriteTx } from '../store/directory-store';
import { addDays, nowIso } from './object-factory';

export const LIFECYCLE_META_KEY = 'groupLifecyclePolicy';
/** Entra gives groups older than the lifetime this many days when a policy first covers them. */
export const GRACE_DAYS = 35;
/** Most groups a Selected policy may list (the addGroup page). */
export const MAX_SELECTED_GROUPS = 500;

export type ManagedGroupTypes = 'All' | 'Selected' | 'None';

export interface LifecyclePolicy {
  id: string;
  groupLifetimeInDays: number;
  managedGroupTypes: ManagedGroupTypes;
  alternateNotificationEmails: string;
  /** Groups added with addGroup (meaningful for Selected). Not part of the Graph resource. */
  groupIds: string[];
}

/** The stored policy, or undefined when the tenant has none. Never throws (a damaged entry counts as none). */
export function lifecyclePolicyOf(store: DirectoryStore): LifecyclePolicy | undefined {
  const raw = store.meta.get(LIFECYCLE_META_KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as LifecyclePolicy;
  } catch {
    return undefined; // written only by this module; unreadable means absent rather than a crash on every read
  }
}

/** The Graph JSON of a policy. Never throws. */
export function policyJson(p: LifecyclePolicy): Record<string, unknown> {
  return {
    id: p.id,
    alternateNotificationEmails: p.alternateNotificationEmails,
    groupLifetimeInDays: p.groupLifetimeInDays,
    managedGroupTypes: p.managedGroupTypes,
  };
}

/** True when the policy applies to the group. Never throws. */
export function policyCovers(p: LifecyclePolicy | undefined, g: GroupObject): boolean {
  if (!p || groupKind(g) !== 'microsoft365') return false;
  if (p.managedGroupTypes === 'All') return true;
  return p.managedGroupTypes === 'Selected' && p.groupIds.includes(g.id);
}

/**
 * The expirationDateTime a group should carry under a policy: last renewal + lifetime, at least GRACE_DAYS from
 * now for groups already past it; null outside the policy. Never throws.
 */
export function expirationFor(p: LifecyclePolicy | undefined, g: GroupObject, now = nowIso()): string | null {
  if (!policyCovers(p, g)) return null;
  const renewed =
    (g.renewedDateTime as string | null | undefined) ?? (g.createdDateTime as string | null | undefined) ?? now;
  const due = addDays(renewed, (p as LifecyclePolicy).groupLifetimeInDays);
  return due > now ? due : addDays(now, GRACE_DAYS);
}

/** Stages the policy (or its removal) and re-stamps the expiry of every live group it changes. Never throws. */
export function stagePolicy(tx: WriteTx, p: LifecyclePolicy | undefined): void {
  if (p) tx.stage({ op: 'setMeta', key: LIFECYCLE_META_KEY, value: JSON.stringify(p) });
  else tx.stage({ op: 'deleteMeta', key: LIFECYCLE_META_KEY });
  const now = nowIso();
  for (const g of [...tx.store.groups.values()]) {
    if (groupKind(g) !== 'microsoft365') continue;
    const want = expirationFor(p, g, now);
    const has = (g.expirationDateTime as string | null | undefined) ?? null;
    // Keep an existing expiry while still covered: only coverage changes move it.
    if ((want === null) !== (has === null)) tx.stage({ op: 'putGroup', group: { ...g, expirationDateTime: want } });
  }
}
