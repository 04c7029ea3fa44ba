/**
 * The Graph reads of the hygiene digest, with the delegated token of whoever asked: groups without owners
 * (`owners/$count eq 0`), groups expiring before a date, groups without members, disabled and guest users and
 * the groups they are in, and the members of a few groups. Few round trips: advanced queries where Graph needs
 * them (docs/graph-behaviour.md, Advanced queries), `$expand` where one page answers for 999 groups, and `$batch`
 * for per-group or per-user reads.
 */
import type { GraphSession, BatchResult } from './graph-session';
import { DomainError, mapGraphError } from './errors';
import { stepError } from './graph-session';
import { withQuery } from './odata';
import { listOwnedGroups } from './owned-groups';

/** A group as the hygiene scan needs it. */
export interface HygieneGroup {
  id: string;
  displayName: string;
  groupTypes: string[];
  mailEnabled: boolean;
  securityEnabled: boolean;
  membershipRule: string | null;
  visibility: string | null;
  /** Null when no expiration policy covers the group. */
  expirationDateTime: string | null;
}

/** A direct member of a group, with what the digest looks at. */
export interface HygieneMember {
  id: string;
  displayName: string;
  type: 'user' | 'group' | 'other';
  /** `Member` or `Guest` for users; null otherwise or when Graph did not say. */
  userType: string | null;
  /** False for disabled accounts; null for non-users or when Graph did not say. */
  accountEnabled: boolean | null;
}

/** A user flagged by the scan (disabled, or a guest). */
export interface HygieneUser {
  id: string;
  displayName: string;
  userType: string | null;
  accountEnabled: boolean | null;
}

/** A read that may have stopped at its page limit. */
export interface ReadResult<T> {
  items: T[];
  /** False when more pages were left unread. */
  complete: boolean;
}

const GROUP_FIELDS = [
  'id',
  'displayName',
  'groupTypes',
  'mailEnabled',
  'securityEnabled',
  'membershipRule',
  'visibility',
  'expirationDateTime',
].join(',');
const MEMBER_FIELDS = 'id,displayName,userType,accountEnabled';
const EVENTUAL = { ConsistencyLevel: 'eventual' } as const;

interface ODataList<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}
type RawGroup = Record<string, unknown> & { id: string };

function toGroup(g: RawGroup): HygieneGroup {
  return {
    id: g.id.toLowerCase(),
    displayName: typeof g.displayName === 'string' ? g.displayName : g.id,
    groupTypes: Array.isArray(g.groupTypes) ? g.groupTypes.filter((t): t is string => typeof t === 'string') : [],
    mailEnabled: g.mailEnabled === true,
    securityEnabled: g.securityEnabled === true,
    membershipRule: typeof g.membershipRule === 'string' ? g.membershipRule : null,
    visibility: typeof g.visibility === 'string' ? g.visibility : null,
    expirationDateTime: typeof g.expirationDateTime === 'string' ? g.expirationDateTime : null,
  };
}

function typeOf(o: Record<string, unknown>): HygieneMember['type'] {
  const t = typeof o['@odata.type'] === 'string' ? o['@odata.type'] : '';
  if (t.endsWith('.user')) return 'user';
  if (t.endsWith('.group')) return 'group';
  return 'other';
}

function toMember(o: Record<string, unknown> & { id: string }): HygieneMember {
  const type = typeOf(o);
  return {
    id: o.id.toLowerCase(),
    displayName: typeof o.displayName === 'string' ? o.displayName : o.id,
    type,
    userType: type === 'user' && typeof o.userType === 'string' ? o.userType : null,
    accountEnabled: type === 'user' && typeof o.accountEnabled === 'boolean' ? o.accountEnabled : null,
  };
}

function toUser(o: Record<string, unknown> & { id: string }): HygieneUser {
  return {
    id: o.id.toLowerCase(),
    displayName: typeof o.displayName === 'string' ? o.displayName : o.id,
    userType: typeof o.userType === 'string' ? o.userType : null,
    accountEnabled: typeof o.accountEnabled === 'boolean' ? o.accountEnabled : null,
  };
}

/** Every page of a list up to `maxPages`, resending ConsistencyLevel on each when `eventual`. Throws DomainError. */
async function pages<T>(
  session: GraphSession,
  first: string,
  eventual: boolean,
  maxPages: number,
): Promise<ReadResult<T>> {
  const items: T[] = [];
  let url: string | undefined = first;
  for (let n = 0; url && n < maxPages; n++) {
    const body: ODataList<T> = await session.get<ODataList<T>>(url, { eventual });
    items.push(...(body.value ?? []));
    url = body['@odata.nextLink'];
  }
  return { items, complete: !url };
}

/** Groups without any owner, tenant-wide (advanced query). Throws DomainError. */
export async function readOwnerlessGroups(session: GraphSession, maxPages = 10): Promise<ReadResult<HygieneGroup>> {
  const url = withQuery('/groups', { $filter: 'owners/$count eq 0', $count: true, $select: GROUP_FIELDS, $top: 999 });
  const read = await pages<RawGroup>(session, url, true, maxPages);
  return { items: read.items.map(toGroup), complete: read.complete };
}

/** Groups whose expiry falls on or before `before`, tenant-wide (advanced query). Throws DomainError. */
export async function readGroupsExpiringBy(
  session: GraphSession,
  before: Date,
  maxPages = 10,
): Promise<ReadResult<HygieneGroup>> {
  const filter = `expirationDateTime le ${before.toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
  const url = withQuery('/groups', { $filter: filter, $count: true, $select: GROUP_FIELDS, $top: 999 });
  const read = await pages<RawGroup>(session, url, true, maxPages);
  return { items: read.items.map(toGroup), complete: read.complete };
}

/**
 * Groups without direct members, tenant-wide: every group with its members expanded (at most 20 each, enough to
 * tell none from some), 999 groups a page. Groups whose membership is hidden from the caller expand to nothing,
 * so they are left out rather than reported empty. Throws DomainError.
 */
export async function readMemberlessGroups(session: GraphSession, maxPages = 50): Promise<ReadResult<HygieneGroup>> {
  const url = withQuery('/groups', { $select: GROUP_FIELDS, $expand: 'members($select=id)', $top: 999 });
  const read = await pages<RawGroup & { members?: unknown[] }>(session, url, false, maxPages);
  const empty = read.items.filter(
    (g) => Array.isArray(g.members) && g.members.length === 0 && g.visibility !== 'HiddenMembership',
  );
  return { items: empty.map(toGroup), complete: read.complete };
}

/** Disabled accounts and guests, tenant-wide (two lists, default queries). Throws DomainError. */
export async function readFlaggedUsers(
  session: GraphSession,
  maxPages = 10,
): Promise<{ disabled: ReadResult<HygieneUser>; guests: ReadResult<HygieneUser> }> {
  const select = 'id,displayName,userType,accountEnabled';
  const [disabled, guests] = await Promise.all([
    pages<RawGroup>(
      session,
      withQuery('/users', { $filter: 'accountEnabled eq false', $select: select, $top: 999 }),
      false,
      maxPages,
    ),
    pages<RawGroup>(
      session,
      withQuery('/users', { $filter: "userType eq 'Guest'", $select: select, $top: 999 }),
      false,
      maxPages,
    ),
  ]);
  return {
    disabled: { items: disabled.items.map(toUser), complete: disabled.complete },
    guests: { items: guests.items.map(toUser), complete: guests.complete },
  };
}

/** Reads one relationship list per id in `$batch`es of 20 (first page of 999 each). Throws DomainError. */
async function batchLists<T>(
  session: GraphSession,
  ids: readonly string[],
  url: (id: string) => string,
  map: (o: Record<string, unknown> & { id: string }) => T,
): Promise<Map<string, ReadResult<T>>> {
  const out = new Map<string, ReadResult<T>>();
  if (ids.length === 0) return out;
  const steps = ids.map((id, i) => ({ id: String(i), method: 'GET' as const, url: url(id), headers: { ...EVENTUAL } }));
  const results: BatchResult[] = await session.batch(steps);
  results.forEach((r, i) => {
    const id = ids[i] as string;
    if (r.status === 404) return; // deleted meanwhile
    if (r.status < 200 || r.status >= 300) throw mapGraphError(stepError(r), { operation: 'read' });
    const body = (r.body ?? {}) as ODataList<Record<string, unknown> & { id: string }>;
    out.set(id, { items: (body.value ?? []).map(map), complete: !body['@odata.nextLink'] });
  });
  return out;
}

/** The direct members of each group (first 999), by group id; groups deleted meanwhile are absent. Throws. */
export function readMembersOfGroups(
  session: GraphSession,
  groupIds: readonly string[],
): Promise<Map<string, ReadResult<HygieneMember>>> {
  const url = (id: string): string =>
    withQuery(`/groups/${id}/members`, { $select: MEMBER_FIELDS, $count: true, $top: 999 });
  return batchLists(session, groupIds, url, toMember);
}

/** The groups each user is a direct member of (first 999), by user id. Throws DomainError. */
export function readGroupsOfUsers(
  session: GraphSession,
  userIds: readonly string[],
): Promise<Map<string, ReadResult<HygieneGroup>>> {
  const url = (id: string): string =>
    withQuery(`/users/${id}/memberOf/microsoft.graph.group`, { $select: GROUP_FIELDS, $count: true, $top: 999 });
  return batchLists(session, userIds, url, toGroup);
}

/** The groups the signed-in user owns, with what the scan needs (`/me/ownedObjects`). Throws DomainError. */
export async function readMyOwnedGroups(session: GraphSession, maxPages = 20): Promise<ReadResult<HygieneGroup>> {
  const owned = await listOwnedGroups(session, 'me', maxPages);
  return { items: owned.groups.map((g) => toGroup(g as unknown as RawGroup)), complete: owned.complete };
}

/** One group with the fields the scan uses, or undefined when it no longer exists. Throws DomainError otherwise. */
export async function readHygieneGroup(session: GraphSession, groupId: string): Promise<HygieneGroup | undefined> {
  try {
    return toGroup(await session.get<RawGroup>(withQuery(`/groups/${groupId}`, { $select: GROUP_FIELDS })));
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'notFound') return undefined;
    throw err;
  }
}

/** A group's owners count (advanced `/$count`). Throws DomainError. */
export async function countOwners(session: GraphSession, groupId: string): Promise<number> {
  const n = await session.get<unknown>(`/groups/${groupId}/owners/$count`, { eventual: true });
  return typeof n === 'number' ? n : Number(n);
}
