/**
 * A group's direct members of one kind, filtered by Graph (advanced query on the user cast): guests
 * (`userType eq 'Guest'`) or disabled accounts (`accountEnabled eq false`).
 */
import type { GraphSession } from './graph-session';
import type { Principal } from './members-write';
import { listMemberUsers } from './resources/group-members';

export type MemberKind = 'guests' | 'disabled';

const FILTER: Record<MemberKind, string> = {
  guests: "userType eq 'Guest'",
  disabled: 'accountEnabled eq false',
};
const MAX_PAGES = 20;

interface RawUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

/**
 * The group's direct members who are guests or whose accounts are disabled, as principals (every page, up to
 * 20). Throws DomainError (notFound, forbidden: hidden membership).
 */
export async function membersOfKind(session: GraphSession, groupId: string, kind: MemberKind): Promise<Principal[]> {
  const out: Principal[] = [];
  let url: string | undefined = listMemberUsers(groupId, {
    $filter: FILTER[kind],
    $select: 'id,displayName,userPrincipalName',
    $count: true,
    $top: 999,
  }).url;
  for (let pages = 0; url && pages < MAX_PAGES; pages++) {
    const body: { value?: RawUser[]; '@odata.nextLink'?: string } = await session.get(url, { eventual: true });
    for (const u of body.value ?? [])
      out.push({ id: u.id, displayName: u.displayName ?? u.userPrincipalName ?? u.id, type: 'user' });
    url = body['@odata.nextLink'];
  }
  return out;
}
