/**
 * Which members a group's licences did not reach (docs/graph-behaviour.md, Licensing): a direct user member
 * whose `licenseAssignmentStates` holds an entry assigned by the group in state `Error` (or `ActiveWithError`).
 * Backs `GET /groups/{id}/membersWithLicenseErrors` and the `hasMembersWithLicenseErrors eq true` filter.
 */
import type { UserObject } from '../model/types';
import type { DirectoryStore } from '../store/directory-store';

/** True when the user has a failed assignment from the group. Never throws. */
export function hasLicenseErrorFrom(u: UserObject, groupId: string): boolean {
  return u.licenseAssignmentStates.some(
    (s) => s.assignedByGroup === groupId && (s.state === 'Error' || s.state === 'ActiveWithError'),
  );
}

/** The group's direct user members with licence errors from it, in membership order. Never throws. */
export function membersWithLicenseErrors(store: DirectoryStore, groupId: string): UserObject[] {
  const g = store.groups.get(groupId);
  if (!g || g.assignedLicenses.length === 0) return [];
  const out: UserObject[] = [];
  for (const id of store.membersOf(groupId)) {
    const u = store.users.get(id);
    if (u && hasLicenseErrorFrom(u, groupId)) out.push(u);
  }
  return out;
}

/** Graph's computed `hasMembersWithLicenseErrors` of a group. Never throws. */
export function hasMembersWithLicenseErrors(store: DirectoryStore, groupId: string): boolean {
  const g = store.groups.get(groupId);
  if (!g || g.assignedLicenses.length === 0) return false;
  for (const id of store.membersOf(groupId)) {
    const u = store.users.get(id);
    if (u && hasLicenseErrorFrom(u, groupId)) return true;
  }
  return false;
}
