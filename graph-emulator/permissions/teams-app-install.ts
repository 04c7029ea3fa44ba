/**
 * Who may read and install apps in a user's personal scope (docs/approver-reach.md). The v1.0 "Install app for
 * user" page lists delegated TeamsAppInstallation.ReadWriteSelfForUser (least privileged) and ReadWriteForUser,
 * ReadWriteAndConsentForUser, ReadWriteAndConsentSelfForUser, ReadWriteSelectedForUser, ManageSelectedForUser,
 * and notes that installing an app *for the user* (another user) needs TeamsAppInstallation.ReadWriteForUser.
 * The emulator's model: any of those scopes installs for the signed-in user; installing for anyone else needs
 * ReadWriteForUser or ReadWriteAndConsentForUser (the two whose descriptions cover any app in user accounts).
 * Every refusal is E5 (403 Authorization_RequestDenied). No directory role is asked for (the pages name none).
 */
import type { Caller } from '../http/request-context';
import { requireScope } from './authorize';

/** The delegated permission groupbot asks for (optional) to install itself for an approver. */
export const TEAMS_APP_INSTALL_SCOPE = 'TeamsAppInstallation.ReadWriteForUser';

/** The delegated scopes of the permission tables. */
export const TeamsAppScopes = {
  /** "List apps installed for user": TeamsAppInstallation.ReadForUser and every write scope. */
  readForUser: [
    'TeamsAppInstallation.ReadForUser',
    'TeamsAppInstallation.ReadWriteSelfForUser',
    'TeamsAppInstallation.ManageSelectedForUser',
    'TeamsAppInstallation.ReadWriteAndConsentForUser',
    'TeamsAppInstallation.ReadWriteAndConsentSelfForUser',
    'TeamsAppInstallation.ReadWriteForUser',
    'TeamsAppInstallation.ReadWriteSelectedForUser',
  ],
  /** "Install app for user" with the signed-in user as the target. */
  installForSelf: [
    'TeamsAppInstallation.ReadWriteSelfForUser',
    'TeamsAppInstallation.ManageSelectedForUser',
    'TeamsAppInstallation.ReadWriteAndConsentForUser',
    'TeamsAppInstallation.ReadWriteAndConsentSelfForUser',
    'TeamsAppInstallation.ReadWriteForUser',
    'TeamsAppInstallation.ReadWriteSelectedForUser',
  ],
  /** "List apps in catalog" (`GET /appCatalogs/teamsApps`). */
  readCatalog: [
    'AppCatalog.Submit',
    'AppCatalog.Read.All',
    'AppCatalog.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  /** "Install app for user" for another user (the page's note: ReadWriteForUser). */
  installForOthers: ['TeamsAppInstallation.ReadWriteForUser', 'TeamsAppInstallation.ReadWriteAndConsentForUser'],
} as const;

/** Throws E5 unless the caller may list the user's personal-scope apps. */
export function requireReadUserApps(caller: Caller): void {
  requireScope(caller, TeamsAppScopes.readForUser);
}

/** Throws E5 unless the caller may list the tenant's app catalog. */
export function requireReadCatalog(caller: Caller): void {
  requireScope(caller, TeamsAppScopes.readCatalog);
}

/** Throws E5 unless the caller may install an app for `userId` (themselves or, with the wider scopes, anyone). */
export function requireInstallFor(caller: Caller, userId: string): void {
  const self = caller.user.id.toLowerCase() === userId.toLowerCase();
  requireScope(caller, self ? TeamsAppScopes.installForSelf : TeamsAppScopes.installForOthers);
}
