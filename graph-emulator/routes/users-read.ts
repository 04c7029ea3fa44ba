/**
 * `GET /users`, `/users/$count`, `/users/{id|upn}` and `/me` (what the bot needs to resolve people):
 * query subset via the QUERY part, answers narrowed through the store's name/UPN/mail indexes. Guests may
 * read only themselves.
 */
import { E } from '../http/graph-error';
import { respondCollection, planFor } from '../http/collection-respond';
import type { EmuResponse, HandlerContext } from '../http/request-context';
import { contextUrl, projectObject, type IndexableClause } from '../query';
import { Scopes, isGuest, requireScope, requireThat } from '../permissions/authorize';
import type { UserIndexKey } from '../store/directory-store';
import { indexLookup } from './groups-read';
import { userByIdOrUpn } from './object-lookup';

/** GET /users and /users/$count. Throws E5 for guests or without a user-read scope. */
export function listUsers(ctx: HandlerContext, countSegment = false): EmuResponse {
  requireScope(ctx.caller, Scopes.readAllUsers);
  requireThat(!isGuest(ctx.caller));
  const store = ctx.services.store;
  return respondCollection(ctx, {
    entity: 'user',
    collection: 'users',
    contextPath: 'users',
    countSegment,
    all: () => store.users.values(),
    lookup: (clause: IndexableClause) =>
      indexLookup<UserIndexKey>(clause, store.userIndex, store.users as Map<string, Record<string, unknown>>),
  });
}

/** GET /users/{id|upn} and /me. Throws E14/E2, E5. */
export function getUser(ctx: HandlerContext, me: boolean): EmuResponse {
  const store = ctx.services.store;
  const u = me ? ctx.caller.user : userByIdOrUpn(store, ctx.params.id ?? '');
  if (u.id === ctx.caller.user.id) requireScope(ctx.caller, Scopes.readSelf);
  else {
    requireScope(ctx.caller, Scopes.readAllUsers);
    requireThat(!isGuest(ctx.caller));
  }
  const plan = planFor(ctx, { entity: 'user', collection: 'users' });
  if (plan.filter || plan.search)
    throw E.badRequest('Query option $filter or $search is not allowed on a single object.');
  const body = {
    '@odata.context': contextUrl(ctx.services.baseUrl, 'users/$entity', plan.select),
    ...projectObject('user', u, plan.select, { getById: true }),
  };
  return { status: 200, body };
}

/** GET /users/{id}/manager. Throws E14/E2 (also when the user has no manager), E5. */
export function getManager(ctx: HandlerContext, me: boolean): EmuResponse {
  requireScope(ctx.caller, Scopes.readAllUsers);
  const store = ctx.services.store;
  const u = me ? ctx.caller.user : userByIdOrUpn(store, ctx.params.id ?? '');
  const managerId = store.managers.get(u.id);
  const m = managerId ? store.users.get(managerId) : undefined;
  if (!m) throw E.notFound('manager');
  return {
    status: 200,
    body: {
      '@odata.context': contextUrl(ctx.services.baseUrl, 'directoryObjects/$entity'),
      '@odata.type': '#microsoft.graph.user',
      ...projectObject('user', m, undefined, { getById: true }),
    },
  };
}
