/**
 * The tenant's Teams app catalog and the apps installed in users' personal scope (the v1.0 pages "Install app for
 * user" and "List apps installed for user"; docs/approver-reach.md). The catalog holds one app, groupbot, with a
 * fixed id, so a deployment's TEAMS_APP_CATALOG_ID can name it. Installs are kept in the directory's `meta` table,
 * one row per user and app (`teamsAppInstall:<userId>:<teamsAppId>`), so they persist like every other write.
 * Pure except for reading the store.
 */
import type { DirectoryStore } from '../store/directory-store';

/** A catalog app as `teamsApp` shows it. */
export interface CatalogApp {
  id: string;
  externalId: string;
  displayName: string;
  distributionMethod: 'organization' | 'store' | 'sideloaded';
}

/** Where an install came from: a Graph call, or Teams itself (the user or a setup policy). */
export type InstallSource = 'graph' | 'teams';

/** One app installed in a user's personal scope. */
export interface UserAppInstall {
  userId: string;
  teamsAppId: string;
  /** The teamsAppInstallation id (base64 of `<userId>##<teamsAppId>`, as Graph's ids look; `-_` for `+/` so it is one path segment). */
  id: string;
  installedDateTime: string;
  source: InstallSource;
}

/** groupbot's id in the emulator's catalog (stable across data directories and restarts). */
export const GROUPBOT_CATALOG_APP_ID = 'c3f0b2a1-67b0-4b1e-9a70-67b0b1a9e001';

/** The catalog: groupbot, published to the organization. */
export const APP_CATALOG: readonly CatalogApp[] = [
  {
    id: GROUPBOT_CATALOG_APP_ID,
    externalId: '67b0b1a9-0000-4000-8000-000000000001',
    displayName: 'groupbot',
    distributionMethod: 'organization',
  },
];

const META_PREFIX = 'teamsAppInstall:';

/** The catalog app with this id (case-insensitive), or undefined. Never throws. */
export function catalogApp(id: string): CatalogApp | undefined {
  const lower = id.toLowerCase();
  return APP_CATALOG.find((a) => a.id === lower);
}

/** The meta key of one install. Never throws. */
export function installMetaKey(userId: string, teamsAppId: string): string {
  return `${META_PREFIX}${userId.toLowerCase()}:${teamsAppId.toLowerCase()}`;
}

/** The teamsAppInstallation id Graph would show. Never throws. */
export function installationId(userId: string, teamsAppId: string): string {
  return Buffer.from(`${userId.toLowerCase()}##${teamsAppId.toLowerCase()}`)
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** A new install record. Never throws. */
export function newInstall(userId: string, teamsAppId: string, source: InstallSource, now: string): UserAppInstall {
  return {
    userId: userId.toLowerCase(),
    teamsAppId: teamsAppId.toLowerCase(),
    id: installationId(userId, teamsAppId),
    installedDateTime: now,
    source,
  };
}

/**
 * Parses a stored install (rows this module wrote with JSON.stringify), or undefined when the key or the value is
 * not one. Never throws for such rows.
 */
export function parseInstall(key: string, value: string): UserAppInstall | undefined {
  if (!key.startsWith(META_PREFIX) || !value.startsWith('{')) return undefined;
  const v = JSON.parse(value) as Partial<UserAppInstall>;
  if (typeof v.userId !== 'string' || typeof v.teamsAppId !== 'string' || typeof v.id !== 'string') return undefined;
  return {
    userId: v.userId,
    teamsAppId: v.teamsAppId,
    id: v.id,
    installedDateTime: typeof v.installedDateTime === 'string' ? v.installedDateTime : '',
    source: v.source === 'teams' ? 'teams' : 'graph',
  };
}

/** The install of one app for one user, or undefined. Never throws. */
export function findInstall(store: DirectoryStore, userId: string, teamsAppId: string): UserAppInstall | undefined {
  const key = installMetaKey(userId, teamsAppId);
  const value = store.meta.get(key);
  return value === undefined ? undefined : parseInstall(key, value);
}

/** Every app installed for the user, oldest first. Never throws. */
export function installsOf(store: DirectoryStore, userId: string): UserAppInstall[] {
  const prefix = `${META_PREFIX}${userId.toLowerCase()}:`;
  const out: UserAppInstall[] = [];
  for (const [key, value] of store.meta) {
    if (!key.startsWith(prefix)) continue;
    const install = parseInstall(key, value);
    if (install) out.push(install);
  }
  return out.sort((a, b) => a.installedDateTime.localeCompare(b.installedDateTime));
}
