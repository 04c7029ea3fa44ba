/**
 * `POST /groups/{id}/members/$ref`, `DELETE /groups/{id}/members/{mid}/$ref` and the same for owners
 * (docs/graph-behaviour.md, Members and owners): E1-E6 with their exact texts, read-only kinds (E4), dynamic groups refuse manual members
 * (E5), the last user owner stays (E6). DELETE without `/$ref` would delete the object itself: refused (E5).
 */
import { E } from '../http/graph-error';
import { jsonBody, requireGuid, type EmuResponse, type HandlerContext } from '../http/request-context';
import { isDynamic, isReadOnlyGroup, type GroupObject } from '../model/types';
import { Scopes, canManageMembers, canManageOwners, requireScope, requireThat } from '../permissions/authorize';
import { validateNewMember, validateNewOwner } from './member-validate';
import { liveGroup, referenceId } from './object-lookup';
import { recordGroupAudit } from './group-audit';

/**
 * The live group `{id}` when the caller's token has a scope from `anyOf` and the group's kind can be written.
 * Throws E14/E2 (bad id, no such group), 403 (scope) or E4 (read-only kind), in that order.
 */
function writableGroup(ctx: HandlerContext, anyOf: readonly string[]): GroupObject {
  const g = liveGroup(ctx.services.store, ctx.params.id ?? '');
  requireScope(ctx.caller, anyOf);
  if (isReadOnlyGroup(g)) throw E.readOnlyGroup();
  return g;
}

/**
 * The group `{id}` whose members the caller may change by hand: as writableGroup with the members scope, then
 * 403 when the caller may not manage its members and E5 when it is dynamic.
 */
function manualMembersGroup(ctx: HandlerContext): GroupObject {
  const g = writableGroup(ctx, Scopes.writeMembers);
  requireThat(canManageMembers(ctx.services.store, ctx.caller, g));
  if (isDynamic(g)) throw E.forbidden();
  return g;
}

/** E16 while the group or the object referenced was created too recently to have replicated. */
export function requireReplicated(ctx: HandlerContext, ...ids: string[]): void {
  const lag = ctx.services.replication;
  if (lag && ids.some((id) => lag.lagging(id))) throw E.replicationLag();
}

/** Handler of POST /groups/{id}/members/$ref. */
export async function addMember(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const g = manualMembersGroup(ctx);
  const ref = referenceId(jsonBody(ctx.req, { emptyIsError: true })['@odata.id'], 'members');
  requireReplicated(ctx, g.id, ref.id);
  await store.write((tx) => {
    validateNewMember(store, g, ref);
    tx.stage({ op: 'link', rel: 'member', src: g.id, dst: ref.id });
  });
  recordGroupAudit(ctx, 'Add member to group', g, ref.id);
  return { status: 204 };
}

/** Handler of DELETE /groups/{id}/members/{mid}/$ref. */
export async function removeMember(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const g = manualMembersGroup(ctx);
  const mid = requireGuid(ctx.params.mid ?? '');
  await store.write((tx) => {
    if (!store.members.get(g.id)?.has(mid)) throw E.notFound(ctx.params.mid ?? mid);
    tx.stage({ op: 'unlink', rel: 'member', src: g.id, dst: mid });
  });
  recordGroupAudit(ctx, 'Remove member from group', g, mid);
  return { status: 204 };
}

/** Handler of POST /groups/{id}/owners/$ref. */
export async function addOwner(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const g = writableGroup(ctx, Scopes.writeGroups);
  const ref = referenceId(jsonBody(ctx.req, { emptyIsError: true })['@odata.id'], 'owners');
  requireThat(canManageOwners(store, ctx.caller, g, store.users.has(ref.id)));
  requireReplicated(ctx, g.id, ref.id);
  await store.write((tx) => {
    validateNewOwner(store, g, ref);
    tx.stage({ op: 'link', rel: 'owner', src: g.id, dst: ref.id });
  });
  recordGroupAudit(ctx, 'Add owner to group', g, ref.id);
  return { status: 204 };
}

/** Handler of DELETE /groups/{id}/owners/{oid}/$ref. */
export async function removeOwner(ctx: HandlerContext): Promise<EmuResponse> {
  const { store } = ctx.services;
  const g = writableGroup(ctx, Scopes.writeGroups);
  const oid = requireGuid(ctx.params.mid ?? '');
  requireThat(canManageOwners(store, ctx.caller, g, store.users.has(oid)));
  await store.write((tx) => {
    const owners = store.owners.get(g.id);
    if (!owners?.has(oid)) throw E.notFound(ctx.params.mid ?? oid);
    const userOwners = [...owners].filter((o) => store.users.has(o));
    if (store.users.has(oid) && userOwners.length === 1) throw E.lastOwner();
    tx.stage({ op: 'unlink', rel: 'owner', src: g.id, dst: oid });
  });
  recordGroupAudit(ctx, 'Remove owner from group', g, oid);
  return { status: 204 };
}

/** DELETE /groups/{id}/members/{mid} without `/$ref`: deleting the object itself is not allowed here (E5). */
export function deleteMemberObject(ctx: HandlerContext): EmuResponse {
  liveGroup(ctx.services.store, ctx.params.id ?? '');
  requireGuid(ctx.params.mid ?? '');
  throw E.forbidden();
}
