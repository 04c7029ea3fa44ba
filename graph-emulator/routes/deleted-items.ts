/**
 * Deleted groups (docs/graph-behaviour.md, Updating, deleting, restoring): `GET /directory/deletedItems/microsoft.graph.group` (+ `/$count`),
 * `GET /directory/deletedItems/{id}`, `POST /directory/deletedItems/{id}/restore` (200 with the object) and
 * `DELETE /directory/deletedItems/{id}` (permanent). Bare `/directory/deletedItems` needs the type cast.
 */
import { E } from '../http/graph-error';
import { respondCollection } from '../http/collection-respond';
import { requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import { contextUrl, projectObject } from '../query';
import { groupKind, type GroupObject } from '../model/types';
import { Scopes, canRestoreGroup, isGuest, requireScope, requireThat } from '../permissions/authorize';

/** Days a deleted group stays restorable. */
export const RETENTION_DAYS = 30;

function deletedGroup(ctx: HandlerContext): GroupObject {
  const id = requireGuid(ctx.params.id ?? '');
  const g = ctx.services.store.deleted.get(id);
  if (!g) throw E.notFound(ctx.params.id ?? id);
  return g;
}

/** GET /directory/deletedItems/microsoft.graph.group[/$count]. Throws E5; query errors. */
export function listDeletedGroups(ctx: HandlerContext, countSegment = false): EmuResponse {
  requireScope(ctx.caller, Scopes.readDeleted);
  requireThat(!isGuest(ctx.caller));
  const store = ctx.services.store;
  return respondCollection(ctx, {
    entity: 'group',
    collection: 'deletedItems',
    contextPath: 'directory/deletedItems/microsoft.graph.group',
    countSegment,
    all: () => store.deleted.values(),
  });
}

/** GET /directory/deletedItems without the cast: unsupported. */
export function listDeletedWithoutCast(): EmuResponse {
  throw E.badRequest(
    "Listing '/directory/deletedItems' needs an OData cast such as '/directory/deletedItems/microsoft.graph.group'.",
    'Request_UnsupportedQuery',
  );
}

/** GET /directory/deletedItems/{id}. Throws E14/E2, E5. */
export function getDeletedItem(ctx: HandlerContext): EmuResponse {
  requireScope(ctx.caller, Scopes.readDeleted);
  requireThat(!isGuest(ctx.caller));
  const g = deletedGroup(ctx);
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'directoryObjects/$entity'),
      '@odata.type': '#microsoft.graph.group',
      ...projectObject('group', g, undefined, { getById: true }),
    },
  };
}

/** POST /directory/deletedItems/{id}/restore. Throws E14/E2, E5, E10 when the nickname was taken meanwhile. */
export async function restoreDeletedItem(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  requireScope(ctx.caller, Scopes.writeGroups);
  const g = deletedGroup(ctx);
  requireThat(canRestoreGroup(store, ctx.caller, g));
  const restored: GroupObject = { ...g, deletedDateTime: null };
  await store.write((tx) => {
    if (!store.deleted.has(g.id)) throw E.notFound(ctx.params.id ?? g.id); // restored or purged meanwhile
    if (
      groupKind(g) === 'microsoft365' &&
      store.groupIndex.mailNickname
        .exact(g.mailNickname)
        .some((id) => store.groups.get(id)?.groupTypes.includes('Unified'))
    )
      throw E.duplicateNickname();
    tx.stage({ op: 'putGroup', group: restored });
  });
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'directoryObjects/$entity'),
      '@odata.type': '#microsoft.graph.group',
      ...projectObject('group', restored, undefined, { getById: true }),
    },
  };
}

/** DELETE /directory/deletedItems/{id}: permanent delete. Throws E14/E2, E5. */
export async function purgeDeletedItem(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  requireScope(ctx.caller, Scopes.writeGroups);
  const g = deletedGroup(ctx);
  requireThat(canRestoreGroup(store, ctx.caller, g) || (store.owners.get(g.id)?.has(ctx.caller.user.id) ?? false));
  await store.write((tx) => tx.purgeGroup(g.id));
  return { status: 204 };
}
