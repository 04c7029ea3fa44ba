/**
 * The Graph reads of the hygiene digest, with the delegated token of whoever asked: groups without owners
 * (`owners/$count eq 0`), groups expiring before a date, groups without members, disabled and guest users and
 * the groups they are in, and the members of a few groups. Few round trips: advanced queries where Graph needs
 * them (docs/graph-behaviour.md, Advanced queries), pages of 999 without `$expand` (capped at 100 objects a
 * page), and `$batch` for per-group or per-user reads and counts.
 */
import type { GraphSession, BatchResult, BatchStep } from './graph-session';
import { runBatches } from './batch-pool';
import { DomainError, mapGraphError } from './errors';
import { stepError } from './graph-session';
import { listOwnedGroups } from './owned-groups';
import { getGroup, listGroups } from './resources/groups';
import { countMembers as countMembersRequest, listMembers } from './resources/group-members';
import { countOwners as countOwnersRequest } from './resources/group-owners';
import { listUsers, userMemberOf } from './resources/users';
import { eventual, step, type GraphRequest } from './resources/request';

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
  const url = listGroups({ $filter: 'owners/$count eq 0', $count: true, $select: GROUP_FIELDS, $top: 999 }).url;
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
  const url = listGroups({ $filter: filter, $count: true, $select: GROUP_FIELDS, $top: 999 }).url;
  const read = await pages<RawGroup>(session, url, true, maxPages);
  return { items: read.items.map(toGroup), complete: read.complete };
}

/** Most groups the "without members" read pages through (100 pages of 999: about 100,000 groups). */
export const MEMBERLESS_MAX_PAGES = 100;

/**
 * Groups without direct members, tenant-wide, for tenants of 50,000 groups and more: the groups are paged 999 at
 * a time without `$expand` (which Graph caps at 100 objects a page, so it stopped at 5,000 groups), and each
 * group's members are counted with `GET /groups/{id}/members/$count` (ConsistencyLevel: eventual), 20 steps per
 * `$batch`, a few batches at once (batch-pool.ts; throttled steps wait out Retry-After). Groups whose membership
 * is hidden from the caller are left out rather than reported empty; groups deleted meanwhile (404) are left
 * out. The result is incomplete when pages were left unread or some counts could not be had. Throws DomainError
 * when the group list cannot be read.
 */
export async function readMemberlessGroups(
  session: GraphSession,
  maxPages = MEMBERLESS_MAX_PAGES,
  opts: { concurrency?: number } = {},
): Promise<ReadResult<HygieneGroup>> {
  const url = listGroups({ $select: GROUP_FIELDS, $top: 999 }).url;
  const read = await pages<RawGroup>(session, url, false, maxPages);
  const visible = read.items.filter((g) => g.visibility !== 'HiddenMembership');
  const counts = await countMembers(
    session,
    visible.map((g) => g.id),
    opts.concurrency,
  );
  const empty = visible.filter((g) => counts.byId.get(g.id) === 0);
  return { items: empty.map(toGroup), complete: read.complete && counts.unknown === 0 };
}

/**
 * Each group's direct member count (`/members/$count` in `$batch`es), by id; `unknown` counts the groups whose
 * count could not be had (other than 404: deleted meanwhile). Never throws.
 */
export async function countMembers(
  session: GraphSession,
  groupIds: readonly string[],
  concurrency?: number,
): Promise<{ byId: Map<string, number>; unknown: number }> {
  const steps: BatchStep[] = groupIds.map((id, i) => step(`c${i}`, countMembersRequest(id)));
  const results = await runBatches(session, steps, concurrency ? { concurrency } : {});
  const byId = new Map<string, number>();
  let unknown = 0;
  results.forEach((r, i) => {
    if (r.status === 404) return;
    const n = r.status >= 200 && r.status < 300 ? countOf(r.body) : undefined;
    if (n === undefined) unknown++;
    else byId.set(groupIds[i] as string, n);
  });
  return { byId, unknown };
}

/**
 * A `$count` step's body as a number: Graph sends `text/plain`, which a batch response carries as a number, a
 * numeric string, or (for non-JSON content) base64 of the text. Undefined when it is none of these. Pure.
 */
export function countOf(body: unknown): number | undefined {
  if (typeof body === 'number') return Number.isInteger(body) && body >= 0 ? body : undefined;
  if (typeof body !== 'string') return undefined;
  const text = body.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const decoded = Buffer.from(text, 'base64').toString('utf8').trim();
  return /^\d+$/.test(decoded) ? Number(decoded) : undefined;
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
      listUsers({ $filter: 'accountEnabled eq false', $select: select, $top: 999 }).url,
      false,
      maxPages,
    ),
    pages<RawGroup>(
      session,
      listUsers({ $filter: "userType eq 'Guest'", $select: select, $top: 999 }).url,
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
  request: (id: string) => GraphRequest,
  map: (o: Record<string, unknown> & { id: string }) => T,
): Promise<Map<string, ReadResult<T>>> {
  const out = new Map<string, ReadResult<T>>();
  if (ids.length === 0) return out;
  const steps = ids.map((id, i) => step(String(i), eventual(request(id))));
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
  const request = (id: string): GraphRequest => listMembers(id, { $select: MEMBER_FIELDS, $count: true, $top: 999 });
  return batchLists(session, groupIds, request, toMember);
}

/** The groups each user is a direct member of (first 999), by user id. Throws DomainError. */
export function readGroupsOfUsers(
  session: GraphSession,
  userIds: readonly string[],
): Promise<Map<string, ReadResult<HygieneGroup>>> {
  const request = (id: string): GraphRequest =>
    userMemberOf(id, { $select: GROUP_FIELDS, $count: true, $top: 999 }, { groupsOnly: true });
  return batchLists(session, userIds, request, toGroup);
}

/** The groups the signed-in user owns, with what the scan needs (`/me/ownedObjects`). Throws DomainError. */
export async function readMyOwnedGroups(session: GraphSession, maxPages = 20): Promise<ReadResult<HygieneGroup>> {
  const owned = await listOwnedGroups(session, 'me', maxPages);
  return { items: owned.groups.map((g) => toGroup(g as unknown as RawGroup)), complete: owned.complete };
}

/** One group with the fields the scan uses, or undefined when it no longer exists. Throws DomainError otherwise. */
export async function readHygieneGroup(session: GraphSession, groupId: string): Promise<HygieneGroup | undefined> {
  try {
    return toGroup(await session.send<RawGroup>(getGroup(groupId, { $select: GROUP_FIELDS })));
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'notFound') return undefined;
    throw err;
  }
}

/** A group's owners count (advanced `/$count`). Throws DomainError. */
export async function countOwners(session: GraphSession, groupId: string): Promise<number> {
  const n = await session.send<unknown>(countOwnersRequest(groupId));
  return typeof n === 'number' ? n : Number(n);
}
