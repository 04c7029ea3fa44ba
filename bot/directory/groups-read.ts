import { GraphSession } from './graph-session';
import { mapGraphError } from './errors';
import { literal, searchTerm } from './odata';
import { GROUP_SELECT, type DirectoryGroup, type DirectoryMember, type Page } from './types';
import { step } from './resources/request';
import { getGroup as getGroupRequest, listDeletedGroups, listGroups as listGroupsRequest } from './resources/groups';
import { countMembers, listTransitiveMembers } from './resources/group-members';
import { listOwners } from './resources/group-owners';
import { relationPage } from './resources/group-relations';
import { userMemberOf } from './resources/users';

interface ODataList<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export type GroupFilter = 'security' | 'microsoft365' | 'dynamic' | 'deleted' | undefined;

const PAGE = 20;

function pageOf<T>(body: ODataList<T> | undefined): Page<T> {
  return { items: body?.value ?? [], ...(body?.['@odata.nextLink'] ? { next: body['@odata.nextLink'] } : {}) };
}

/** GET one group by id. Throws DomainError (notFound, forbidden...). */
export function getGroup(session: GraphSession, id: string): Promise<DirectoryGroup> {
  return session.send<DirectoryGroup>(getGroupRequest(id, { $select: GROUP_SELECT }));
}

/**
 * One page of groups, optionally of one kind, starting with a prefix, or with a word in the name
 * (`nameContains`: Graph's `$search` on displayName, which matches the start of any word of the name and needs
 * `ConsistencyLevel: eventual`, also on the following pages); `next` continues from a nextLink. Deleted groups
 * come from /directory/deletedItems. Throws DomainError.
 */
export async function listGroups(
  session: GraphSession,
  opts: { kind?: GroupFilter; startsWith?: string; nameContains?: string; next?: string },
): Promise<Page<DirectoryGroup>> {
  const search = opts.nameContains?.trim() && opts.kind !== 'deleted' ? opts.nameContains.trim() : undefined;
  if (opts.next)
    return pageOf(await session.get<ODataList<DirectoryGroup>>(opts.next, search ? { eventual: true } : {}));
  const clauses: string[] = [];
  if (opts.kind === 'security') clauses.push('securityEnabled eq true', 'mailEnabled eq false');
  if (opts.kind === 'microsoft365') clauses.push("groupTypes/any(c:c eq 'Unified')");
  if (opts.kind === 'dynamic') clauses.push("groupTypes/any(c:c eq 'DynamicMembership')");
  if (opts.startsWith) clauses.push(`startsWith(displayName,${literal(opts.startsWith)})`);
  const list = opts.kind === 'deleted' ? listDeletedGroups : listGroupsRequest;
  const { url } = list({
    $select: opts.kind === 'deleted' ? `${GROUP_SELECT},deletedDateTime` : GROUP_SELECT,
    $top: PAGE,
    ...(clauses.length ? { $filter: clauses.join(' and ') } : {}),
    ...(search ? { $search: searchTerm('displayName', search), $count: true } : {}),
    ...(opts.kind !== 'deleted' && (clauses.length === 0 || search) ? { $orderby: 'displayName' } : {}),
  });
  return pageOf(await session.get<ODataList<DirectoryGroup>>(url, search ? { eventual: true } : {}));
}

interface RawMember {
  id: string;
  '@odata.type'?: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
}

function toMember(m: RawMember): DirectoryMember {
  const t = m['@odata.type'] ?? '';
  return {
    id: m.id,
    type: t.endsWith('.user') ? 'user' : t.endsWith('.group') ? 'group' : 'other',
    displayName: m.displayName ?? null,
    mail: m.mail ?? null,
    userPrincipalName: m.userPrincipalName ?? null,
  };
}

/** One page of a group's members (direct or transitive) or owners. Throws DomainError. */
export async function listRelation(
  session: GraphSession,
  groupId: string,
  relation: 'members' | 'transitiveMembers' | 'owners',
  next?: string,
  top?: number,
): Promise<Page<DirectoryMember>> {
  const url =
    next ??
    (relation === 'transitiveMembers'
      ? listTransitiveMembers(groupId, { $top: top })
      : relationPage(groupId, relation, { $top: top })
    ).url;
  const body = await session.get<ODataList<RawMember>>(url);
  const page = pageOf(body);
  return { items: page.items.map(toMember), ...(page.next ? { next: page.next } : {}) };
}

export interface GroupDetails {
  group: DirectoryGroup;
  memberCount: number | null;
  ownerCount: number;
  owners: DirectoryMember[];
  assignedLicenses: { skuId: string }[];
}

/**
 * The group, its member count, its owners and its licences in one $batch round trip.
 * Throws DomainError (notFound when the group is gone).
 */
export async function getGroupDetails(session: GraphSession, id: string): Promise<GroupDetails> {
  const [g, count, owners, lic] = await session.batch([
    step('g', getGroupRequest(id, { $select: GROUP_SELECT })),
    step('c', countMembers(id)),
    step('o', listOwners(id)),
    step('l', getGroupRequest(id, { $select: 'id,assignedLicenses' })),
  ]);
  if (!g || g.status >= 400)
    throw mapGraphError(
      { statusCode: g?.status ?? 500, ...(g?.body as { error?: object })?.error },
      { operation: 'read' },
    );
  const countValue = count && count.status < 400 ? Number(count.body) : NaN;
  const ownerList =
    owners && owners.status < 400 ? ((owners.body as ODataList<RawMember>).value ?? []).map(toMember) : [];
  const licenses =
    lic && lic.status < 400 ? ((lic.body as { assignedLicenses?: { skuId: string }[] }).assignedLicenses ?? []) : [];
  return {
    group: g.body as DirectoryGroup,
    memberCount: Number.isFinite(countValue) ? countValue : null,
    ownerCount: ownerList.length,
    owners: ownerList,
    assignedLicenses: licenses,
  };
}

/** Groups a user belongs to, direct or through nesting. Throws DomainError. */
export async function listUserGroups(
  session: GraphSession,
  userId: string,
  transitive: boolean,
): Promise<DirectoryGroup[]> {
  const out: DirectoryGroup[] = [];
  let url: string | undefined = userMemberOf(userId, {}, { transitive }).url;
  for (let pages = 0; url && pages < 50; pages++) {
    const body: ODataList<DirectoryGroup & { '@odata.type'?: string }> = await session.get(url);
    for (const g of body.value ?? []) if ((g['@odata.type'] ?? '').endsWith('.group')) out.push(g);
    url = body['@odata.nextLink'];
  }
  return out;
}
