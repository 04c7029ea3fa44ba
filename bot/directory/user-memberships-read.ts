/**
 * Everything a person has in groups, read in one `$batch`: the account (enabled? guest?), the groups they are a
 * direct member of, the groups they are in through nesting, and the groups they own. For offboarding and
 * "does X still have access anywhere?".
 */
import type { BatchResult, BatchStep, GraphSession } from './graph-session';
import { stepError } from './graph-session';
import { mapGraphError } from './errors';
import { GROUP_SELECT, type DirectoryGroup } from './types';
import { eventual, step } from './resources/request';
import { getUser, ownedObjects, userMemberOf } from './resources/users';

/** The account state of a person. */
export interface AccountFacts {
  id: string;
  displayName: string;
  userPrincipalName: string | null;
  accountEnabled: boolean | null;
  userType: string | null;
}

/** A person's groups: direct memberships, memberships through nesting (direct ones included), owned groups. */
export interface UserMemberships {
  user: AccountFacts;
  direct: DirectoryGroup[];
  transitive: DirectoryGroup[];
  owned: DirectoryGroup[];
  /** False when a list had more pages than were read. */
  complete: boolean;
}

interface ODataList<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

const MAX_PAGES = 20;

/** The four reads, independent, for one `$batch`. Pure. */
function steps(userId: string): BatchStep[] {
  const groups = { $select: GROUP_SELECT, $top: 999, $count: true };
  return [
    step('user', getUser(userId, { $select: 'id,displayName,userPrincipalName,accountEnabled,userType' })),
    step('direct', eventual(userMemberOf(userId, groups, { groupsOnly: true }))),
    step('transitive', eventual(userMemberOf(userId, groups, { groupsOnly: true, transitive: true }))),
    step('owned', ownedObjects(userId)),
  ];
}

/** A step's body, or the mapped error thrown. Throws DomainError. */
function bodyOf<T>(r: BatchResult | undefined): T {
  if (!r) throw mapGraphError({ statusCode: 500, message: 'The batch answer had no entry for a step.' }, {});
  if (r.status >= 400) throw mapGraphError(stepError(r), { operation: 'read' });
  return r.body as T;
}

/** Every item of a list, following nextLinks (at most MAX_PAGES pages). Throws DomainError. */
async function allOf(
  session: GraphSession,
  first: ODataList<DirectoryGroup & { '@odata.type'?: string }>,
  eventual: boolean,
): Promise<{ items: (DirectoryGroup & { '@odata.type'?: string })[]; complete: boolean }> {
  const items = [...(first.value ?? [])];
  let next = first['@odata.nextLink'];
  for (let pages = 1; next && pages < MAX_PAGES; pages++) {
    const page: ODataList<DirectoryGroup & { '@odata.type'?: string }> = await session.get(next, { eventual });
    items.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return { items, complete: !next };
}

/**
 * Reads a person's account, direct and nested group memberships and owned groups (one `$batch`, more round trips
 * only for lists longer than a page). Throws DomainError (notFound when the person is gone, forbidden when the
 * caller may not read other people's memberships).
 */
export async function readUserMemberships(session: GraphSession, userId: string): Promise<UserMemberships> {
  const results = await session.batch(steps(userId));
  const byId = new Map(results.map((r) => [r.id, r]));
  const user = bodyOf<AccountFacts & Record<string, unknown>>(byId.get('user'));
  const [direct, transitive, owned] = await Promise.all([
    allOf(session, bodyOf(byId.get('direct')), true),
    allOf(session, bodyOf(byId.get('transitive')), true),
    allOf(session, bodyOf(byId.get('owned')), false),
  ]);
  return {
    user: {
      id: user.id,
      displayName: user.displayName,
      userPrincipalName: user.userPrincipalName ?? null,
      accountEnabled: user.accountEnabled ?? null,
      userType: user.userType ?? null,
    },
    direct: direct.items,
    transitive: transitive.items,
    owned: owned.items.filter((o) => (o['@odata.type'] ?? '#microsoft.graph.group').endsWith('.group')),
    complete: direct.complete && transitive.complete && owned.complete,
  };
}
