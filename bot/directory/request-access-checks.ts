/**
 * The Graph reads of the access-request flow, each with the delegated token of the user the session belongs to:
 * the requester's profile, a group's owners, whether someone may decide a request (current owner, or Groups /
 * Global Administrator), and how many of the requester's team-mates are already members.
 */
import type { GraphSession } from './graph-session';
import { literal } from './odata';
import { USER_SELECT, type DirectoryUser } from './types';
import { listOwners } from './resources/group-owners';
import { listMembers } from './resources/group-members';
import { getUser, listUsers, userMemberOf } from './resources/users';

/** Entra role template ids that may decide any request (the same ids real tokens carry as `wids`). */
export const DECIDING_ROLE_TEMPLATES: readonly string[] = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  'fdd7a751-b60b-444a-984c-02652fe8fa1c', // Groups Administrator
];

/** The same roles by their built-in display names (Graph returns them in English in every tenant). */

interface ODataList<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** A group owner: a user id and display name. */
export interface OwnerRef {
  id: string;
  name: string;
}

const MAX_PAGES = 10;

/** Follows nextLinks up to MAX_PAGES pages. Throws DomainError. */
async function allPages<T>(session: GraphSession, first: string, eventual = false): Promise<T[]> {
  const out: T[] = [];
  let url: string | undefined = first;
  for (let n = 0; url && n < MAX_PAGES; n++) {
    const body: ODataList<T> = await session.get<ODataList<T>>(url, { eventual });
    out.push(...(body.value ?? []));
    url = body['@odata.nextLink'];
  }
  return out;
}

/** The signed-in user (`/me`) with department and job title. Throws DomainError. */
export function readMe(session: GraphSession): Promise<DirectoryUser> {
  return session.send<DirectoryUser>(getUser('me', { $select: USER_SELECT }));
}

/** The group's owners that are users (`GET /groups/{id}/owners`). Throws DomainError. */
export async function readOwners(session: GraphSession, groupId: string): Promise<OwnerRef[]> {
  const rows = await allPages<{ id: string; displayName?: string | null; '@odata.type'?: string }>(
    session,
    listOwners(groupId, { $top: 100 }).url,
  );
  return rows
    .filter((o) => !o['@odata.type'] || o['@odata.type'].endsWith('.user'))
    .map((o) => ({ id: o.id.toLowerCase(), name: o.displayName ?? o.id }));
}

/**
 * True when the session's user holds a directory role that may decide any request: reads `/me/memberOf`, which
 * lists activated directoryRole objects (with roleTemplateId and displayName) on real Graph and on the emulator.
 * Throws DomainError.
 */
export async function holdsDecidingRole(session: GraphSession): Promise<boolean> {
  const rows = await allPages<{ '@odata.type'?: string; roleTemplateId?: string | null; displayName?: string | null }>(
    session,
    userMemberOf('me').url,
  );
  return rows.some(
    (r) =>
      (r['@odata.type'] ?? '').endsWith('.directoryRole') &&
      !!r.roleTemplateId &&
      DECIDING_ROLE_TEMPLATES.includes(r.roleTemplateId.toLowerCase()),
  );
}

/**
 * The server-side re-check of who clicked Approve/Deny, with the clicker's own token: a current owner of the
 * group, or a Groups or Global Administrator. Never looks at card data. Throws DomainError.
 */
export async function mayDecide(session: GraphSession, groupId: string, userId: string): Promise<boolean> {
  const owners = await readOwners(session, groupId);
  if (owners.some((o) => o.id === userId.toLowerCase())) return true;
  return holdsDecidingRole(session);
}

/**
 * Team-mates (users of the same department, the requester excluded) and how many of them are direct members of
 * the group; undefined when the requester has no department. Reads at most 10 pages of each. Throws DomainError.
 */
export async function countTeammates(
  session: GraphSession,
  groupId: string,
  requester: Pick<DirectoryUser, 'id' | 'department'>,
): Promise<{ members: number; total: number } | undefined> {
  const department = requester.department?.trim();
  if (!department) return undefined;
  const mates = await allPages<{ id: string }>(
    session,
    listUsers({ $filter: `department eq ${literal(department)}`, $select: 'id', $top: 999, $count: true }).url,
    true,
  );
  const mateIds = new Set(mates.map((u) => u.id.toLowerCase()).filter((id) => id !== requester.id.toLowerCase()));
  if (mateIds.size === 0) return { members: 0, total: 0 };
  const members = await allPages<{ id: string }>(session, listMembers(groupId, { $select: 'id', $top: 999 }).url);
  const inGroup = members.filter((m) => mateIds.has(m.id.toLowerCase())).length;
  return { members: inGroup, total: mateIds.size };
}
