/**
 * The requests layer's install port (RequestMessengerPort.installFor → `installApp`): installs groupbot for an
 * approver with another user's delegated token, taken from the token service (docs/approver-reach.md). Built only
 * when TEAMS_APP_CATALOG_ID is set.
 */
import { openGraphSession } from '../directory/graph-session';
import type { GraphEndpoint } from '../directory/graph-client';
import { installAppForUser } from '../directory/teams-app-install';
import type { AppInstallResult } from '../requests/request-ports';
import type { TokenForUser } from './offline-user-tokens';

/**
 * `installApp(userId, byUserId)`: `unavailable` when `byUserId` has no cached token, otherwise what
 * installAppForUser resolves. Rejects with what installAppForUser throws (DomainError) or the token source throws.
 */
export function appInstaller(
  graph: GraphEndpoint,
  tokenForUser: TokenForUser,
  catalogAppId: string,
): (userId: string, byUserId: string) => Promise<AppInstallResult> {
  return async (userId, byUserId) => {
    const token = await tokenForUser(byUserId);
    if (!token) return 'unavailable';
    return installAppForUser(
      openGraphSession(graph, async () => token),
      userId,
      catalogAppId,
    );
  };
}
