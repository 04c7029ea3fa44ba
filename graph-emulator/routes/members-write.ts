/**
 * `POST /groups/{id}/members/$ref`, `DELETE /groups/{id}/members/{mid}/$ref` and the same for owners
 * (contract §6): E1-E6 with their exact texts, read-only kinds (E4), dynamic groups refuse manual members
 * (E5), the last user owner stays (E6). DELETE without `/$ref` would delete the object itself: refused (E5).
 */
import { E } from '../http/graph-error';
import { jsonBody, requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import { isDynamic, isReadOnlyKind } from '../model/types';
import { Scopes, canManageMembers, canManageOwners, requireScope, requireThat } from '../permissions/authorize';
import { validateNewMember, validateNewOwner } from './member-validate';
import { liveGroup, referenceId } from './object-lookup';

/** Handler of POST /groups/{id}/members/$ref. */
export async function addMember(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const g = liveGroup(store, ctx.params.id ?? '');
  requireScope(ctx.caller, Scopes.writeMembers);
  if (isReadOnlyKind(g)) throw E.readOnlyGroup();
  requireThat(canManageMembers(store, ctx.caller, g));
  if (isDynamic(g)) throw E.forbidden();
  const ref = referenceId(jsonBody(ctx.req, { emptyIsError: true })['@odata.id'], 'members');
  await store.write((tx) => {
    validateNewMember(store, g, ref);
    tx.stage({ op: 'link', rel: 'member', src: g.id, dst: ref.id });
  });
  return { status: 204 };
}

/** Handler of DELETE /groups/{id}/members/{mid}/$ref. */
export async function removeMember(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const g = liveGroup(store, ctx.params.id ?? '');
  requireScope(ctx.caller, Scopes.writeMembers);
  if (isReadOnlyKind(g)) throw E.readOnlyGroup();
  requireThat(canManageMembers(store, ctx.caller, g));
  if (isDynamic(g)) throw E.forbidden();
  const mid = requireGuid(ctx.params.mid ?? '');
  await store.write((tx) => {
    if (!store.members.get(g.id)?.has(mid)) throw E.notFound(ctx.params.mid ?? mid);
    tx.stage({ op: 'unlink', rel: 'member', src: g.id, dst: mid });
  });
  return { status: 204 };
}

/** Handler of POST /groups/{id}/owners/$ref. */
export async function addOwner(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const g = liveGroup(store, ctx.params.id ?? '');
  requireScope(ctx.caller, Scopes.writeGroups);
  if (isReadOnlyKind(g)) throw E.readOnlyGroup();
  const ref = referenceId(jsonBody(ctx.req, { emptyIsError: true })['@odata.id'], 'owners');
  requireThat(canManageOwners(store, ctx.caller, g, store.users.has(ref.id)));
  await store.write((tx) => {
    validateNewOwner(store, g, ref);
    tx.stage({ op: 'link', rel: 'owner', src: g.id, dst: ref.id });
  });
  return { status: 204 };
}

/** Handler of DELETE /groups/{id}/owners/{oid}/$ref. */
export async function removeOwner(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const g = liveGroup(store, ctx.params.id ?? '');
  requireScope(ctx.caller, Scopes.writeGroups);
  if (isReadOnlyKind(g)) throw E.readOnlyGroup();
  const oid = requireGuid(ctx.params.mid ?? '');
  requireThat(canManageOwners(store, ctx.caller, g, store.users.has(oid)));
  await store.write((tx) => {
    const owners = store.owners.get(g.id);
    if (!owners?.has(oid)) throw E.notFound(ctx.params.mid ?? oid);
    const userOwners = [...owners].filter((o) => store.users.has(o));
    if (store.users.has(oid) && userOwners.length === 1) throw E.lastOwner();
    tx.stage({ op: 'unlink', rel: 'owner', src: g.id, dst: oid });
  });
  return { status: 204 };
}

/** DELETE /groups/{id}/members/{mid} without `/$ref`: deleting the object itself is not allowed here (E5). */
export function deleteMemberObject(ctx: HandlerContext): EmuResponse {
  liveGroup(ctx.services.store, ctx.params.id ?? '');
  requireGuid(ctx.params.mid ?? '');
  throw E.forbidden();
}
