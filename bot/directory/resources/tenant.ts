/**
 * Tenant-wide resources a feature reads or writes once: subscribed licences, the authorization policy, group
 * settings, directory
 * roles' members, guest invitations, directory audits, and objects by id. Pure.
 */
import { read, type GraphRequest, type Query } from './request';

/** The tenant's licences (SKUs) and their seats. Never throws. */
export function subscribedSkus(): GraphRequest {
  return read('/subscribedSkus');
}

/** The tenant's authorization policy (who may invite guests). Never throws. */
export function authorizationPolicy(): GraphRequest {
  return read('/policies/authorizationPolicy');
}

/** The tenant's group settings (naming policy, guest access). Never throws. */
export function groupSettings(): GraphRequest {
  return read('/groupSettings');
}

/** The members of the activated directory role made from `roleTemplateId`. Never throws. */
export function directoryRoleMembers(roleTemplateId: string, query: Query = {}): GraphRequest {
  return read(`/directoryRoles(roleTemplateId='${roleTemplateId.replace(/'/g, "''")}')/members`, query);
}

/** Invites a guest (`invitedUserEmailAddress`, `inviteRedirectUrl`, ... in `body`). Never throws. */
export function inviteGuest(body: Record<string, unknown>): GraphRequest {
  return { method: 'POST', url: '/invitations', body };
}

/** One page of directory audits (`$filter` by activity, target and time). Never throws. */
export function directoryAudits(query: Query = {}): GraphRequest {
  return read('/auditLogs/directoryAudits', query);
}

/** Directory objects by id (`ids`, `types` in `body`). Never throws. */
export function objectsByIds(body: { ids: string[]; types?: string[] }): GraphRequest {
  return { method: 'POST', url: '/directoryObjects/getByIds', body };
}
