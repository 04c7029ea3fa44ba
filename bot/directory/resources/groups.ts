/** Groups (`/groups`, `/groups/{id}`, `/groups/delta`) and deleted groups (`/directory/deletedItems`): requests only. Pure. */
import { read, segment, type GraphRequest, type Query } from './request';

/** `/groups/{id}`. Never throws. */
export function groupPath(groupId: string): string {
  return `/groups/${segment(groupId)}`;
}

/** One group, with `query` (`$select`). Never throws. */
export function getGroup(groupId: string, query: Query = {}): GraphRequest {
  return read(groupPath(groupId), query);
}

/** One page of groups (`$filter`, `$search`, `$select`, ...). Never throws. */
export function listGroups(query: Query = {}): GraphRequest {
  return read('/groups', query);
}

/** Creates a group with `body` (its properties and `owners@odata.bind` / `members@odata.bind`). Never throws. */
export function createGroup(body: Record<string, unknown>): GraphRequest {
  return { method: 'POST', url: '/groups', body };
}

/** Sets properties of a group. Never throws. */
export function updateGroup(groupId: string, set: Record<string, unknown>): GraphRequest {
  return { method: 'PATCH', url: groupPath(groupId), body: set };
}

/** Deletes a group (soft delete: restorable for 30 days). Never throws. */
export function deleteGroup(groupId: string): GraphRequest {
  return { method: 'DELETE', url: groupPath(groupId) };
}

/** Renews a group under an expiration policy. Never throws. */
export function renewGroup(groupId: string): GraphRequest {
  return { method: 'POST', url: `${groupPath(groupId)}/renew`, body: {} };
}

/** Assigns a licence with its disabled plans (`assign`), or removes it (`assign` null). Never throws. */
export function assignLicense(
  groupId: string,
  skuId: string,
  assign: { disabledPlans: string[] } | null,
): GraphRequest {
  return {
    method: 'POST',
    url: `${groupPath(groupId)}/assignLicense`,
    body: assign
      ? { addLicenses: [{ skuId, disabledPlans: assign.disabledPlans }], removeLicenses: [] }
      : { addLicenses: [], removeLicenses: [skuId] },
  };
}

/** One page of group changes (`/groups/delta`). Never throws. */
export function groupsDelta(query: Query = {}): GraphRequest {
  return read('/groups/delta', query);
}

/** The deleted groups' collection. */
const DELETED_GROUPS = '/directory/deletedItems/microsoft.graph.group';

/** One deleted group, with `query`. Never throws. */
export function getDeletedGroup(groupId: string, query: Query = {}): GraphRequest {
  return read(`/directory/deletedItems/${segment(groupId)}`, query);
}

/** One page of deleted groups. Never throws. */
export function listDeletedGroups(query: Query = {}): GraphRequest {
  return read(DELETED_GROUPS, query);
}

/** Restores a deleted group. Never throws. */
export function restoreGroup(groupId: string): GraphRequest {
  return { method: 'POST', url: `/directory/deletedItems/${segment(groupId)}/restore` };
}
