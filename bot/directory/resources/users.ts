/** Users (`/users`, `/users/{id}`, `/me`) and what hangs off one: memberships, owned objects, Teams apps. Pure. */
import { read, readCount, segment, type GraphRequest, type Query } from './request';

/** `/me` for `'me'`, else `/users/{id}` (an object id or a user principal name). Never throws. */
export function userPath(userId: string): string {
  return userId === 'me' ? '/me' : `/users/${segment(userId)}`;
}

/** One user, with `query` (`$select`). Never throws. */
export function getUser(userId: string, query: Query = {}): GraphRequest {
  return read(userPath(userId), query);
}

/** One page of users (`$filter`, `$search`, `$select`, ...). Never throws. */
export function listUsers(query: Query = {}): GraphRequest {
  return read('/users', query);
}

/** How many users match (`/users/$count`, eventual consistency). Never throws. */
export function countUsers(query: Query = {}): GraphRequest {
  return readCount('/users', query);
}

/**
 * One page of what a user is a member of: directly (`memberOf`) or through nesting (`transitiveMemberOf`), groups
 * only when `groupsOnly`. Never throws.
 */
export function userMemberOf(
  userId: string,
  query: Query = {},
  opts: { transitive?: boolean; groupsOnly?: boolean } = {},
): GraphRequest {
  const relation = opts.transitive ? 'transitiveMemberOf' : 'memberOf';
  return read(`${userPath(userId)}/${relation}${opts.groupsOnly ? '/microsoft.graph.group' : ''}`, query);
}

/** One page of the objects a user owns. Never throws. */
export function ownedObjects(userId: string, query: Query = {}): GraphRequest {
  return read(`${userPath(userId)}/ownedObjects`, query);
}

/** Installs a Teams app for a user (`teamsApp@odata.bind` in `body`). Never throws. */
export function installApp(userId: string, body: Record<string, unknown>): GraphRequest {
  return { method: 'POST', url: `${userPath(userId)}/teamwork/installedApps`, body };
}
