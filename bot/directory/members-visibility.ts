/**
 * Whether the acting user may read a group's members, asked of Graph with their own token: what decides if the
 * bot may show them anything that names members (the journal's "history of G").
 */
import type { GraphSession } from './graph-session';
import { DomainError } from './errors';
import { holdsDecidingRole } from './request-access-checks';
import type { DirectoryGroup } from './types';
import { listMembers } from './resources/group-members';

/**
 * True when the session's user may read the members of `group`. For a live group this is one
 * `GET /groups/{id}/members?$top=1` with the user's token: Graph's 403 (hidden membership for a non-member, a
 * guest outside the group...) means no. A soft-deleted group's members can't be listed any more, so for one whose
 * visibility was HiddenMembership only a Global or Groups Administrator may; other deleted groups may be read.
 * Throws DomainError for failures other than 403 (throttled, unavailable...).
 */
export async function canReadMembers(
  session: GraphSession,
  group: Pick<DirectoryGroup, 'id' | 'visibility' | 'deletedDateTime'>,
): Promise<boolean> {
  if (group.deletedDateTime) return group.visibility !== 'HiddenMembership' || holdsDecidingRole(session);
  try {
    await session.send(listMembers(group.id, { $select: 'id', $top: 1 }));
    return true;
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'forbidden') return false;
    throw err;
  }
}
