/** A group's direct members as principals (users and groups), every page. */
import type { GraphSession } from './graph-session';
import type { Principal } from './members-write';
import { listMembers } from './resources/group-members';

const MAX_PAGES = 50;

interface RawMember {
  id: string;
  '@odata.type'?: string;
  displayName?: string | null;
}

/**
 * The direct members of a group that are users or groups (other objects left out), following nextLinks up to 50
 * pages of 999. Throws DomainError (notFound, forbidden: hidden membership).
 */
export async function directMembers(session: GraphSession, groupId: string): Promise<Principal[]> {
  const out: Principal[] = [];
  let url: string | undefined = listMembers(groupId, { $select: 'id,displayName', $top: 999 }).url;
  for (let pages = 0; url && pages < MAX_PAGES; pages++) {
    const body: { value?: RawMember[]; '@odata.nextLink'?: string } = await session.get(url);
    for (const m of body.value ?? []) {
      const t = m['@odata.type'] ?? '';
      const type = t.endsWith('.user') ? 'user' : t.endsWith('.group') ? 'group' : undefined;
      if (type) out.push({ id: m.id, displayName: m.displayName ?? m.id, type });
    }
    url = body['@odata.nextLink'];
  }
  return out;
}
