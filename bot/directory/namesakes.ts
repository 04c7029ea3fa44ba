/**
 * Groups that share a display name: finding the groups already called a name (before creating another), and the
 * owners that tell same-named groups apart on a choice card or a list.
 */
import type { GraphSession } from './graph-session';
import { literal } from './odata';
import { GROUP_SELECT, type DirectoryGroup } from './types';
import { step } from './resources/request';
import { listGroups } from './resources/groups';
import { listOwners } from './resources/group-owners';

/** Owners read per group to tell namesakes apart. */
const OWNERS_SHOWN = 3;

/**
 * The live groups whose display name is exactly `name` (Graph compares case-insensitively), at most 10. One call.
 * Throws DomainError.
 */
export async function groupsNamed(graph: GraphSession, name: string): Promise<DirectoryGroup[]> {
  const body = await graph.send<{ value?: DirectoryGroup[] }>(
    listGroups({ $filter: `displayName eq ${literal(name)}`, $select: GROUP_SELECT, $top: 10 }),
  );
  return body.value ?? [];
}

/** The groups of `groups` whose display name another one of them also has (case-insensitive). Pure. */
export function sharingNames<T extends { displayName: string }>(groups: readonly T[]): T[] {
  const count = new Map<string, number>();
  for (const g of groups) count.set(g.displayName.toLowerCase(), (count.get(g.displayName.toLowerCase()) ?? 0) + 1);
  return groups.filter((g) => (count.get(g.displayName.toLowerCase()) ?? 0) > 1);
}

/**
 * The owners' display names of each group (up to three each), in one $batch per 20 groups. A group whose owners
 * cannot be read (403, deleted meanwhile) is left out: the caller shows it without owners. Throws DomainError only
 * when a whole batch fails.
 */
export async function ownerNamesOf(graph: GraphSession, groupIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (groupIds.length === 0) return out;
  const results = await graph.batch(
    groupIds.map((id, i) => step(String(i), listOwners(id, { $select: 'id,displayName', $top: OWNERS_SHOWN }))),
  );
  results.forEach((r, i) => {
    const id = groupIds[i];
    if (!id || r.status >= 400) return;
    const value = (r.body as { value?: { displayName?: string | null }[] } | undefined)?.value ?? [];
    out.set(
      id,
      value.map((o) => o.displayName ?? '').filter((n) => n !== ''),
    );
  });
  return out;
}
