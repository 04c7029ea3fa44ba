/**
 * Activated directory roles and who holds them, as the directoryrole-list, directoryrole-get and
 * directoryrole-list-members pages describe: `GET /directoryRoles` (`$select`, `$filter` with `eq`),
 * `GET /directoryRoles/{id}` (`$select`) and `GET /directoryRoles/{id}/members` (`$select`; pages of 1,000,
 * items with `@odata.type`). A role nobody holds is not activated, so it is neither listed nor found. The
 * alternate key `directoryRoles(roleTemplateId='…')` reaches these handlers through the alias router, with
 * `params.roleTemplateId` in place of `params.id`.
 */
import { E } from '../http/graph-error';
import { respondCollection } from '../http/collection-respond';
import { requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import { contextUrl, planSingleObject, projectObject } from '../query';
import { DIRECTORY_ROLES, directoryRoleJson, type DirectoryRoleDefinition } from '../directory/directory-roles';
import { activatedRoles, isActivated, roleHolders } from '../directory/role-holders';
import { Scopes, isGuest, requireScope, requireThat } from '../permissions/authorize';
import { typed } from './object-lookup';

type Obj = Record<string, unknown>;

/** Throws E5 unless the token may read directory roles and the caller is a member user (guests may not). */
function requireRoleReader(ctx: HandlerContext): void {
  requireScope(ctx.caller, Scopes.readDirectoryRoles);
  requireThat(!isGuest(ctx.caller));
}

/** The activated role the path names, by object id or by template id. Throws E14 (not a GUID) or E2. */
function roleOf(ctx: HandlerContext): DirectoryRoleDefinition {
  const templateKey = ctx.params.roleTemplateId;
  const raw = templateKey ?? ctx.params.id ?? '';
  const key = requireGuid(raw);
  const role = DIRECTORY_ROLES.find((r) => (templateKey === undefined ? r.id : r.roleTemplateId) === key);
  if (!role || !isActivated(ctx.services.store, role)) throw E.notFound(raw);
  return role;
}

/** GET /directoryRoles. Throws E5, and the query engine's 400s. */
export function listDirectoryRoles(ctx: HandlerContext): EmuResponse {
  requireRoleReader(ctx);
  const { store } = ctx.services;
  return respondCollection(ctx, {
    entity: 'directoryRole',
    collection: 'directoryRoles',
    contextPath: 'directoryRoles',
    all: () => activatedRoles(store).map(directoryRoleJson),
  });
}

/** GET /directoryRoles/{id} and directoryRoles(roleTemplateId='…'). Throws E5, E14, E2, 400 for an unknown `$select`. */
export function getDirectoryRole(ctx: HandlerContext): EmuResponse {
  requireRoleReader(ctx);
  const role = roleOf(ctx);
  const plan = planSingleObject('directoryRole', ctx.req.query);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'directoryRoles/$entity', plan.select),
      ...projectObject('directoryRole', directoryRoleJson(role), plan.select, { getById: true }),
    },
  };
}

/**
 * Without a scope that reads users, Graph still lists a relationship's users but with `@odata.type` and `id`
 * only (the limited-information note of the directoryrole-list-members page).
 */
function limitedInformation(obj: Obj): Obj {
  return { '@odata.type': obj['@odata.type'], id: obj.id };
}

/** GET /directoryRoles/{id}/members and directoryRoles(roleTemplateId='…')/members. Throws E5, E14, E2, 400 for an unknown `$select`. */
export function listDirectoryRoleMembers(ctx: HandlerContext): EmuResponse {
  requireRoleReader(ctx);
  const role = roleOf(ctx);
  const holders = roleHolders(ctx.services.store, role.roleTemplateId);
  const readsUsers = Scopes.readAllUsers.some((s) => ctx.caller.scopes.has(s));
  return respondCollection(ctx, {
    entity: 'directoryObject',
    collection: 'roleMembers',
    contextPath: 'directoryObjects',
    all: () => holders.map(typed),
    ...(readsUsers ? {} : { project: limitedInformation }),
  });
}
