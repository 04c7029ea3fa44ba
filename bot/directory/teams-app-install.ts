/**
 * Installing groupbot in an approver's personal scope with the acting user's delegated token, so that the bot can
 * then open a 1:1 chat with them (docs/approver-reach.md). Microsoft Graph v1.0 "Install app for user":
 * `POST /users/{id}/teamwork/installedApps` with `{"teamsApp@odata.bind": "<root>/appCatalogs/teamsApps/{id}"}`.
 * Needs the delegated permission TeamsAppInstallation.ReadWriteForUser (admin consent); without it Graph answers
 * 403 and the outcome is `forbidden`.
 */
import { DomainError } from './errors';
import type { GraphSession } from './graph-session';
import { segment } from './resources/request';
import { installApp } from './resources/users';

/** What became of an install. */
export type AppInstallOutcome = 'installed' | 'already-installed' | 'forbidden' | 'not-in-catalog';

/** The bind URL of a catalog app on this session's Graph version root (where `userUrl` points). Never throws. */
function catalogAppUrl(session: GraphSession, catalogAppId: string): string {
  const userUrl = session.userUrl('-');
  const root = userUrl.slice(0, userUrl.lastIndexOf('/users/'));
  return `${root}/appCatalogs/teamsApps/${segment(catalogAppId)}`;
}

/**
 * Installs the catalog app `catalogAppId` (the id in the tenant's app catalog, TEAMS_APP_CATALOG_ID, not the
 * manifest id) for the user `userId` (Entra object id or UPN). Resolves `installed` on 201, `already-installed`
 * on 409 Conflict, `forbidden` on 403 (the token lacks the permission, or the tenant's policy refuses), and
 * `not-in-catalog` on a 404 about the app. Throws DomainError (the mapped Graph error, with Graph's status and code
 * in `graph`) for anything else, an unknown user included.
 */
export async function installAppForUser(
  session: GraphSession,
  userId: string,
  catalogAppId: string,
): Promise<AppInstallOutcome> {
  try {
    await session.send(installApp(userId, { 'teamsApp@odata.bind': catalogAppUrl(session, catalogAppId) }));
    return 'installed';
  } catch (err) {
    if (!(err instanceof DomainError) || !err.graph) throw err;
    const { status, code } = err.graph;
    if (status === 409) return 'already-installed';
    if (status === 403) return 'forbidden';
    // A missing user is Entra's Request_ResourceNotFound; a missing app is Teams' own 404.
    if (status === 404 && code !== 'Request_ResourceNotFound') return 'not-in-catalog';
    throw err;
  }
}
