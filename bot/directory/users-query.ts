import { GraphSession } from './graph-session';
import { mapGraphError } from './errors';
import type { DirectoryUser } from './types';
import { stepError } from './graph-session';
import { eventual, step } from './resources/request';
import { countUsers, getUser, listUsers } from './resources/users';
import { listMembers } from './resources/group-members';

/**
 * User properties a dynamic membership rule can read, as Graph v1.0 names them: what a local rule evaluation
 * needs in `$select` (users are fetched with these only, never with everything).
 */
export const RULE_USER_SELECT = [
  'id',
  'displayName',
  'userPrincipalName',
  'mail',
  'accountEnabled',
  'city',
  'country',
  'companyName',
  'department',
  'employeeId',
  'givenName',
  'surname',
  'jobTitle',
  'mailNickname',
  'postalCode',
  'preferredLanguage',
  'state',
  'streetAddress',
  'usageLocation',
  'userType',
  'officeLocation',
  'mobilePhone',
  'businessPhones',
  'faxNumber',
  'employeeHireDate',
  'onPremisesSyncEnabled',
  'onPremisesExtensionAttributes',
  'otherMails',
  'proxyAddresses',
  'assignedPlans',
  'passwordPolicies',
  'onPremisesSecurityIdentifier',
  'onPremisesDistinguishedName',
].join(',');

interface ODataList<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

const BIG_PAGE = 999;

/**
 * How many users a `$filter` matches and the first few of them, in one `$batch` round trip (advanced query:
 * `$count` with `ConsistencyLevel: eventual`). Throws DomainError (invalid when Graph rejects the filter).
 */
export async function countAndSampleUsers(
  session: GraphSession,
  filter: string,
  sample = 10,
): Promise<{ count: number; sample: DirectoryUser[] }> {
  const [c, s] = await session.batch([
    step('c', countUsers({ $filter: filter })),
    step(
      's',
      eventual(
        listUsers({
          $filter: filter,
          $select: 'id,displayName,userPrincipalName,mail,department,jobTitle',
          $top: sample,
          $count: true,
        }),
      ),
    ),
  ]);
  if (!c || c.status >= 400)
    throw mapGraphError(c ? stepError(c) : { statusCode: 500, message: 'No $count result.' }, { operation: 'read' });
  if (!s || s.status >= 400)
    throw mapGraphError(s ? stepError(s) : { statusCode: 500, message: 'No sample result.' }, { operation: 'read' });
  const count = typeof c.body === 'number' ? c.body : Number(String(c.body ?? '').trim());
  return { count: Number.isFinite(count) ? count : 0, sample: (s.body as ODataList<DirectoryUser>).value ?? [] };
}

/**
 * Every user matching a `$filter` (ids and names only), 999 per round trip, at most `maxPages` pages.
 * `complete` is false when the limit cut the list short. Throws DomainError.
 */
export async function listUsersByFilter(
  session: GraphSession,
  filter: string,
  maxPages = 20,
): Promise<{ users: DirectoryUser[]; complete: boolean }> {
  const users: DirectoryUser[] = [];
  let url: string | undefined = listUsers({
    $filter: filter,
    $select: 'id,displayName,userPrincipalName',
    $top: BIG_PAGE,
    $count: true,
  }).url;
  let pages = 0;
  for (; url && pages < maxPages; pages++) {
    const body: ODataList<DirectoryUser> = await session.get(url, { eventual: true });
    users.push(...(body.value ?? []));
    url = body['@odata.nextLink'];
  }
  return { users, complete: !url };
}

/**
 * Walks the tenant's users page by page (999 a page, `$select` limited to `select`) and hands each page to
 * `visit`; stops after `maxPages`. `complete` is false when the limit was reached first. Throws DomainError.
 */
export async function scanUsers(
  session: GraphSession,
  select: string,
  visit: (users: Record<string, unknown>[]) => void,
  maxPages = 100,
): Promise<{ scanned: number; complete: boolean }> {
  let url: string | undefined = listUsers({ $select: select, $top: BIG_PAGE }).url;
  let scanned = 0;
  for (let pages = 0; url && pages < maxPages; pages++) {
    const body: ODataList<Record<string, unknown>> = await session.get(url);
    const items = body.value ?? [];
    scanned += items.length;
    visit(items);
    url = body['@odata.nextLink'];
  }
  return { scanned, complete: !url };
}

/** One user with every property a rule can read (for "why is Ana in X"). Throws DomainError (notFound...). */
export function getUserForRule(session: GraphSession, userId: string): Promise<Record<string, unknown>> {
  return session.send<Record<string, unknown>>(getUser(userId, { $select: RULE_USER_SELECT }));
}

/** Ids and names of a group's direct members, 999 per round trip, at most `maxPages`. Throws DomainError. */
export async function listMemberIds(
  session: GraphSession,
  groupId: string,
  maxPages = 20,
): Promise<{ members: { id: string; displayName: string | null }[]; complete: boolean }> {
  const members: { id: string; displayName: string | null }[] = [];
  let url: string | undefined = listMembers(groupId, { $select: 'id,displayName', $top: BIG_PAGE }).url;
  let pages = 0;
  for (; url && pages < maxPages; pages++) {
    const body: ODataList<{ id: string; displayName?: string | null }> = await session.get(url);
    for (const m of body.value ?? []) members.push({ id: m.id, displayName: m.displayName ?? null });
    url = body['@odata.nextLink'];
  }
  return { members, complete: !url };
}
