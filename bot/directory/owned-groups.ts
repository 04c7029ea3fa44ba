import type { GraphSession } from './graph-session';
import type { DirectoryGroup } from './types';
import { ownedObjects } from './resources/users';

interface ODataList<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

const MAX_PAGES = 50;

/**
 * Groups a user owns (`GET /me/ownedObjects` or `/users/{id}/ownedObjects`, every page up to `maxPages`, default
 * 50): owned directory objects other than groups (applications, service principals...) are left out. `complete`
 * is false when the page limit cut the list short. Throws DomainError (notFound, forbidden...).
 */
export async function listOwnedGroups(
  session: GraphSession,
  userId: string,
  maxPages = MAX_PAGES,
): Promise<{ groups: DirectoryGroup[]; complete: boolean }> {
  const groups: DirectoryGroup[] = [];
  let url: string | undefined = ownedObjects(userId).url;
  for (let pages = 0; url && pages < maxPages; pages++) {
    const body: ODataList<DirectoryGroup & { '@odata.type'?: string }> = await session.get(url);
    for (const o of body.value ?? []) if ((o['@odata.type'] ?? '').endsWith('.group')) groups.push(o);
    url = body['@odata.nextLink'];
  }
  return { groups, complete: !url };
}
