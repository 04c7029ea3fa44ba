/**
 * `POST /groups` (docs/graph-behaviour.md, Creating a group): required properties (E8), allowed kinds (E7), mailNickname rules (E9) and
 * uniqueness among Microsoft 365 groups (E10), up to 20 owner/member binds, the auto-owner rules (E11), and
 * a 201 with the default properties the service sets (mail, proxyAddresses, visibility, dates, nulls).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { buildGroup } from '../directory/object-factory';
import { expirationFor, lifecyclePolicyOf } from '../directory/lifecycle-policy';
import { E } from '../http/graph-error';
import { jsonBody, type EmuResponse, type HandlerContext } from '../http/request-context';
import type { GroupObject } from '../model/types';
import { projectObject, contextUrl } from '../query';
import { Scopes, isDirectoryAdmin, isGlobalAdmin, isGuest, requireScope, requireThat } from '../permissions/authorize';
import { PRIVILEGED_ROLE_ADMINISTRATOR } from '../directory/directory-roles';
import { checkBindCount, validateNewMember, validateNewOwner } from './member-validate';
import {
  checkBodyKeys,
  checkDisplayName,
  checkGroupTypes,
  checkNickname,
  checkRule,
  normaliseRuleState,
  normaliseVisibility,
  optionalString,
} from './group-properties';
import { referenceId } from './object-lookup';

function bindList(
  body: Record<string, unknown>,
  key: string,
  rel: 'members' | 'owners',
): { id: string; set: string }[] {
  const v = body[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw E.badReference(rel);
  const refs = v.map((x) => referenceId(x, rel));
  if (new Set(refs.map((r) => r.id)).size !== refs.length) throw E.duplicateValues();
  return refs;
}

/** Picks the group's mail: nickname@domain, with four digits appended when that address is taken. */
function mailFor(ctx: HandlerContext, nickname: string): string {
  const { store, tenant } = ctx.services;
  const taken = (m: string) =>
    store.groupIndex.mail.exact(m).length > 0 ||
    store.userIndex.mail.exact(m).length > 0 ||
    [...store.deleted.values()].some((g) => g.mail?.toLowerCase() === m.toLowerCase());
  let mail = `${nickname}@${tenant.domain}`;
  while (taken(mail)) mail = `${nickname}${randomInt(1000, 10000)}@${tenant.domain}`;
  return mail;
}

/** Handler of POST /groups. Throws the Graph errors listed in the file header. */
export async function createGroup(ctx: HandlerContext): Promise<EmuResponse> {
  const { caller, services } = ctx;
  const { store, tenant, rules } = services;
  requireScope(caller, Scopes.createGroups);
  requireThat(!isGuest(caller));
  const body = jsonBody(ctx.req, { emptyIsError: true });
  checkBodyKeys(body, false);
  for (const p of ['displayName', 'mailEnabled', 'mailNickname', 'securityEnabled']) {
    if (body[p] === undefined || body[p] === null) throw E.required(p);
  }
  const displayName = checkDisplayName(body.displayName);
  if (typeof body.mailEnabled !== 'boolean') throw E.invalidValue('mailEnabled');
  if (typeof body.securityEnabled !== 'boolean') throw E.invalidValue('securityEnabled');
  const groupTypes = body.groupTypes === undefined ? [] : checkGroupTypes(body.groupTypes);
  const unified = groupTypes.includes('Unified');
  const dynamic = groupTypes.includes('DynamicMembership');
  if (unified ? !body.mailEnabled : body.mailEnabled || !body.securityEnabled) throw E.mailEnabledCreate();
  const mailNickname = checkNickname(body.mailNickname);
  const description = body.description === undefined ? null : optionalString('description', body.description);
  let visibility = body.visibility === undefined ? (unified ? 'Public' : null) : normaliseVisibility(body.visibility);
  if (visibility === 'HiddenMembership' && !unified) throw E.invalidValue('visibility');
  const isAssignableToRole =
    body.isAssignableToRole === undefined || body.isAssignableToRole === null ? null : body.isAssignableToRole;
  if (isAssignableToRole !== null && typeof isAssignableToRole !== 'boolean')
    throw E.invalidValue('isAssignableToRole');
  if (isAssignableToRole === true) {
    if (!body.securityEnabled || dynamic) throw E.invalidValue('isAssignableToRole');
    requireScope(caller, Scopes.roleManagement);
    requireThat(isGlobalAdmin(caller) || caller.roles.has(PRIVILEGED_ROLE_ADMINISTRATOR));
    visibility = 'Private';
  }
  let membershipRule: string | null = null;
  let ruleState: 'On' | 'Paused' | null = null;
  if (dynamic) {
    if (body.membershipRule === undefined || body.membershipRule === null) throw E.required('membershipRule');
    membershipRule = checkRule(rules, body.membershipRule);
    ruleState =
      body.membershipRuleProcessingState === undefined ? 'On' : normaliseRuleState(body.membershipRuleProcessingState);
  } else if (body.membershipRule !== undefined && body.membershipRule !== null) {
    throw E.invalidValue('membershipRule');
  }
  const owners = bindList(body, 'owners@odata.bind', 'owners');
  const members = bindList(body, 'members@odata.bind', 'members');
  checkBindCount(owners.length + members.length);
  if (dynamic && members.length) throw E.forbidden();
  const admin = isDirectoryAdmin(caller);
  if (!admin && owners.some((o) => o.id === caller.user.id)) throw E.duplicateValues();

  const id = randomUUID();
  const group = await store.write((tx) => {
    if (unified) {
      const clash = store.groupIndex.mailNickname
        .exact(mailNickname)
        .some((gid) => store.groups.get(gid)?.groupTypes.includes('Unified'));
      if (clash) throw E.duplicateNickname();
    }
    const g: GroupObject = buildGroup({
      id,
      displayName,
      mailNickname,
      description,
      kind: unified ? 'microsoft365' : 'security',
      securityEnabled: body.securityEnabled as boolean,
      dynamic,
      membershipRule,
      ruleState,
      visibility,
      isAssignableToRole,
      mail: unified ? mailFor(ctx, mailNickname) : null,
      classification: optionalString('classification', body.classification ?? null),
      preferredDataLocation: optionalString('preferredDataLocation', body.preferredDataLocation ?? null),
      preferredLanguage: optionalString('preferredLanguage', body.preferredLanguage ?? null),
      theme: optionalString('theme', body.theme ?? null),
      resourceBehaviorOptions: Array.isArray(body.resourceBehaviorOptions)
        ? (body.resourceBehaviorOptions as string[])
        : [],
      resourceProvisioningOptions: Array.isArray(body.resourceProvisioningOptions)
        ? (body.resourceProvisioningOptions as string[])
        : [],
      domain: tenant.domain,
      initialDomain: tenant.initialDomain,
    });
    g.expirationDateTime = expirationFor(lifecyclePolicyOf(tx.store), g);
    for (const o of owners) validateNewOwner(store, g, o);
    for (const m of members) validateNewMember(store, g, m);
    tx.stage({ op: 'putGroup', group: g });
    const ownerIds = owners.map((o) => o.id);
    if (!admin || (unified && !ownerIds.includes(caller.user.id))) {
      if (!ownerIds.includes(caller.user.id)) ownerIds.push(caller.user.id);
    }
    for (const oid of ownerIds) tx.stage({ op: 'link', rel: 'owner', src: id, dst: oid });
    for (const m of members) tx.stage({ op: 'link', rel: 'member', src: id, dst: m.id });
    return g;
  });
  services.replication?.noteCreated(id);
  const out = {
    '@odata.context': contextUrl(services.baseUrl, 'groups/$entity'),
    ...projectObject('group', group, undefined, { getById: true }),
  };
  return {
    status: 201,
    headers: { Location: `${services.baseUrl}/v1.0/directoryObjects/${id}/Microsoft.DirectoryServices.Group` },
    body: out,
  };
}
