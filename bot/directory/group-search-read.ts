/** Groups whose name or description mentions some words: Graph's `$search` (server side, never a tenant listing). */
import type { GraphSession } from './graph-session';
import { searchTerm } from './odata';
import { GROUP_SELECT, type DirectoryGroup } from './types';
import { eventual } from './resources/request';
import { listGroups } from './resources/groups';

const TOP = 25;

/**
 * Groups whose displayName or description has a word starting with any of `words` (`$search`, OR of the
 * clauses, `ConsistencyLevel: eventual`), at most 25, by name. Empty for no words. Throws DomainError.
 */
export async function searchGroupsByWords(session: GraphSession, words: readonly string[]): Promise<DirectoryGroup[]> {
  const clean = [...new Set(words.map((w) => w.replace(/["\\]/g, '').trim()).filter((w) => w.length > 1))].slice(0, 5);
  if (clean.length === 0) return [];
  const search = clean.flatMap((w) => [searchTerm('displayName', w), searchTerm('description', w)]).join(' OR ');
  const body = await session.send<{ value?: DirectoryGroup[] }>(
    eventual(listGroups({ $search: search, $select: GROUP_SELECT, $top: TOP, $count: true })),
  );
  return (body.value ?? []).sort((a, b) => a.displayName.localeCompare(b.displayName));
}
