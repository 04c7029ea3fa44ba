/**
 * Who holds each directory role, and which roles are activated. Entra activates a built-in role when it is
 * first assigned (the admin center does it implicitly), and only activated roles exist as directoryRole
 * objects; the emulator has no separate activation step, so a role is activated exactly while someone holds it.
 */
import type { UserObject } from '../model/types';
import type { DirectoryStore } from '../store/directory-store';
import { DIRECTORY_ROLES, type DirectoryRoleDefinition } from './directory-roles';

/** The users holding the role with this template id, in the store's order. Never throws. */
export function roleHolders(store: DirectoryStore, roleTemplateId: string): UserObject[] {
  const holders: UserObject[] = [];
  for (const [userId, templateIds] of store.roles) {
    if (!templateIds.has(roleTemplateId)) continue;
    const user = store.users.get(userId);
    if (user) holders.push(user);
  }
  return holders;
}

/** True when someone holds the role (so it exists as a directoryRole). Never throws. */
export function isActivated(store: DirectoryStore, role: DirectoryRoleDefinition): boolean {
  return roleHolders(store, role.roleTemplateId).length > 0;
}

/** The activated roles, in DIRECTORY_ROLES order. Never throws. */
export function activatedRoles(store: DirectoryStore): DirectoryRoleDefinition[] {
  return DIRECTORY_ROLES.filter((r) => isActivated(store, r));
}
