/**
 * `PATCH /groups/{id}` (docs/graph-behaviour.md: Updating, deleting, restoring; Members and owners): 204 for property changes, 200 for an Exchange-only PATCH, E13 for
 * an empty body, E12 for read-only properties, E4 on mail-enabled security groups and distribution lists,
 * `members@odata.bind` / `owners@odata.bind` (≤20, all-or-nothing), static → dynamic conversion (manual
 * members dropped by the rule), rule and processing-state changes.
 */
import { recordGroupAudit } from './group-audit';
import { E } from '../http/graph-error';
import { jsonBody, type EmuResponse, type HandlerContext } from '../http/request-context';
import { groupKind, isDynamic, isReadOnlyGroup, type GroupObject } from '../model/types';
import {
  Scopes,
  canManageGroup,
  canManageMembers,
  canManageOwners,
  requireScope,
  requireThat,
} from '../permissions/authorize';
import {
  EXCHANGE,
  checkBodyKeys,
  checkDisplayName,
  checkGroupTypes,
  checkNickname,
  checkRule,
  normaliseRuleState,
  normaliseVisibility,
  optionalString,
} from './group-properties';
import { checkBindCount, validateNewMember, validateNewOwner } from './member-validate';
import { liveGroup, referenceId } from './object-lookup';
import { requireReplicated } from './members-write';
import type { WriteTx } from '../store/directory-store';

function refs(body: Record<string, unknown>, key: string, rel: 'members' | 'owners'): { id: string; set: string }[] {
  const v = body[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw E.badReference(rel);
  const out = v.map((x) => referenceId(x, rel));
  if (new Set(out.map((r) => r.id)).size !== out.length) throw E.duplicateValues();
  return out;
}

/**
 * Handler of PATCH /groups/{id}. Throws the Graph errors listed in the file header.
 * Everything that depends on the stored group (validation included) runs inside the store's write lock on a
 * fresh read, so concurrent PATCHes of different properties never lose each other's changes.
 */
export async function updateGroup(ctx: HandlerContext): Promise<EmuResponse> {
  const { caller, services } = ctx;
  const { store } = services;
  liveGroup(store, ctx.params.id ?? ''); // E14/E2 before the body is looked at, as Graph orders them
  const body = jsonBody(ctx.req, { emptyIsError: true });
  const keys = Object.keys(body).filter((k) => k !== '@odata.type');
  if (keys.length === 0) throw E.emptyPayload();
  const bindOnly = keys.every((k) => k === 'members@odata.bind');
  requireScope(caller, bindOnly ? Scopes.writeMembers : Scopes.writeGroups);
  return store.write((tx) => {
    const g = liveGroup(tx.store, ctx.params.id ?? '');
    if (isReadOnlyGroup(g)) throw E.readOnlyGroup();
    checkBodyKeys(body, true);
    const exchangeKeys = keys.filter((k) => EXCHANGE.has(k));
    if (exchangeKeys.length) {
      tx.stage({ op: 'putGroup', group: exchangeUpdate(ctx, g, body, keys, exchangeKeys) });
      return { status: 200 };
    }
    applyPropertyUpdate(tx, ctx, g, body, keys);
    return { status: 204 };
  });
}

/** The group after an Exchange-only PATCH. Throws 400s for mixed or invalid bodies, E5. */
function exchangeUpdate(
  ctx: HandlerContext,
  g: GroupObject,
  body: Record<string, unknown>,
  keys: string[],
  exchangeKeys: string[],
): GroupObject {
  if (exchangeKeys.length !== keys.length)
    throw E.badRequest(
      'Exchange-stored properties (for example allowExternalSenders or autoSubscribeNewMembers) must be updated in a PATCH of their own.',
    );
  if (groupKind(g) !== 'microsoft365')
    throw E.badRequest(`Property '${exchangeKeys[0]}' is only supported on Microsoft 365 groups.`);
  requireThat(canManageGroup(ctx.services.store, ctx.caller, g));
  const next: GroupObject = { ...g };
  for (const k of exchangeKeys) {
    const v = body[k];
    if (k === 'unseenCount' ? typeof v !== 'number' : typeof v !== 'boolean') throw E.invalidValue(k);
    next[k] = v;
  }
  return next;
}

/** Validates a property/bind PATCH against the group as stored now and stages it. Throws the header's errors. */
function applyPropertyUpdate(
  tx: WriteTx,
  ctx: HandlerContext,
  g: GroupObject,
  body: Record<string, unknown>,
  keys: string[],
): void {
  const { caller, services } = ctx;
  const { store, rules } = services;
  const memberRefs = refs(body, 'members@odata.bind', 'members');
  const ownerRefs = refs(body, 'owners@odata.bind', 'owners');
  checkBindCount(memberRefs.length + ownerRefs.length);
  const propKeys = keys.filter((k) => !k.endsWith('@odata.bind'));
  if (propKeys.length) requireThat(canManageGroup(store, caller, g));
  if (memberRefs.length) requireThat(canManageMembers(store, caller, g));
  if (ownerRefs.length) requireThat(canManageOwners(store, caller, g, true));
  if (memberRefs.length || ownerRefs.length)
    requireReplicated(ctx, g.id, ...memberRefs.map((r) => r.id), ...ownerRefs.map((r) => r.id));
  const next: GroupObject = { ...g };
  if ('displayName' in body) next.displayName = checkDisplayName(body.displayName);
  if ('description' in body) next.description = optionalString('description', body.description);
  for (const k of ['classification', 'preferredDataLocation', 'preferredLanguage', 'theme'])
    if (k in body) next[k] = optionalString(k, body[k]);
  if ('mailEnabled' in body && body.mailEnabled !== g.mailEnabled) throw E.readOnlyProperty('mailEnabled');
  if ('isAssignableToRole' in body && body.isAssignableToRole !== g.isAssignableToRole)
    throw E.readOnlyProperty('isAssignableToRole');
  if ('resourceBehaviorOptions' in body || 'resourceProvisioningOptions' in body)
    throw E.readOnlyProperty(
      'resourceBehaviorOptions' in body ? 'resourceBehaviorOptions' : 'resourceProvisioningOptions',
    );
  if ('securityEnabled' in body) {
    if (typeof body.securityEnabled !== 'boolean') throw E.invalidValue('securityEnabled');
    if (!body.securityEnabled && groupKind(g) === 'security') throw E.mailEnabledCreate();
    next.securityEnabled = body.securityEnabled;
  }
  if ('mailNickname' in body) next.mailNickname = checkNickname(body.mailNickname);
  if ('visibility' in body) {
    const v = normaliseVisibility(body.visibility);
    if (
      v === 'HiddenMembership' ||
      g.visibility === 'HiddenMembership' ||
      (g.isAssignableToRole === true && v !== 'Private')
    ) {
      if (v !== g.visibility) throw E.invalidValue('visibility');
    }
    next.visibility = v;
  }
  if ('groupTypes' in body) {
    const types = checkGroupTypes(body.groupTypes);
    if (types.includes('Unified') !== g.groupTypes.includes('Unified')) throw E.invalidValue('groupTypes');
    if (types.includes('DynamicMembership') && g.isAssignableToRole === true) throw E.invalidValue('groupTypes');
    next.groupTypes = types;
  }
  const dynamicNow = isDynamic(next);
  if ('membershipRule' in body) {
    if (!dynamicNow) throw E.invalidValue('membershipRule');
    next.membershipRule = checkRule(rules, body.membershipRule);
  }
  if ('membershipRuleProcessingState' in body) {
    if (!dynamicNow) throw E.invalidValue('membershipRuleProcessingState');
    next.membershipRuleProcessingState = normaliseRuleState(body.membershipRuleProcessingState);
  }
  if (dynamicNow && !isDynamic(g)) {
    if (!next.membershipRule) throw E.required('membershipRule');
    next.membershipRuleProcessingState ??= 'On';
  }
  if (!dynamicNow && isDynamic(g)) {
    next.membershipRule = null;
    next.membershipRuleProcessingState = null;
  }
  if (dynamicNow && memberRefs.length) throw E.forbidden();

  if (
    'mailNickname' in body &&
    groupKind(next) === 'microsoft365' &&
    next.mailNickname.toLowerCase() !== g.mailNickname.toLowerCase()
  ) {
    if (
      store.groupIndex.mailNickname
        .exact(next.mailNickname)
        .some((id) => id !== g.id && store.groups.get(id)?.groupTypes.includes('Unified'))
    )
      throw E.duplicateNickname();
  }
  for (const r of memberRefs) validateNewMember(store, next, r);
  for (const r of ownerRefs) validateNewOwner(store, next, r);
  if (propKeys.length) tx.stage({ op: 'putGroup', group: next });
  for (const r of memberRefs) tx.stage({ op: 'link', rel: 'member', src: g.id, dst: r.id });
  for (const r of ownerRefs) tx.stage({ op: 'link', rel: 'owner', src: g.id, dst: r.id });
  for (const r of memberRefs) recordGroupAudit(ctx, 'Add member to group', g, r.id);
  for (const r of ownerRefs) recordGroupAudit(ctx, 'Add owner to group', g, r.id);
}
