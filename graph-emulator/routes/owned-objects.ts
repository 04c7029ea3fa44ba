/**
 * `GET /me/ownedObjects` and `GET /users/{id}/ownedObjects` (and `/$count`): the directory objects a user owns.
 * The emulator's users own groups only, so every item is a `#microsoft.graph.group`; paging, `$top`, `$select` and
 * the `$metadata#directoryObjects` context are those of the other relationship lists. Reading one's own list
 * needs a self-read scope; another user's needs a directory-read scope and a member (not guest) caller.
 */
import { E } from '../http/graph-error';
import { respondCollection } from '../http/collection-respond';
import type { EmuResponse, HandlerContext } from '../http/request-context';
import { Scopes, isGuest, requireScope, requireThat } from '../permissions/authorize';
import { subjectOf, typed } from './object-lookup';

/** Handler for `{me|users/{id}}/ownedObjects[/$count]`. Throws E14/E2 for the user, E5 when the caller may not read it. */
export function listOwnedObjects(ctx: HandlerContext, subjectKind: 'me' | 'users', countSegment: boolean): EmuResponse {
  const { store } = ctx.services;
  const { caller } = ctx;
  const subject = subjectOf(ctx, subjectKind);
  if (!store.users.has(subject.id)) throw E.unknownSegment('ownedObjects');
  if (subject.id === caller.user.id) requireScope(caller, [...Scopes.readSelf, ...Scopes.readGroups]);
  else {
    requireScope(caller, Scopes.readOtherMemberships);
    requireThat(!isGuest(caller));
  }
  return respondCollection(ctx, {
    entity: 'directoryObject',
    collection: 'relationship',
    contextPath: 'directoryObjects',
    all: () =>
      store.ownerOf.get(subject.id).flatMap((id) => {
        const g = store.groups.get(id);
        return g ? [typed(g)] : [];
      }),
    countSegment,
  });
}
