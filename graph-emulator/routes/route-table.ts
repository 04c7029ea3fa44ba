/** Every Graph v1.0 route the emulator serves, in one table. */
import type { Router } from '../http/router';
import { AliasRouter } from './alias-router';
import type { HandlerContext } from '../http/request-context';
import { runBatch } from './batch-run';
import { listDirectoryAudits } from './audit-logs-read';
import { deleteGroup, renewGroup } from './group-delete';
import { createGroup } from './group-create';
import { updateGroup } from './group-update';
import { getGroup, listGroups } from './groups-read';
import { groupsDelta } from './groups-delta';
import { assignLicense, listMembersWithLicenseErrors, listSubscribedSkus } from './licensing';
import { addMember, addOwner, deleteMemberObject, removeMember, removeOwner } from './members-write';
import { runMembershipFunction, type MembershipFunction } from './membership-functions';
import { listRelationship, type Relationship } from './relationships-read';
import { listOwnedObjects } from './owned-objects';
import {
  getDeletedItem,
  listDeletedGroups,
  listDeletedWithoutCast,
  purgeDeletedItem,
  restoreDeletedItem,
} from './deleted-items';
import { getManager, getUser, listUsers } from './users-read';
import { updateUser } from './user-update';
import { validateDirectoryObjectProperties, validateGroupProperties } from './validate-properties';
import {
  createGroupSetting,
  deleteGroupSetting,
  getGroupSetting,
  listGroupSettings,
  updateGroupSetting,
} from './group-settings';
import { listOrganization } from './organization-read';
import { createLink, getDrive, getItem, getItemByPath, getRoot, putContentByPath } from './drive-items';
import { getDirectoryRole, listDirectoryRoleMembers, listDirectoryRoles } from './directory-roles-read';
import type { SubjectKind } from './object-lookup';
import { getByIds, getDirectoryObject, listReferences } from './directory-objects';
import { createInvitation, getAuthorizationPolicy, updateAuthorizationPolicy } from './invitations';
import {
  addGroupToPolicy,
  createLifecyclePolicy,
  deleteLifecyclePolicy,
  getLifecyclePolicy,
  listGroupLifecyclePolicies,
  listLifecyclePolicies,
  removeGroupFromPolicy,
  updateLifecyclePolicy,
} from './lifecycle-policies';
import {
  getUserInstalledApp,
  installUserApp,
  listCatalogApps,
  listUserInstalledApps,
  uninstallUserApp,
} from './user-installed-apps';

/** Builds the router (the `graph.` namespace alias expanded). Never throws. */
export function buildRouter(): Router {
  const r = new AliasRouter();
  r.add('GET', '/groups', (c) => listGroups(c))
    .add('POST', '/groups', createGroup)
    .add('GET', '/groups/$count', (c) => listGroups(c, true))
    .add('GET', '/groups/delta', groupsDelta)
    .add('GET', '/groups/microsoft.graph.delta', groupsDelta)
    .add('GET', '/groups/{id}', getGroup)
    .add('PATCH', '/groups/{id}', updateGroup)
    .add('DELETE', '/groups/{id}', deleteGroup)
    .add('POST', '/groups/{id}/renew', renewGroup)
    .add('POST', '/groups/{id}/validateProperties', validateGroupProperties)
    .add('POST', '/directoryObjects/validateProperties', validateDirectoryObjectProperties)
    .add('GET', '/groupSettings', listGroupSettings)
    .add('POST', '/groupSettings', createGroupSetting)
    .add('GET', '/groupSettings/{id}', getGroupSetting)
    .add('PATCH', '/groupSettings/{id}', updateGroupSetting)
    .add('DELETE', '/groupSettings/{id}', deleteGroupSetting)
    .add('POST', '/groups/{id}/assignLicense', assignLicense)
    .add('GET', '/groups/{id}/membersWithLicenseErrors', listMembersWithLicenseErrors)
    .add('GET', '/groups/{id}/members/$ref', (c) => listReferences(c, 'members'))
    .add('GET', '/groups/{id}/owners/$ref', (c) => listReferences(c, 'owners'))
    .add('GET', '/groups/{id}/groupLifecyclePolicies', listGroupLifecyclePolicies)
    .add('GET', '/groupLifecyclePolicies', listLifecyclePolicies)
    .add('POST', '/groupLifecyclePolicies', createLifecyclePolicy)
    .add('GET', '/groupLifecyclePolicies/{id}', getLifecyclePolicy)
    .add('PATCH', '/groupLifecyclePolicies/{id}', updateLifecyclePolicy)
    .add('DELETE', '/groupLifecyclePolicies/{id}', deleteLifecyclePolicy)
    .add('POST', '/groupLifecyclePolicies/{id}/addGroup', addGroupToPolicy)
    .add('POST', '/groupLifecyclePolicies/{id}/removeGroup', removeGroupFromPolicy)
    .add('POST', '/invitations', createInvitation)
    .add('GET', '/policies/authorizationPolicy', getAuthorizationPolicy)
    .add('PATCH', '/policies/authorizationPolicy', updateAuthorizationPolicy)
    .add('POST', '/directoryObjects/getByIds', getByIds)
    .add('GET', '/directoryObjects/{id}', getDirectoryObject)
    .add('POST', '/groups/{id}/members/$ref', addMember)
    .add('DELETE', '/groups/{id}/members/{mid}/$ref', removeMember)
    .add('DELETE', '/groups/{id}/members/{mid}', deleteMemberObject)
    .add('POST', '/groups/{id}/owners/$ref', addOwner)
    .add('DELETE', '/groups/{id}/owners/{mid}/$ref', removeOwner)
    .add('GET', '/users', (c) => listUsers(c))
    .add('GET', '/users/$count', (c) => listUsers(c, true))
    .add('GET', '/users/{id}', (c) => getUser(c, false))
    .add('PATCH', '/users/{id}', updateUser)
    .add('GET', '/me', (c) => getUser(c, true))
    .add('GET', '/users/{id}/manager', (c) => getManager(c, false))
    .add('GET', '/me/manager', (c) => getManager(c, true))
    .add('GET', '/me/ownedObjects', (c) => listOwnedObjects(c, 'me', false))
    .add('GET', '/me/ownedObjects/$count', (c) => listOwnedObjects(c, 'me', true))
    .add('GET', '/users/{id}/ownedObjects', (c) => listOwnedObjects(c, 'users', false))
    .add('GET', '/users/{id}/ownedObjects/$count', (c) => listOwnedObjects(c, 'users', true))
    .add('GET', '/directory/deletedItems', listDeletedWithoutCast)
    .add('GET', '/directory/deletedItems/microsoft.graph.group', (c) => listDeletedGroups(c))
    .add('GET', '/directory/deletedItems/microsoft.graph.group/$count', (c) => listDeletedGroups(c, true))
    .add('GET', '/directory/deletedItems/{id}', getDeletedItem)
    .add('DELETE', '/directory/deletedItems/{id}', purgeDeletedItem)
    .add('POST', '/directory/deletedItems/{id}/restore', restoreDeletedItem)
    .add('GET', '/subscribedSkus', listSubscribedSkus)
    .add('GET', '/organization', listOrganization)
    .add('GET', '/directoryRoles', listDirectoryRoles)
    .add('GET', '/directoryRoles/{id}', getDirectoryRole)
    .add('GET', '/directoryRoles/{id}/members', listDirectoryRoleMembers)
    .add('GET', '/auditLogs/directoryAudits', listDirectoryAudits)
    .add('GET', '/users/{id}/teamwork/installedApps', listUserInstalledApps)
    .add('POST', '/users/{id}/teamwork/installedApps', installUserApp)
    .add('GET', '/users/{id}/teamwork/installedApps/{installId}', getUserInstalledApp)
    .add('DELETE', '/users/{id}/teamwork/installedApps/{installId}', uninstallUserApp)
    .add('GET', '/appCatalogs/teamsApps', listCatalogApps)
    .add('GET', '/me/drive', getDrive)
    .add('GET', '/me/drive/root', getRoot)
    .add('GET', '/me/drive/root:/{path}', getItemByPath)
    .add('PUT', '/me/drive/root:/{path}/content', putContentByPath)
    .add('GET', '/me/drive/items/{id}', getItem)
    .add('POST', '/me/drive/items/{id}/createLink', createLink)
    .add('POST', '/$batch', runBatch);

  const subjects: [string, SubjectKind][] = [
    ['/me', 'me'],
    ['/users/{id}', 'users'],
    ['/groups/{id}', 'groups'],
    ['/directoryObjects/{id}', 'directoryObjects'],
  ];
  const rels: Relationship[] = ['members', 'owners', 'transitiveMembers', 'memberOf', 'transitiveMemberOf'];
  const fns: MembershipFunction[] = ['checkMemberGroups', 'getMemberGroups', 'checkMemberObjects', 'getMemberObjects'];
  for (const [prefix, kind] of subjects) {
    for (const rel of rels) {
      if ((rel === 'members' || rel === 'owners' || rel === 'transitiveMembers') && kind !== 'groups') continue;
      r.add('GET', `${prefix}/${rel}`, (c) => listRelationship(c, kind, rel, undefined, false));
      r.add('GET', `${prefix}/${rel}/$count`, (c) => listRelationship(c, kind, rel, undefined, true));
      r.add('GET', `${prefix}/${rel}/{cast}`, (c: HandlerContext) =>
        listRelationship(c, kind, rel, c.params.cast, false),
      );
      r.add('GET', `${prefix}/${rel}/{cast}/$count`, (c: HandlerContext) =>
        listRelationship(c, kind, rel, c.params.cast, true),
      );
    }
    for (const fn of fns) r.add('POST', `${prefix}/${fn}`, (c) => runMembershipFunction(c, kind, fn));
  }
  return r;
}
