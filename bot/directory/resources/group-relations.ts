/**
 * A group's `members` and `owners` relations: the one place a `$ref` write (add or remove one principal) and a
 * relation's list and count are built. group-members.ts and group-owners.ts name them per relation. Pure.
 */
import { read, readCount, segment, type GraphRequest, type ObjectLinks, type Query } from './request';

/** The two relations of a group a user can change. */
export type Relation = 'members' | 'owners';

/** `/groups/{id}/{relation}`. Never throws. */
export function relationPath(groupId: string, relation: Relation): string {
  return `/groups/${segment(groupId)}/${relation}`;
}

/** Adds one principal: `POST /groups/{id}/{relation}/$ref` with its `@odata.id`. Never throws. */
export function addReference(
  links: ObjectLinks,
  groupId: string,
  relation: Relation,
  principalId: string,
): GraphRequest {
  return {
    method: 'POST',
    url: `${relationPath(groupId, relation)}/$ref`,
    body: { '@odata.id': links.directoryObjectUrl(principalId) },
  };
}

/** Removes one principal: `DELETE /groups/{id}/{relation}/{principalId}/$ref`. Never throws. */
export function removeReference(groupId: string, relation: Relation, principalId: string): GraphRequest {
  return { method: 'DELETE', url: `${relationPath(groupId, relation)}/${segment(principalId)}/$ref` };
}

/** One page of the relation (`nextLink` pages on). Never throws. */
export function relationPage(groupId: string, relation: Relation, query: Query = {}): GraphRequest {
  return read(relationPath(groupId, relation), query);
}

/** The relation's size (`$count`, eventual consistency). Never throws. */
export function relationCount(groupId: string, relation: Relation): GraphRequest {
  return readCount(relationPath(groupId, relation));
}
