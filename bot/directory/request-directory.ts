/**
 * The directory as the access-request workflow sees it (its RequestDirectory port), over one user's delegated
 * Graph session: profile, group, owners, the authority check, the Groups Administrators to escalate to, and the
 * membership writes of an approval and of an ended time-bound membership.
 */
import type { GraphSession } from './graph-session';
import { DomainError } from './errors';
import { getGroup } from './groups-read';
import { countTeammates, holdsDecidingRole, mayDecide, readMe, readOwners } from './request-access-checks';
import { addMember as addMemberRequest, removeMember as removeMemberRequest } from './resources/group-members';
import type { MemberAddResult, MemberRemoveResult, RequestDirectory } from './request-directory-port';
import { directoryRoleMembers } from './resources/tenant';

/** The Groups Administrator role's template id (the same in every tenant). */
const GROUPS_ADMINISTRATOR = 'fdd7a751-b60b-444a-984c-02652fe8fa1c';

/** True for errors worth retrying later (throttled, down, token expired). */
function transient(err: unknown): boolean {
  return (
    !(err instanceof DomainError) ||
    err.kind === 'throttled' ||
    err.kind === 'unavailable' ||
    err.kind === 'unauthenticated'
  );
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Adds `userId` to the group's members (one POST, so a slow or lost answer is about this add alone); reports the
 * outcome, never throws: already a member, refused for good (failed), or transient (retry-later).
 */
async function addMember(session: GraphSession, groupId: string, userId: string): Promise<MemberAddResult> {
  try {
    await session.send(addMemberRequest(session, groupId, userId), { operation: 'addMember' });
    return { outcome: 'added', status: 204 };
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'alreadyPresent') return { outcome: 'already-member', status: 400 };
    if (transient(err)) return { outcome: 'retry-later', message: messageOf(err) };
    const status = (err as DomainError).graph?.status;
    return { outcome: 'failed', message: messageOf(err), ...(status ? { status } : {}) };
  }
}

/** Removes `userId` from the group's members with the granter's session; never throws. */
async function removeMember(
  session: GraphSession,
  groupId: string,
  userId: string,
  grantedBy: { id: string; name: string },
): Promise<MemberRemoveResult> {
  try {
    await session.send(removeMemberRequest(groupId, userId), { operation: 'removeMember' });
    return { outcome: 'removed', tokenOf: grantedBy, status: 204 };
  } catch (err) {
    if (err instanceof DomainError && (err.kind === 'notPresent' || err.kind === 'notFound'))
      return { outcome: 'not-member' };
    return { outcome: 'retry-later', message: messageOf(err) };
  }
}

/** The users holding the Groups Administrator role; empty when the role is not activated or not readable. */
async function groupsAdministrators(session: GraphSession): Promise<{ id: string; name: string }[]> {
  try {
    const body = await session.send<{ value?: { id: string; displayName?: string | null; '@odata.type'?: string }[] }>(
      directoryRoleMembers(GROUPS_ADMINISTRATOR, { $select: 'id,displayName' }),
    );
    return (body.value ?? [])
      .filter((m) => !m['@odata.type'] || m['@odata.type'].endsWith('.user'))
      .map((m) => ({ id: m.id.toLowerCase(), name: m.displayName ?? m.id }));
  } catch (err) {
    if (err instanceof DomainError && (err.kind === 'notFound' || err.kind === 'forbidden' || err.kind === 'invalid'))
      return [];
    throw err;
  }
}

/**
 * The RequestDirectory port over `session`. Reads throw DomainError; `addMember`/`removeMember` report their
 * outcome instead of throwing.
 */
export function requestDirectory(session: GraphSession): RequestDirectory {
  return {
    me: async () => {
      const me = await readMe(session);
      return {
        id: me.id.toLowerCase(),
        displayName: me.displayName ?? me.id,
        ...(me.userPrincipalName ? { userPrincipalName: me.userPrincipalName } : {}),
        ...(me.mail ? { mail: me.mail } : {}),
        ...(me.department ? { department: me.department } : {}),
        ...(me.jobTitle ? { jobTitle: me.jobTitle } : {}),
        ...(me.userType ? { userType: me.userType } : {}),
      };
    },
    group: async (groupId) => {
      const g = await getGroup(session, groupId);
      return { id: g.id, displayName: g.displayName };
    },
    owners: (groupId) => readOwners(session, groupId),
    mayDecide: (groupId, userId) => mayDecide(session, groupId, userId),
    holdsDecidingRole: () => holdsDecidingRole(session),
    groupsAdministrators: () => groupsAdministrators(session),
    teammates: (groupId, requester) => countTeammates(session, groupId, requester),
    addMember: (groupId, userId) => addMember(session, groupId, userId),
    removeMember: (groupId, userId, grantedBy) => removeMember(session, groupId, userId, grantedBy),
  };
}
