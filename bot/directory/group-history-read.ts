/**
 * What the history of a watched group reads from Graph (docs/graph-behaviour.md, Delta and Directory audit log):
 * one delta round for one group (`groups/delta` filtered to its id, `$select=members`), the audit records about
 * it since a time, and display names of object ids (`directoryObjects/getByIds`). Always with the caller's own
 * delegated token.
 */
import { DomainError } from './errors';
import type { GraphSession } from './graph-session';
import { listRelation } from './groups-read';
import { isGuid, literal } from './odata';
import { groupsDelta } from './resources/groups';
import { directoryAudits, objectsByIds } from './resources/tenant';

/** One membership change a delta round reported. */
export interface DeltaMemberChange {
  id: string;
  type: 'user' | 'group' | 'other';
  removed: boolean;
}

/** The outcome of one delta round for one group. */
export interface DeltaRound {
  /** The members as they are now (first round), or the changes since the delta link (later rounds). */
  changes: DeltaMemberChange[];
  /** True on the first round: `changes` are the whole membership. */
  initial: boolean;
  /** The link the next round starts from. */
  deltaLink: string;
  /** The group was deleted (soft or for good) since the last round. */
  groupRemoved: boolean;
}

/** One audit record about a member or owner of a group. */
export interface GroupAuditEntry {
  at: Date;
  change: 'added' | 'removed';
  relation: 'member' | 'owner';
  subjectId: string;
  subjectName: string | null;
  actor: { id: string; name: string | null } | null;
}

/** The longest round followed (pages); a round longer than this is an error, retried next time. */
const MAX_PAGES = 500;

interface DeltaPage {
  value?: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

function typeOf(odataType: unknown): DeltaMemberChange['type'] {
  if (odataType === '#microsoft.graph.user') return 'user';
  if (odataType === '#microsoft.graph.group') return 'group';
  return 'other';
}

/**
 * Runs one delta round for `groupId`: from `deltaLink` when given (it must point into the session's Graph), else
 * an initial round listing the current members. Follows every nextLink. Throws DomainError (a stale delta link
 * comes back from Graph as 400 or 410: start again without it).
 */
export async function membershipDeltaRound(
  session: GraphSession,
  groupId: string,
  deltaLink: string | null,
): Promise<DeltaRound> {
  if (!isGuid(groupId)) throw new DomainError('invalid', `Not a group id: ${groupId}`);
  if (deltaLink && !session.isOwnLink(deltaLink))
    throw new DomainError('invalid', 'The stored delta link does not point to this Graph.');
  let url: string | undefined =
    deltaLink ?? groupsDelta({ $filter: `id eq ${literal(groupId.toLowerCase())}`, $select: 'id,members' }).url;
  const changes = new Map<string, DeltaMemberChange>();
  let removed = false;
  for (let pages = 0; url; pages++) {
    if (pages >= MAX_PAGES) throw new DomainError('unexpected', 'The delta round did not end.');
    const page: DeltaPage = await session.get<DeltaPage>(url);
    for (const item of page.value ?? []) {
      if (String(item['id']).toLowerCase() !== groupId.toLowerCase()) continue;
      if (item['@removed']) removed = true;
      const members = Array.isArray(item['members@delta']) ? (item['members@delta'] as Record<string, unknown>[]) : [];
      for (const m of members) {
        const id = String(m['id']).toLowerCase();
        changes.delete(id);
        changes.set(id, { id, type: typeOf(m['@odata.type']), removed: m['@removed'] !== undefined });
      }
    }
    if (page['@odata.deltaLink']) {
      return {
        changes: [...changes.values()],
        initial: !deltaLink,
        deltaLink: page['@odata.deltaLink'],
        groupRemoved: removed,
      };
    }
    url = page['@odata.nextLink'];
  }
  throw new DomainError('unexpected', 'The delta round ended without a delta link.');
}

interface RawAudit {
  activityDisplayName?: string;
  activityDateTime?: string;
  initiatedBy?: {
    user?: { id?: string | null; displayName?: string | null; userPrincipalName?: string | null } | null;
  } | null;
  targetResources?: { id?: string; displayName?: string | null; type?: string; userPrincipalName?: string | null }[];
}

const ACTIVITIES: Record<string, Pick<GroupAuditEntry, 'change' | 'relation'>> = {
  'Add member to group': { change: 'added', relation: 'member' },
  'Remove member from group': { change: 'removed', relation: 'member' },
  'Add owner to group': { change: 'added', relation: 'owner' },
  'Remove owner from group': { change: 'removed', relation: 'owner' },
};

/**
 * The member and owner changes of `groupId` the directory audit log holds since `since`, oldest first; 'denied'
 * when the caller may not read the audit log (scope or role). Throws DomainError on other failures.
 */
export async function groupAuditEntries(
  session: GraphSession,
  groupId: string,
  since: Date,
): Promise<GroupAuditEntry[] | 'denied'> {
  const gid = groupId.toLowerCase();
  const filter = `activityDateTime ge ${since.toISOString()} and targetResources/any(t:t/id eq ${literal(gid)})`;
  let url: string | undefined = directoryAudits({ $filter: filter }).url;
  const out: GroupAuditEntry[] = [];
  try {
    for (let pages = 0; url && pages < 50; pages++) {
      const page: { value?: RawAudit[]; '@odata.nextLink'?: string } = await session.get(url);
      for (const r of page.value ?? []) {
        const activity = ACTIVITIES[r.activityDisplayName ?? ''];
        const subject = r.targetResources?.find((t) => t.id?.toLowerCase() !== gid);
        const at = Date.parse(r.activityDateTime ?? '');
        if (!activity || !subject?.id || Number.isNaN(at)) continue;
        const user = r.initiatedBy?.user;
        out.push({
          ...activity,
          at: new Date(at),
          subjectId: subject.id.toLowerCase(),
          subjectName: subject.displayName ?? null,
          actor: user?.id
            ? { id: user.id.toLowerCase(), name: user.displayName ?? user.userPrincipalName ?? null }
            : null,
        });
      }
      url = page['@odata.nextLink'];
      if (url && !session.isOwnLink(url)) break;
    }
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'forbidden') return 'denied';
    throw err;
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A directory object named in history: its name and whether it is a user or a group. */
export interface HistoryObject {
  displayName: string;
  type: 'user' | 'group';
}

/** Users and groups by id, 1,000 a call; unknown ids (deleted objects) are left out. Throws DomainError. */
export async function directoryObjectsOf(
  session: GraphSession,
  ids: readonly string[],
): Promise<Map<string, HistoryObject>> {
  const out = new Map<string, HistoryObject>();
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))].filter(isGuid);
  for (let i = 0; i < unique.length; i += 1000) {
    const body = await session.send<{ value?: { id?: string; displayName?: string | null; '@odata.type'?: string }[] }>(
      objectsByIds({ ids: unique.slice(i, i + 1000), types: ['user', 'group'] }),
    );
    for (const o of body?.value ?? []) {
      if (!o.id) continue;
      const type = o['@odata.type'] === '#microsoft.graph.group' ? 'group' : 'user';
      out.set(o.id.toLowerCase(), { displayName: o.displayName ?? o.id, type });
    }
  }
  return out;
}

/** Display names of users and groups by id; unknown ids are left out. Throws DomainError. */
export async function displayNamesOf(session: GraphSession, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [id, o] of await directoryObjectsOf(session, ids)) out.set(id, o.displayName);
  return out;
}

/** The ids of a group's direct members or owners now, every page. Throws DomainError. */
export async function relationIds(
  session: GraphSession,
  groupId: string,
  relation: 'members' | 'owners',
): Promise<string[]> {
  const out: string[] = [];
  let next: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listRelation(session, groupId, relation, next, 999);
    out.push(...page.items.map((m) => m.id.toLowerCase()));
    if (!page.next || !session.isOwnLink(page.next)) break;
    next = page.next;
  }
  return out;
}
