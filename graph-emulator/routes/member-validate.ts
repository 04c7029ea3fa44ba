/**
 * Checks for adding one member or owner to a group (docs/graph-behaviour.md: Kinds of group, Members and owners): object exists (E2), allowed type
 * (Microsoft 365 groups take users only; no group contains a Microsoft 365 group; owners are users), not
 * already there (E1), at most 100 owners.
 */
import { E } from '../http/graph-error';
import { groupKind, type GroupObject } from '../model/types';
import type { DirectoryStore } from '../store/directory-store';

export const MAX_OWNERS = 100;
/** Largest number of `@odata.bind` references one create or PATCH may carry. */
export const MAX_BINDS = 20;

/** Throws the Graph error for an invalid new member; returns nothing when the add is valid. */
export function validateNewMember(store: DirectoryStore, g: GroupObject, ref: { id: string; set: string }): void {
  const user = store.users.get(ref.id);
  const group = store.groups.get(ref.id);
  if (!user && !group) throw E.notFound(ref.id);
  if ((ref.set === 'users' && !user) || (ref.set === 'groups' && !group)) throw E.notFound(ref.id);
  if (group) {
    if (group.id === g.id) throw E.badRequest('A group cannot be added as a member of itself.');
    if (groupKind(g) === 'microsoft365')
      throw E.badRequest('Only users can be added as members of a Microsoft 365 group.');
    if (groupKind(group) === 'microsoft365')
      throw E.badRequest('A Microsoft 365 group cannot be added as a member of another group.');
  }
  if (store.members.get(g.id)?.has(ref.id)) throw E.alreadyExists('members');
}

/** Throws the Graph error for an invalid new owner; returns nothing when the add is valid. */
export function validateNewOwner(store: DirectoryStore, g: GroupObject, ref: { id: string; set: string }): void {
  if (store.groups.has(ref.id)) throw E.badReference('owners');
  if (!store.users.has(ref.id)) throw E.notFound(ref.id);
  const owners = store.owners.get(g.id);
  if (owners?.has(ref.id)) throw E.alreadyExists('owners');
  if ((owners?.size ?? 0) >= MAX_OWNERS)
    throw E.badRequest(`The group already has the maximum of ${MAX_OWNERS} owners.`);
}

/** Throws 400 when more than 20 binds are given at once. */
export function checkBindCount(n: number): void {
  if (n > MAX_BINDS)
    throw E.badRequest(
      `The request contains ${n} '@odata.bind' references; at most ${MAX_BINDS} are allowed in one request.`,
    );
}
