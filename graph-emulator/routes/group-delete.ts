/**
 * `DELETE /groups/{id}` (soft delete, restorable for 30 days; docs/graph-behaviour.md, Updating, deleting, restoring) and `POST /groups/{id}/renew`
 * (204; renewedDateTime becomes now and the expiry moves to now + the lifecycle policy's lifetime; only Microsoft
 * 365 groups under the tenant's group lifecycle policy have an expiry to move).
 */
import { E } from '../http/graph-error';
import type { EmuResponse, HandlerContext } from '../http/request-context';
import { groupKind, isReadOnlyGroup } from '../model/types';
import { addDays, nowIso } from '../directory/object-factory';
import { lifecyclePolicyOf, policyCovers } from '../directory/lifecycle-policy';
import { Scopes, canManageGroup, requireScope, requireThat } from '../permissions/authorize';
import { liveGroup } from './object-lookup';

/** Handler of DELETE /groups/{id}. Throws E14/E2, E4 for read-only kinds, E5. */
export async function deleteGroup(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  liveGroup(store, ctx.params.id ?? '');
  requireScope(ctx.caller, Scopes.writeGroups);
  // Re-read under the write lock so a PATCH committed just before is not overwritten.
  await store.write((tx) => {
    const g = liveGroup(tx.store, ctx.params.id ?? '');
    if (isReadOnlyGroup(g)) throw E.readOnlyGroup();
    requireThat(canManageGroup(store, ctx.caller, g));
    tx.stage({ op: 'putGroup', group: { ...g, deletedDateTime: nowIso() } });
  });
  return { status: 204 };
}

/** Handler of POST /groups/{id}/renew. Throws E14/E2, E5, 400 for groups no lifecycle policy covers. */
export async function renewGroup(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  liveGroup(store, ctx.params.id ?? '');
  requireScope(ctx.caller, Scopes.writeGroups);
  await store.write((tx) => {
    const g = liveGroup(tx.store, ctx.params.id ?? '');
    requireThat(canManageGroup(store, ctx.caller, g));
    if (groupKind(g) !== 'microsoft365')
      throw E.badRequest(
        'Only Microsoft 365 groups can be renewed: the group lifecycle policy applies to Microsoft 365 groups.',
      );
    const policy = lifecyclePolicyOf(tx.store);
    if (!policy || !policyCovers(policy, g))
      throw E.badRequest('The group has no expiration to renew: no group lifecycle policy applies to it.');
    const now = nowIso();
    tx.stage({
      op: 'putGroup',
      group: { ...g, renewedDateTime: now, expirationDateTime: addDays(now, policy.groupLifetimeInDays) },
    });
  });
  return { status: 204 };
}
