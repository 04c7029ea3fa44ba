/** A group's owners (`/groups/{id}/owners`): requests only. Pure. */
import { addReference, relationCount, relationPage, removeReference } from './group-relations';
import type { GraphRequest, ObjectLinks, Query } from './request';

/** Adds one owner (`$ref`). Never throws. */
export function addOwner(links: ObjectLinks, groupId: string, userId: string): GraphRequest {
  return addReference(links, groupId, 'owners', userId);
}

/** Removes one owner (`$ref`). Never throws. */
export function removeOwner(groupId: string, userId: string): GraphRequest {
  return removeReference(groupId, 'owners', userId);
}

/** One page of owners. Never throws. */
export function listOwners(groupId: string, query: Query = {}): GraphRequest {
  return relationPage(groupId, 'owners', query);
}

/** How many owners (`$count`). Never throws. */
export function countOwners(groupId: string): GraphRequest {
  return relationCount(groupId, 'owners');
}
