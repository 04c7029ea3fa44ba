/**
 * Relationship lists (docs/graph-behaviour.md: Members and owners, Membership functions): `members`, `owners`, `transitiveMembers` of a group and
 * `memberOf`, `transitiveMemberOf` of a user, group or `/me`, with OData casts
 * (`/microsoft.graph.user|group`) and `/$count`. Items carry `@odata.type`; contexts are
 * `$metadata#directoryObjects` (or the cast's entity set).
 */
import { E } from '../http/graph-error';
import { respondCollection } from '../http/collection-respond';
import type { EmuResponse, HandlerContext } from '../http/request-context';
import { directoryRoleJson, DIRECTORY_ROLES } from '../directory/directory-roles';
import { groupKind, type GroupObject, type UserObject } from '../model/types';
import { Scopes, canSeeMembers, isGuest, requireScope, requireThat } from '../permissions/authorize';
import { subjectOf, typed, type SubjectKind } from './object-lookup';

type Obj = Record<string, unknown>;
export type Relationship = 'members' | 'owners' | 'transitiveMembers' | 'memberOf' | 'transitiveMemberOf';

const CASTS: Record<string, { type: string; set: string; entity: 'user' | 'group' }> = {
  'microsoft.graph.user': { type: '#microsoft.graph.user', set: 'users', entity: 'user' },
  'microsoft.graph.group': { type: '#microsoft.graph.group', set: 'groups', entity: 'group' },
};

function roleObjects(roleIds: ReadonlySet<string> | undefined): Obj[] {
  if (!roleIds) return [];
  return DIRECTORY_ROLES.filter((r) => roleIds.has(r.roleTemplateId)).map(directoryRoleJson);
}

/**
 * Handler for `{subject}/{relationship}[/{cast}][/$count]`.
 * Throws E14/E2 for the subject, E5 when the caller may not read it, E20 for impossible casts.
 */
export function listRelationship(
  ctx: HandlerContext,
  subjectKind: SubjectKind,
  rel: Relationship,
  castName: string | undefined,
  countSegment: boolean,
): EmuResponse {
  const { store } = ctx.services;
  const { caller } = ctx;
  const subject = subjectOf(ctx, subjectKind);
  const subjectIsGroup = store.groups.has(subject.id);
  const cast = castName === undefined ? undefined : CASTS[castName];
  if (castName !== undefined && !cast) throw E.unsupportedCast();

  if (rel === 'members' || rel === 'owners' || rel === 'transitiveMembers') {
    if (!subjectIsGroup) throw E.unknownSegment(rel);
    const g = subject as GroupObject;
    requireScope(caller, Scopes.readMembers);
    requireThat(
      rel === 'owners' ? !isGuest(caller) || canSeeMembers(store, caller, g) : canSeeMembers(store, caller, g),
    );
    if (cast?.entity === 'group' && rel !== 'owners' && groupKind(g) === 'microsoft365') throw E.unsupportedCast();
  } else {
    const self = subject.id === caller.user.id;
    if (self) requireScope(caller, [...Scopes.readSelf, ...Scopes.readGroups]);
    else {
      requireScope(caller, subjectIsGroup ? Scopes.readGroups : Scopes.readOtherMemberships);
      requireThat(!isGuest(caller));
    }
    if (cast?.entity === 'user') throw E.unsupportedCast();
  }

  const ids = (() => {
    switch (rel) {
      case 'members':
        return store.membersOf(subject.id);
      case 'owners':
        return store.ownersOf(subject.id);
      case 'transitiveMembers':
        return store.transitiveMembersOf(subject.id);
      case 'memberOf':
        return store.directGroupsOf(subject.id);
      case 'transitiveMemberOf':
        return store.transitiveGroupsOf(subject.id);
    }
  })();
  const all = (): Obj[] => {
    const objs: Obj[] = [];
    for (const id of ids) {
      const o: UserObject | GroupObject | undefined = store.object(id);
      if (o) objs.push(typed(o));
    }
    if ((rel === 'memberOf' || rel === 'transitiveMemberOf') && !subjectIsGroup && !cast)
      objs.push(...roleObjects(store.roles.get(subject.id)));
    return cast ? objs.filter((o) => o['@odata.type'] === cast.type) : objs;
  };
  return respondCollection(ctx, {
    entity: cast ? cast.entity : 'directoryObject',
    collection: 'relationship',
    contextPath: cast ? cast.set : 'directoryObjects',
    all,
    countSegment,
  });
}
