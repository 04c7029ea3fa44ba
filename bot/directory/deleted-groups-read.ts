/** Deleted groups by name (`GET /directory/deletedItems/microsoft.graph.group` with `$filter` on displayName). */
import type { GraphSession } from './graph-session';
import { fold } from './name-match';
import { literal } from './odata';
import { GROUP_SELECT, type DirectoryGroup } from './types';
import { listDeletedGroups } from './resources/groups';

/**
 * Soft-deleted groups whose name is `name` (compared without case or accents; the server filter is a prefix
 * match, the exact name is picked here). Empty when none. Throws DomainError (forbidden: the caller may not read
 * deleted items).
 */
export async function deletedGroupsNamed(session: GraphSession, name: string): Promise<DirectoryGroup[]> {
  const phrase = name.trim();
  if (!phrase) return [];
  const body = await session.send<{ value?: DirectoryGroup[] }>(
    listDeletedGroups({
      $filter: `startsWith(displayName,${literal(phrase)})`,
      $select: `${GROUP_SELECT},deletedDateTime`,
      $top: 25,
    }),
  );
  return (body.value ?? []).filter((g) => fold(g.displayName) === fold(phrase));
}
