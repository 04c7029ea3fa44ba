/**
 * Everyone an export of a group lists and how they are in it: direct members, people who come in through
 * nested groups (and through which one), and owners who are not members. Reads the first pages of members,
 * transitive members and owners in one `$batch`, follows further pages, then one `$batch` for the members of
 * each nested group to name the way in.
 */
import type { BatchResult, GraphSession } from './graph-session';
import { stepError } from './graph-session';
import { runBatches } from './batch-pool';
import { mapGraphError } from './errors';
import { step } from './resources/request';
import { listMembers, listTransitiveMembers } from './resources/group-members';
import { listOwners } from './resources/group-owners';

export interface ExportRow {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string | null;
  /** "Member user", "Guest user", "Group", "Device"... */
  type: string;
  /** "Direct member", "Through nested group 'X'", "Owner (not a member)"; owners also get "; owner". */
  how: string;
}

interface Raw {
  id: string;
  '@odata.type'?: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  userType?: string | null;
}
interface Page {
  value?: Raw[];
  '@odata.nextLink'?: string;
}

const SELECT = 'id,displayName,mail,userPrincipalName,userType';
const MAX_PAGES = 50;

function typeOf(r: Raw): string {
  const t = (r['@odata.type'] ?? '').replace('#microsoft.graph.', '');
  if (t === 'user' || (!t && r.userPrincipalName)) return r.userType === 'Guest' ? 'Guest user' : 'Member user';
  if (t === 'group') return 'Group';
  if (t === 'device') return 'Device';
  if (t === 'servicePrincipal') return 'Application';
  if (t === 'orgContact') return 'Contact';
  return t || 'Directory object';
}

async function rest(session: GraphSession, first: BatchResult): Promise<Raw[]> {
  if (first.status >= 400) throw mapGraphError(stepError(first), { operation: 'read' });
  const body = first.body as Page;
  const out = [...(body.value ?? [])];
  let next = body['@odata.nextLink'];
  for (let n = 0; next && n < MAX_PAGES; n++) {
    const page: Page = await session.get<Page>(next);
    out.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return out;
}

/** The rows of a members export of a group (`dynamic`: its members come from its rule). Throws DomainError. */
export async function readMembersForExport(
  session: GraphSession,
  groupId: string,
  dynamic: boolean,
): Promise<ExportRow[]> {
  const [direct, all, owners] = await session.batch([
    step('d', listMembers(groupId, { $select: SELECT, $top: 999 })),
    step('t', listTransitiveMembers(groupId, { $select: SELECT, $top: 999 })),
    step('o', listOwners(groupId, { $select: SELECT, $top: 100 })),
  ]);
  const directList = await rest(session, direct as BatchResult);
  const allList = await rest(session, all as BatchResult);
  const ownerList = await rest(session, owners as BatchResult);
  const directIds = new Set(directList.map((m) => m.id));
  const ownerIds = new Set(ownerList.map((o) => o.id));

  // Which nested group each indirect member comes through (the first direct member group that holds them).
  const nested = directList.filter((m) => typeOf(m) === 'Group');
  const via = new Map<string, string>();
  if (nested.length > 0 && allList.some((m) => !directIds.has(m.id))) {
    const results = await runBatches(
      session,
      nested.map((g, i) => step(`n${i}`, listTransitiveMembers(g.id, { $select: 'id', $top: 999 }))),
    );
    results.forEach((r, i) => {
      if (r.status >= 400) return;
      for (const m of (r.body as Page).value ?? [])
        if (!via.has(m.id)) via.set(m.id, nested[i]?.displayName ?? 'a nested group');
    });
  }
  const seen = new Set<string>();
  const rows: ExportRow[] = [];
  const row = (r: Raw, how: string): void => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    rows.push({
      id: r.id,
      displayName: r.displayName ?? r.id,
      mail: r.mail ?? null,
      userPrincipalName: r.userPrincipalName ?? null,
      type: typeOf(r),
      how: ownerIds.has(r.id) ? `${how}; owner` : how,
    });
  };
  for (const m of directList) row(m, dynamic ? 'Member by the membership rule' : 'Direct member');
  for (const m of allList) if (!directIds.has(m.id)) row(m, `Through nested group '${via.get(m.id) ?? 'unknown'}'`);
  for (const o of ownerList)
    if (!seen.has(o.id)) {
      rows.push({
        id: o.id,
        displayName: o.displayName ?? o.id,
        mail: o.mail ?? null,
        userPrincipalName: o.userPrincipalName ?? null,
        type: typeOf(o),
        how: 'Owner (not a member)',
      });
      seen.add(o.id);
    }
  return rows;
}
