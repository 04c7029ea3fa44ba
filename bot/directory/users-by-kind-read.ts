/**
 * Directory-wide look-ahead of "remove the guests" (or the disabled accounts) for an administrator: the users of
 * the kind in the whole tenant (advanced query, one page of at most `max`), then the groups each is a direct
 * member of (one `$batch` step per person, 20 per batch). Groups are the map's keys, with their people.
 */
import type { GraphSession } from './graph-session';
import { runBatches } from './batch-pool';
import type { MemberKind } from './members-by-kind-read';
import type { Principal } from './members-write';
import { GROUP_SELECT, type DirectoryGroup } from './types';
import { eventual, step } from './resources/request';
import { listUsers, userMemberOf } from './resources/users';

const FILTER: Record<MemberKind, string> = {
  guests: "userType eq 'Guest'",
  disabled: 'accountEnabled eq false',
};

/** The users of a kind: the first `max`, and how many there are in all (Graph's count, or at least max + 1). */
interface UsersOfKind {
  people: Principal[];
  total: number;
}

interface RawUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

/** The tenant's guests or disabled accounts, the first `max` of them (one request). Throws DomainError. */
export async function usersOfKind(session: GraphSession, kind: MemberKind, max: number): Promise<UsersOfKind> {
  const url = listUsers({
    $filter: FILTER[kind],
    $select: 'id,displayName,userPrincipalName',
    $count: true,
    $top: Math.min(999, max + 1),
  }).url;
  const body = await session.get<{ value?: RawUser[]; '@odata.count'?: number; '@odata.nextLink'?: string }>(url, {
    eventual: true,
  });
  const all = (body.value ?? []).map((u): Principal => ({
    id: u.id,
    displayName: u.displayName ?? u.userPrincipalName ?? u.id,
    type: 'user',
  }));
  const seen = all.length + (body['@odata.nextLink'] ? 1 : 0);
  return { people: all.slice(0, max), total: Math.max(body['@odata.count'] ?? 0, seen) };
}

/** One group and the people of the list who are its direct members. */
export interface GroupWithPeople {
  group: DirectoryGroup;
  people: Principal[];
}

/**
 * The groups the given people are direct members of (first page of each person's groups, 999), each with its
 * people, in the order first met. A person whose groups cannot be read is left out and counted. Never throws.
 */
export async function directGroupsOf(
  session: GraphSession,
  people: Principal[],
): Promise<{ groups: GroupWithPeople[]; unread: number }> {
  const steps = people.map((p, i) =>
    step(
      String(i),
      eventual(userMemberOf(p.id, { $select: GROUP_SELECT, $top: 999, $count: true }, { groupsOnly: true })),
    ),
  );
  const results = await runBatches(session, steps);
  const byGroup = new Map<string, GroupWithPeople>();
  let unread = 0;
  results.forEach((r, i) => {
    const person = people[i] as Principal;
    if (r.status >= 400) {
      unread++;
      return;
    }
    for (const g of (r.body as { value?: DirectoryGroup[] } | undefined)?.value ?? []) {
      const entry = byGroup.get(g.id) ?? { group: g, people: [] };
      entry.people.push(person);
      byGroup.set(g.id, entry);
    }
  });
  return { groups: [...byGroup.values()], unread };
}
