/**
 * Group lifecycle (expiration) policies, as the v1.0 groupLifecyclePolicy pages describe them:
 * `GET|POST /groupLifecyclePolicies`, `GET|PATCH|DELETE /groupLifecyclePolicies/{id}`,
 * `POST /groupLifecyclePolicies/{id}/addGroup|removeGroup` (200 `{value: true|false}`) and
 * `GET /groups/{id}/groupLifecyclePolicies`. One policy per tenant. Writing needs Directory.ReadWrite.All and
 * the Global or Groups Administrator role; reading a directory or group read scope.
 */
import { randomUUID } from 'node:crypto';
import { E } from '../http/graph-error';
import { jsonBody, requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import { contextUrl } from '../query';
import {
  LIFECYCLE_META_KEY,
  MAX_SELECTED_GROUPS,
  lifecyclePolicyOf,
  policyCovers,
  policyJson,
  stagePolicy,
  type LifecyclePolicy,
  type ManagedGroupTypes,
} from '../directory/lifecycle-policy';
import { groupKind } from '../model/types';
import { Scopes, isGroupsAdmin, isGuest, requireScope, requireThat } from '../permissions/authorize';
import { liveGroup } from './object-lookup';

const TYPES: readonly ManagedGroupTypes[] = ['All', 'Selected', 'None'];
const RESOURCE = 'GroupLifecyclePolicy';

function requireWriter(ctx: HandlerContext): void {
  requireScope(ctx.caller, Scopes.lifecyclePolicyWrite);
  requireThat(isGroupsAdmin(ctx.caller));
}

function requireReader(ctx: HandlerContext): void {
  requireScope(ctx.caller, Scopes.lifecyclePolicyRead);
  requireThat(!isGuest(ctx.caller));
}

function existing(ctx: HandlerContext): LifecyclePolicy {
  const id = requireGuid(ctx.params.id ?? '');
  const p = lifecyclePolicyOf(ctx.services.store);
  if (!p || p.id !== id) throw E.notFound(ctx.params.id ?? id);
  return p;
}

/** Validated writable properties of a body; `partial` for PATCH. Throws 400 for bad values. */
function readProperties(
  body: Record<string, unknown>,
  partial: boolean,
): Partial<Omit<LifecyclePolicy, 'id' | 'groupIds'>> {
  const out: Partial<Omit<LifecyclePolicy, 'id' | 'groupIds'>> = {};
  for (const key of Object.keys(body)) {
    if (!['groupLifetimeInDays', 'managedGroupTypes', 'alternateNotificationEmails'].includes(key))
      throw E.unknownProperty(key, 'microsoft.graph.groupLifecyclePolicy');
  }
  if (body.groupLifetimeInDays !== undefined) {
    const n = body.groupLifetimeInDays;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 30 || n > 36500)
      throw E.invalidValue('groupLifetimeInDays', RESOURCE);
    out.groupLifetimeInDays = n;
  } else if (!partial) throw E.required('groupLifetimeInDays', RESOURCE);
  if (body.managedGroupTypes !== undefined) {
    const t = TYPES.find(
      (x) => typeof body.managedGroupTypes === 'string' && x.toLowerCase() === body.managedGroupTypes.toLowerCase(),
    );
    if (!t) throw E.invalidValue('managedGroupTypes', RESOURCE);
    out.managedGroupTypes = t;
  } else if (!partial) throw E.required('managedGroupTypes', RESOURCE);
  if (body.alternateNotificationEmails !== undefined) {
    if (typeof body.alternateNotificationEmails !== 'string')
      throw E.invalidValue('alternateNotificationEmails', RESOURCE);
    out.alternateNotificationEmails = body.alternateNotificationEmails;
  } else if (!partial) out.alternateNotificationEmails = '';
  return out;
}

/** GET /groupLifecyclePolicies. Throws E5. */
export function listLifecyclePolicies(ctx: HandlerContext): EmuResponse {
  requireReader(ctx);
  const p = lifecyclePolicyOf(ctx.services.store);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'groupLifecyclePolicies'),
      value: p ? [policyJson(p)] : [],
    },
  };
}

/** GET /groupLifecyclePolicies/{id}. Throws E14/E2, E5. */
export function getLifecyclePolicy(ctx: HandlerContext): EmuResponse {
  requireReader(ctx);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'groupLifecyclePolicies/$entity'),
      ...policyJson(existing(ctx)),
    },
  };
}

/** POST /groupLifecyclePolicies → 201. Throws E5, 400 for bad bodies or when the tenant already has a policy. */
export async function createLifecyclePolicy(ctx: HandlerContext): Promise<EmuResponse> {
  requireWriter(ctx);
  const props = readProperties(jsonBody(ctx.req, { emptyIsError: true }), false) as Omit<
    LifecyclePolicy,
    'id' | 'groupIds'
  >;
  const policy: LifecyclePolicy = { id: randomUUID(), ...props, groupIds: [] };
  await ctx.services.store.write((tx) => {
    if (tx.store.meta.has(LIFECYCLE_META_KEY))
      throw E.badRequest('The tenant already has a group lifecycle policy; update it instead of creating another.');
    stagePolicy(tx, policy);
  });
  return {
    status: 201,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'groupLifecyclePolicies/$entity'),
      ...policyJson(policy),
    },
  };
}

/** PATCH /groupLifecyclePolicies/{id} → 200 with the policy. Throws E14/E2, E5, 400. */
export async function updateLifecyclePolicy(ctx: HandlerContext): Promise<EmuResponse> {
  requireWriter(ctx);
  existing(ctx);
  const props = readProperties(jsonBody(ctx.req, { emptyIsError: true }), true);
  const updated = await ctx.services.store.write((tx) => {
    const next: LifecyclePolicy = { ...existing(ctx), ...props };
    // A lifetime change moves every covered group's expiry: drop and re-apply coverage.
    if (props.groupLifetimeInDays !== undefined) stagePolicy(tx, { ...next, managedGroupTypes: 'None' });
    stagePolicy(tx, next);
    return next;
  });
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'groupLifecyclePolicies/$entity'),
      ...policyJson(updated),
    },
  };
}

/** DELETE /groupLifecyclePolicies/{id} → 204; groups lose their expiry. Throws E14/E2, E5. */
export async function deleteLifecyclePolicy(ctx: HandlerContext): Promise<EmuResponse> {
  requireWriter(ctx);
  existing(ctx);
  await ctx.services.store.write((tx) => {
    existing(ctx);
    stagePolicy(tx, undefined);
  });
  return { status: 204 };
}

function groupIdOf(ctx: HandlerContext): string {
  const body = jsonBody(ctx.req, { emptyIsError: true });
  if (typeof body.groupId !== 'string') throw E.required('groupId', RESOURCE);
  return requireGuid(body.groupId);
}

function booleanResult(ctx: HandlerContext, value: boolean): EmuResponse {
  return { status: 200, body: { '@odata.context': contextUrl(ctx.services.baseUrl, 'Edm.Boolean'), value } };
}

/**
 * POST /groupLifecyclePolicies/{id}/addGroup `{groupId}` → `{value}`: true when the group is now listed, false
 * when the policy is not Selected or the group is not a Microsoft 365 group. Throws E14/E2, E5, 400 past 500 groups.
 */
export async function addGroupToPolicy(ctx: HandlerContext): Promise<EmuResponse> {
  requireWriter(ctx);
  existing(ctx);
  const groupId = groupIdOf(ctx);
  const added = await ctx.services.store.write((tx) => {
    const p = existing(ctx);
    const g = liveGroup(tx.store, groupId);
    if (p.managedGroupTypes !== 'Selected' || groupKind(g) !== 'microsoft365') return false;
    if (p.groupIds.includes(g.id)) return true;
    if (p.groupIds.length >= MAX_SELECTED_GROUPS)
      throw E.badRequest(
        `A Selected lifecycle policy lists at most ${MAX_SELECTED_GROUPS} groups; set managedGroupTypes to All instead.`,
      );
    stagePolicy(tx, { ...p, groupIds: [...p.groupIds, g.id] });
    return true;
  });
  return booleanResult(ctx, added);
}

/** POST /groupLifecyclePolicies/{id}/removeGroup `{groupId}` → `{value}`. Throws E14/E2, E5. */
export async function removeGroupFromPolicy(ctx: HandlerContext): Promise<EmuResponse> {
  requireWriter(ctx);
  existing(ctx);
  const groupId = groupIdOf(ctx);
  const removed = await ctx.services.store.write((tx) => {
    const p = existing(ctx);
    if (!p.groupIds.includes(groupId)) return false;
    stagePolicy(tx, { ...p, groupIds: p.groupIds.filter((id) => id !== groupId) });
    return true;
  });
  return booleanResult(ctx, removed);
}

/** GET /groups/{id}/groupLifecyclePolicies: the policy when it covers the group. Throws E14/E2, E5. */
export function listGroupLifecyclePolicies(ctx: HandlerContext): EmuResponse {
  requireScope(ctx.caller, Scopes.readGroups);
  const g = liveGroup(ctx.services.store, ctx.params.id ?? '');
  const p = lifecyclePolicyOf(ctx.services.store);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'groupLifecyclePolicies'),
      value: p && policyCovers(p, g) ? [policyJson(p)] : [],
    },
  };
}
