/**
 * The permission model (docs/graph-behaviour.md, Permissions): a delegated call succeeds only when a scope in the token AND the
 * signed-in user's directory roles, ownership or membership allow it. Every check throws E5 (403
 * Authorization_RequestDenied) when it fails.
 *
 * Roles: Global Administrator = everything. Groups Administrator = every group that is not role-assignable.
 * User Administrator = members of any non-role-assignable group and its user owners. assignLicense: Directory
 * Writers, Groups, License and User Administrators (the group-assignlicense page). Invitations: Guest Inviter,
 * User and Global Administrators always; other members only when the tenant's authorization policy lets them. Privileged Role Administrator (+ the
 * RoleManagement.ReadWrite.Directory scope) = role-assignable groups. Owners manage their groups (members,
 * owners, properties, delete; restore only Microsoft 365 groups). Members read. Guests read only single
 * groups by id and the memberships of groups they belong to, and cannot list users or groups. Directory roles
 * and their members: any member user (the "User" role is among the roles the directoryrole-* pages accept), not guests.
 */
import { E } from '../http/graph-error';
import type { Caller } from '../http/request-context';
import { groupKind, type GroupObject } from '../model/types';
import type { DirectoryStore } from '../store/directory-store';
import {
  DIRECTORY_WRITERS,
  GLOBAL_ADMINISTRATOR,
  GROUPS_ADMINISTRATOR,
  GUEST_INVITER,
  LICENSE_ADMINISTRATOR,
  PRIVILEGED_ROLE_ADMINISTRATOR,
  USER_ADMINISTRATOR,
} from '../directory/directory-roles';

const ANY_DIRECTORY_WRITE = ['Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
const ANY_DIRECTORY_READ = ['Directory.Read.All', ...ANY_DIRECTORY_WRITE];

export const Scopes = {
  readGroups: [
    'GroupMember.Read.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    'GroupMember.ReadWrite.All',
    ...ANY_DIRECTORY_READ,
  ],
  readMembers: [
    'GroupMember.ReadBasic.All',
    'GroupMember.Read.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    'GroupMember.ReadWrite.All',
    ...ANY_DIRECTORY_READ,
  ],
  createGroups: ['Group.Create', 'Group.ReadWrite.All', ...ANY_DIRECTORY_WRITE],
  writeGroups: ['Group.ReadWrite.All', ...ANY_DIRECTORY_WRITE],
  writeMembers: ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All', ...ANY_DIRECTORY_WRITE],
  readAllUsers: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', ...ANY_DIRECTORY_READ],
  readSelf: [
    'User.Read',
    'User.ReadWrite',
    'User.ReadBasic.All',
    'User.Read.All',
    'User.ReadWrite.All',
    ...ANY_DIRECTORY_READ,
  ],
  readOtherMemberships: [
    'User.Read.All',
    'User.ReadWrite.All',
    'GroupMember.Read.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    'GroupMember.ReadWrite.All',
    ...ANY_DIRECTORY_READ,
  ],
  assignLicense: ['LicenseAssignment.ReadWrite.All', 'Group.ReadWrite.All', ...ANY_DIRECTORY_WRITE],
  readSkus: [
    'Organization.Read.All',
    'Organization.ReadWrite.All',
    'LicenseAssignment.Read.All',
    'LicenseAssignment.ReadWrite.All',
    ...ANY_DIRECTORY_READ,
  ],
  readDeleted: ['Group.Read.All', 'Group.ReadWrite.All', ...ANY_DIRECTORY_READ],
  invite: ['User.Invite.All', 'User.ReadWrite.All', ...ANY_DIRECTORY_WRITE],
  readDirectoryObjects: [
    'Directory.Read.All',
    'User.Read.All',
    'User.ReadBasic.All',
    'GroupMember.Read.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    ...ANY_DIRECTORY_READ,
  ],
  lifecyclePolicyRead: ['Directory.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', ...ANY_DIRECTORY_READ],
  lifecyclePolicyWrite: ['Directory.ReadWrite.All', 'Directory.AccessAsUser.All'],
  readPolicies: ['Policy.Read.All', 'Policy.ReadWrite.Authorization', ...ANY_DIRECTORY_READ],
  roleManagement: ['RoleManagement.ReadWrite.Directory'],
  /** directoryrole-list, -get and -list-members: least privileged RoleManagement.Read.Directory. */
  readDirectoryRoles: ['RoleManagement.Read.Directory', 'RoleManagement.ReadWrite.Directory', ...ANY_DIRECTORY_READ],
} as const;

/** Throws E5 unless the token carries one of the scopes. */
export function requireScope(caller: Caller, anyOf: readonly string[]): void {
  if (!anyOf.some((s) => caller.scopes.has(s))) throw E.forbidden();
}

/** Throws E5 unless the condition holds. */
export function requireThat(allowed: boolean): void {
  if (!allowed) throw E.forbidden();
}

export const isGuest = (c: Caller): boolean => c.user.userType === 'Guest';
export const isGlobalAdmin = (c: Caller): boolean => c.roles.has(GLOBAL_ADMINISTRATOR);
export const isGroupsAdmin = (c: Caller): boolean => isGlobalAdmin(c) || c.roles.has(GROUPS_ADMINISTRATOR);
export const isUserAdmin = (c: Caller): boolean => isGlobalAdmin(c) || c.roles.has(USER_ADMINISTRATOR);
/** Admins exempt from ownership (used for the auto-owner rule of create). */
export const isDirectoryAdmin = (c: Caller): boolean => isGroupsAdmin(c) || isUserAdmin(c);

/** True when the caller owns the group. Never throws. */
export function isOwner(store: DirectoryStore, c: Caller, groupId: string): boolean {
  return store.owners.get(groupId)?.has(c.user.id) ?? false;
}

/** True when the caller is a (direct) member of the group. Never throws. */
export function isMember(store: DirectoryStore, c: Caller, groupId: string): boolean {
  return store.members.get(groupId)?.has(c.user.id) ?? false;
}

function roleAssignableAllowed(c: Caller): boolean {
  return (
    c.scopes.has('RoleManagement.ReadWrite.Directory') &&
    (isGlobalAdmin(c) || c.roles.has(PRIVILEGED_ROLE_ADMINISTRATOR))
  );
}

/** May the caller change this group's properties, delete it or renew it? Never throws. */
export function canManageGroup(store: DirectoryStore, c: Caller, g: GroupObject): boolean {
  if (g.isAssignableToRole === true) return roleAssignableAllowed(c);
  return isGroupsAdmin(c) || isOwner(store, c, g.id);
}

/** May the caller add or remove members? Never throws. */
export function canManageMembers(store: DirectoryStore, c: Caller, g: GroupObject): boolean {
  if (g.isAssignableToRole === true) return roleAssignableAllowed(c);
  return canManageGroup(store, c, g) || isUserAdmin(c);
}

/** May the caller add or remove this owner? User Administrators manage user owners only. Never throws. */
export function canManageOwners(store: DirectoryStore, c: Caller, g: GroupObject, ownerIsUser: boolean): boolean {
  if (g.isAssignableToRole === true) return roleAssignableAllowed(c);
  return canManageGroup(store, c, g) || (isUserAdmin(c) && ownerIsUser);
}

/** May the caller restore this deleted group? Owners restore only Microsoft 365 groups. Never throws. */
export function canRestoreGroup(store: DirectoryStore, c: Caller, g: GroupObject): boolean {
  if (g.isAssignableToRole === true) return roleAssignableAllowed(c);
  return isGroupsAdmin(c) || (isOwner(store, c, g.id) && groupKind(g) === 'microsoft365');
}

/** May the caller assign licences to groups? Never throws. */
export function canAssignLicense(c: Caller): boolean {
  return isGroupsAdmin(c) || isUserAdmin(c) || c.roles.has(LICENSE_ADMINISTRATOR) || c.roles.has(DIRECTORY_WRITERS);
}

/** Who may invite guests, as the authorization policy's allowInvitesFrom says. */
export type AllowInvitesFrom = 'none' | 'adminsAndGuestInviters' | 'adminsGuestInvitersAndAllMembers' | 'everyone';

/**
 * May the caller invite guests? Guest Inviters, User and Global Administrators may unless the tenant says
 * `none`; members when it says `adminsGuestInvitersAndAllMembers` or `everyone`; guests only with `everyone`.
 * Never throws.
 */
export function canInvite(c: Caller, allowInvitesFrom: AllowInvitesFrom): boolean {
  if (allowInvitesFrom === 'none') return false;
  if (isUserAdmin(c) || c.roles.has(GUEST_INVITER)) return true;
  if (isGuest(c)) return allowInvitesFrom === 'everyone';
  return allowInvitesFrom !== 'adminsAndGuestInviters';
}

/**
 * May the caller see the members of this group? Hidden memberships are visible to members, owners and
 * Global/Groups/User Administrators; guests see members only of groups they belong to. Never throws.
 */
export function canSeeMembers(store: DirectoryStore, c: Caller, g: GroupObject): boolean {
  if (isGuest(c)) return isMember(store, c, g.id) || isOwner(store, c, g.id);
  if (g.visibility === 'HiddenMembership')
    return isMember(store, c, g.id) || isOwner(store, c, g.id) || isDirectoryAdmin(c);
  return true;
}
