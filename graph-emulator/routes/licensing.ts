/**
 * Group-based licensing (docs/graph-behaviour.md, Licensing): `GET /subscribedSkus` (every SKU in one page, consumedUnits
 * computed), `POST /groups/{id}/assignLicense` (202 + Location; members inherit, later joiners too, leavers
 * lose; CountViolation when units run out), `GET /groups/{id}/membersWithLicenseErrors`
 * (users with a failed assignment from the group, directory/license-errors.ts).
 */
import { E } from '../http/graph-error';
import { respondCollection } from '../http/collection-respond';
import { jsonBody, requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import { contextUrl, projectObject } from '../query';
import { consumedUnits } from '../directory/derived-effects';
import { isReadOnlyGroup, type AssignedLicense, type GroupObject } from '../model/types';
import { Scopes, canAssignLicense, canSeeMembers, isGuest, requireScope, requireThat } from '../permissions/authorize';
import { liveGroup, typed } from './object-lookup';
import { membersWithLicenseErrors } from '../directory/license-errors';

/** GET /subscribedSkus. Throws E5. */
export function listSubscribedSkus(ctx: HandlerContext): EmuResponse {
  requireScope(ctx.caller, Scopes.readSkus);
  requireThat(!isGuest(ctx.caller));
  const store = ctx.services.store;
  return respondCollection(ctx, {
    entity: 'subscribedSku',
    collection: 'subscribedSkus',
    contextPath: 'subscribedSkus',
    all: () => [...store.skus.values()].map((s) => ({ ...s, consumedUnits: consumedUnits(store, s.skuId) })),
  });
}

function parseAdd(value: unknown): AssignedLicense[] {
  if (!Array.isArray(value)) throw E.required('addLicenses');
  return value.map((x) => {
    if (!x || typeof x !== 'object') throw E.invalidValue('addLicenses');
    const { skuId, disabledPlans } = x as { skuId?: unknown; disabledPlans?: unknown };
    if (typeof skuId !== 'string') throw E.required('skuId', 'AssignedLicense');
    if (
      disabledPlans !== undefined &&
      disabledPlans !== null &&
      (!Array.isArray(disabledPlans) || disabledPlans.some((p) => typeof p !== 'string'))
    )
      throw E.invalidValue('disabledPlans', 'AssignedLicense');
    return { skuId: requireGuid(skuId), disabledPlans: (disabledPlans as string[] | null | undefined) ?? [] };
  });
}

/** POST /groups/{id}/assignLicense. Throws E14/E2, E4, E5, 400 for bad bodies, unknown SKUs or non-security groups. */
export async function assignLicense(ctx: HandlerContext): Promise<EmuResponse> {
  const { store, baseUrl } = ctx.services;
  const g = liveGroup(store, ctx.params.id ?? '');
  requireScope(ctx.caller, Scopes.assignLicense);
  requireThat(canAssignLicense(ctx.caller));
  if (isReadOnlyGroup(g)) throw E.readOnlyGroup();
  const body = jsonBody(ctx.req, { emptyIsError: true });
  const add = parseAdd(body.addLicenses);
  if (!Array.isArray(body.removeLicenses)) throw E.required('removeLicenses');
  const remove = body.removeLicenses.map((x) =>
    typeof x === 'string'
      ? requireGuid(x)
      : (() => {
          throw E.invalidValue('removeLicenses');
        })(),
  );
  if (!g.securityEnabled) throw E.badRequest('Licenses can be assigned only to security-enabled groups.');
  const known = new Set([...store.skus.values()].map((s) => s.skuId));
  for (const sku of [...add.map((a) => a.skuId), ...remove]) {
    if (!known.has(sku)) throw E.badRequest(`License ${sku} does not correspond to a valid company License.`);
  }
  let next: GroupObject = g;
  await store.write((tx) => {
    const current = store.groups.get(g.id) ?? g;
    const kept = current.assignedLicenses.filter(
      (l) => !remove.includes(l.skuId) && !add.some((a) => a.skuId === l.skuId),
    );
    next = { ...current, assignedLicenses: [...kept, ...add], licenseProcessingState: { state: 'ProcessingComplete' } };
    tx.stage({ op: 'putGroup', group: next });
  });
  return {
    status: 202,
    headers: { Location: `${baseUrl}/v1.0/groups/${g.id}` },
    body: {
      '@odata.context': contextUrl(baseUrl, 'groups/$entity'),
      ...projectObject('group', next, undefined, { getById: true }),
    },
  };
}

/** GET /groups/{id}/membersWithLicenseErrors. Throws E14/E2, E5. */
export function listMembersWithLicenseErrors(ctx: HandlerContext): EmuResponse {
  const { store } = ctx.services;
  const g = liveGroup(store, ctx.params.id ?? '');
  requireScope(ctx.caller, Scopes.readMembers);
  requireThat(canSeeMembers(store, ctx.caller, g));
  return respondCollection(ctx, {
    entity: 'directoryObject',
    collection: 'relationship',
    contextPath: 'directoryObjects',
    all: () => membersWithLicenseErrors(store, g.id).map(typed),
  });
}
