/**
 * Lookups shared by the route handlers: live groups and users by id (E14 for malformed ids, E2 for missing
 * ones), users by UPN, the subject of `/me`, `/users/{id}`, `/groups/{id}`, `/directoryObjects/{id}`, and
 * `@odata.id` / `@odata.bind` references.
 */
import { E } from '../http/graph-error';
import { isGuid, requireGuid, type HandlerContext } from '../http/request-context';
import type { GroupObject, UserObject } from '../model/types';
import type { DirectoryStore } from '../store/directory-store';
import { isGraphHostUrl } from '../http/graph-host';

type Obj = Record<string, unknown>;

/** A live group by id. Throws E14 (bad id) or E2 (no such live group). */
export function liveGroup(store: DirectoryStore, rawId: string): GroupObject {
  const id = requireGuid(rawId);
  const g = store.groups.get(id);
  if (!g) throw E.notFound(rawId);
  return g;
}

/** A user by id or UPN. Throws E14 (neither a GUID nor a UPN) or E2 (no such user). */
export function userByIdOrUpn(store: DirectoryStore, key: string): UserObject {
  if (isGuid(key)) {
    const u = store.users.get(key.toLowerCase());
    if (!u) throw E.notFound(key);
    return u;
  }
  if (!key.includes('@')) throw E.invalidId(key);
  const id = store.userIndex.userPrincipalName.exact(key)[0];
  const u = id ? store.users.get(id) : undefined;
  if (!u) throw E.notFound(key);
  return u;
}

/** The object with `@odata.type` first, as directoryObject collections show it. Never throws. */
export function typed(obj: UserObject | GroupObject): Obj {
  const type = 'groupTypes' in obj && 'securityEnabled' in obj ? '#microsoft.graph.group' : '#microsoft.graph.user';
  return { '@odata.type': type, ...obj };
}

export type SubjectKind = 'me' | 'users' | 'groups' | 'directoryObjects';

/**
 * The directory object a subject path names: `/me`, `/users/{id|upn}`, `/groups/{id}`, `/directoryObjects/{id}`.
 * Throws E14/E2 as the lookups do.
 */
export function subjectOf(ctx: HandlerContext, kind: SubjectKind): UserObject | GroupObject {
  const store = ctx.services.store;
  const id = ctx.params.id ?? '';
  switch (kind) {
    case 'me':
      return ctx.caller.user;
    case 'users':
      return userByIdOrUpn(store, id);
    case 'groups':
      return liveGroup(store, id);
    case 'directoryObjects': {
      const gid = requireGuid(id);
      const o = store.object(gid);
      if (!o) throw E.notFound(id);
      return o;
    }
  }
}

const REF =
  /^https?:\/\/[^/]+\/(?:v1\.0|beta)\/(directoryObjects|users|groups|devices|servicePrincipals|contacts|orgContacts)\/([^/?#]+)$/i;

/**
 * The object id an `@odata.id` / bind URL names.
 * Throws E3 when the value is not such a URL, E14 when its id is malformed.
 */
export function referenceId(value: unknown, rel: 'members' | 'owners'): { id: string; set: string } {
  if (typeof value !== 'string' || !isGraphHostUrl(value.trim())) throw E.badReference(rel);
  const m = REF.exec(value.trim());
  if (!m) throw E.badReference(rel);
  const raw = decodeURIComponent(m[2] as string).replace(/^\('?|'?\)$/g, '');
  return { id: requireGuid(raw), set: (m[1] as string).toLowerCase() };
}
