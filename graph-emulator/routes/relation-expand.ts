/**
 * `$expand=members` / `$expand=owners` on groups (the group-get and group-list pages): each expanded
 * relationship is an array of at most 20 directory objects (default shape, `@odata.type`), one level deep,
 * without a nextLink. Members the caller may not see (hidden memberships) expand to an empty array.
 */
import type { Caller } from '../http/request-context';
import type { GroupObject } from '../model/types';
import { projectObject } from '../query';
import { canSeeMembers } from '../permissions/authorize';
import type { DirectoryStore } from '../store/directory-store';
import { typed } from './object-lookup';

/** Most objects one expanded relationship returns. */
export const EXPAND_LIMIT = 20;

type Obj = Record<string, unknown>;

function related(store: DirectoryStore, ids: string[]): Obj[] {
  const out: Obj[] = [];
  for (const id of ids) {
    if (out.length >= EXPAND_LIMIT) break;
    const o = store.object(id);
    if (o) out.push(projectObject('directoryObject', typed(o), undefined, { getById: false }));
  }
  return out;
}

/** Adds the expanded relationships a group's `$expand` names to its projected JSON, in place. Never throws. */
export function expandGroup(
  store: DirectoryStore,
  caller: Caller,
  g: GroupObject,
  json: Obj,
  expand: readonly string[] | undefined,
): Obj {
  for (const rel of expand ?? []) {
    if (rel === 'members') json.members = canSeeMembers(store, caller, g) ? related(store, store.membersOf(g.id)) : [];
    else if (rel === 'owners') json.owners = related(store, store.ownersOf(g.id));
  }
  return json;
}
