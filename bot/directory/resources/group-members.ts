/** A group's members (`/groups/{id}/members`, transitive members, licence errors): requests only. Pure. */
import { addReference, relationCount, relationPage, removeReference } from './group-relations';
import { read, readCount, segment, type GraphRequest, type ObjectLinks, type Query } from './request';
import { groupPath } from './groups';

/** Adds one member (`$ref`). Never throws. */
export function addMember(links: ObjectLinks, groupId: string, principalId: string): GraphRequest {
  return addReference(links, groupId, 'members', principalId);
}

/** Removes one member (`$ref`). Never throws. */
export function removeMember(groupId: string, principalId: string): GraphRequest {
  return removeReference(groupId, 'members', principalId);
}

/** Adds up to 20 members in one PATCH of the group (`members@odata.bind`; all or nothing). Never throws. */
export function bindMembers(links: ObjectLinks, groupId: string, principalIds: readonly string[]): GraphRequest {
  return {
    method: 'PATCH',
    url: groupPath(groupId),
    body: { 'members@odata.bind': principalIds.map((id) => links.directoryObjectUrl(id)) },
  };
}

/** One page of direct members. Never throws. */
export function listMembers(groupId: string, query: Query = {}): GraphRequest {
  return relationPage(groupId, 'members', query);
}

/** How many direct members (`$count`). Never throws. */
export function countMembers(groupId: string): GraphRequest {
  return relationCount(groupId, 'members');
}

/** One page of the direct members that are users (`members/microsoft.graph.user`). Never throws. */
export function listMemberUsers(groupId: string, query: Query = {}): GraphRequest {
  return read(`/groups/${segment(groupId)}/members/microsoft.graph.user`, query);
}

/** One page of members, direct or through nested groups. Never throws. */
export function listTransitiveMembers(groupId: string, query: Query = {}): GraphRequest {
  return read(`/groups/${segment(groupId)}/transitiveMembers`, query);
}

/** How many users are members, directly or through nested groups (`$count`). Never throws. */
export function countTransitiveUsers(groupId: string): GraphRequest {
  return readCount(`/groups/${segment(groupId)}/transitiveMembers/microsoft.graph.user`);
}

/** One page of the members whose group-based licence failed. Never throws. */
export function listMembersWithLicenseErrors(groupId: string, query: Query = {}): GraphRequest {
  return read(`/groups/${segment(groupId)}/membersWithLicenseErrors`, query);
}
