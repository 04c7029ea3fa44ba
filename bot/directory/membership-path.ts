import { GraphSession } from './graph-session';
import { listRelation, listUserGroups } from './groups-read';
import type { DirectoryGroup } from './types';

export interface MembershipAnswer {
  member: boolean;
  /** Group names from the user's direct group down to the asked group: ["Design Team", "SecurityGroup101"]. */
  path: { id: string; displayName: string }[];
  direct: boolean;
}

/**
 * Is the user a member of the group, and through which nested groups? Uses the user's transitive
 * memberships (one paged call) and walks the group's nested member groups only where the two meet.
 * Throws DomainError.
 */
export async function explainMembership(
  session: GraphSession,
  userId: string,
  group: DirectoryGroup,
): Promise<MembershipAnswer> {
  const mine = await listUserGroups(session, userId, true);
  const mineById = new Map(mine.map((g) => [g.id, g]));
  if (!mineById.has(group.id)) return { member: false, path: [], direct: false };
  const direct = await listUserGroups(session, userId, false);
  if (direct.some((g) => g.id === group.id))
    return { member: true, direct: true, path: [{ id: group.id, displayName: group.displayName }] };
  // Breadth-first from the asked group down through nested groups that the user is (transitively) in.
  const parent = new Map<string, string>();
  const directIds = new Set(direct.map((g) => g.id));
  let frontier = [group.id];
  const seen = new Set(frontier);
  for (let depth = 0; frontier.length && depth < 10; depth++) {
    const next: string[] = [];
    for (const gid of frontier) {
      let page = await listRelation(session, gid, 'members');
      for (let n = 0; ; n++) {
        for (const m of page.items) {
          if (m.type !== 'group' || seen.has(m.id) || !mineById.has(m.id)) continue;
          seen.add(m.id);
          parent.set(m.id, gid);
          if (directIds.has(m.id)) return { member: true, direct: false, path: chain(m.id, parent, mineById, group) };
          next.push(m.id);
        }
        if (!page.next || n > 20) break;
        page = await listRelation(session, gid, 'members', page.next);
      }
    }
    frontier = next;
  }
  return { member: true, direct: false, path: [{ id: group.id, displayName: group.displayName }] };
}

function chain(
  start: string,
  parent: Map<string, string>,
  byId: Map<string, DirectoryGroup>,
  top: DirectoryGroup,
): { id: string; displayName: string }[] {
  const out: { id: string; displayName: string }[] = [];
  for (let id: string | undefined = start; id && id !== top.id; id = parent.get(id))
    out.push({ id, displayName: byId.get(id)?.displayName ?? id });
  out.push({ id: top.id, displayName: top.displayName });
  return out;
}
