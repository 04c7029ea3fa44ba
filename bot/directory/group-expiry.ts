/**
 * Group expiration (Microsoft 365 groups under the tenant's group lifecycle policy): a group's
 * expirationDateTime and renewedDateTime, and `POST /groups/{id}/renew`.
 */
import type { GraphSession } from './graph-session';
import type { DirectoryGroup } from './types';
import { getGroup, renewGroup as renewGroupRequest } from './resources/groups';

export interface GroupExpiry extends Pick<
  DirectoryGroup,
  'id' | 'displayName' | 'groupTypes' | 'mailEnabled' | 'securityEnabled'
> {
  /** Null when no lifecycle policy covers the group (always null for security groups). */
  expirationDateTime: string | null;
  renewedDateTime: string | null;
}

const EXPIRY_SELECT = 'id,displayName,groupTypes,mailEnabled,securityEnabled,expirationDateTime,renewedDateTime';

/** The expiry of a group. Throws DomainError (notFound, forbidden...). */
export async function getGroupExpiry(session: GraphSession, id: string): Promise<GroupExpiry> {
  const g = await session.send<
    Partial<GroupExpiry> & Pick<DirectoryGroup, 'id' | 'displayName' | 'groupTypes' | 'mailEnabled' | 'securityEnabled'>
  >(getGroup(id, { $select: EXPIRY_SELECT }));
  return { ...g, expirationDateTime: g.expirationDateTime ?? null, renewedDateTime: g.renewedDateTime ?? null };
}

/** Renews a group: its expiry moves a full policy lifetime ahead. Throws DomainError (forbidden, invalid...). */
export async function renewGroup(session: GraphSession, id: string): Promise<void> {
  await session.send(renewGroupRequest(id), { operation: 'update' });
}
