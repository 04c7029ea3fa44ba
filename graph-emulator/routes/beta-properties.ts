/**
 * Beta-only group properties. `membershipRuleProcessingStatus` (the beta group page: returned only on
 * `$select`, only by `GET /groups/{id}`; null for groups without a processed rule or with processing Paused)
 * reports the dynamic processing status. On v1.0 the property does not exist, so `$select` naming it gets
 * the usual 400 "Could not find a property".
 */
import type { HandlerContext } from '../http/request-context';
import { processorOf } from '../directory/dynamic-processing';
import { isDynamic, type GroupObject } from '../model/types';

const STATUS = 'membershipRuleProcessingStatus';

/**
 * For a beta request whose `$select` names the status: the context with that name removed from `$select`
 * (`id` when nothing else is left) and `wanted` true. Otherwise the context unchanged. Never throws.
 */
export function withoutBetaSelect(ctx: HandlerContext): { ctx: HandlerContext; wanted: boolean } {
  const select = ctx.req.query.get('$select');
  if (!ctx.req.beta || select === null) return { ctx, wanted: false };
  const names = select.split(',').map((n) => n.trim());
  const rest = names.filter((n) => n.toLowerCase() !== STATUS.toLowerCase());
  if (rest.length === names.length) return { ctx, wanted: false };
  const query = new URLSearchParams(ctx.req.query);
  query.set('$select', rest.filter(Boolean).join(',') || 'id');
  return { ctx: { ...ctx, req: { ...ctx.req, query } }, wanted: true };
}

/** The beta status value of a group. Never throws. */
export function processingStatusJson(ctx: HandlerContext, g: GroupObject): Record<string, unknown> | null {
  if (!isDynamic(g) || !g.membershipRule || g.membershipRuleProcessingState !== 'On') return null;
  const s = processorOf(ctx.services.store)?.statusOf(g.id);
  if (!s) return { status: 'Succeeded', lastMembershipUpdated: null, errorMessage: null };
  return { status: s.status, lastMembershipUpdated: s.lastMembershipUpdated, errorMessage: s.errorMessage };
}
