import type { EntitySchema, PropertySpec } from './schema-types';

const str = (ret: PropertySpec['ret'], extra: Omit<PropertySpec, 'type' | 'ret'> = {}): PropertySpec => ({
  type: 'string',
  ret,
  ...extra,
});
const nav: PropertySpec = { type: 'collection', ret: 'nav' };

/**
 * The group entity: default shape (docs/graph-behaviour.md, Properties; in Graph's order), `$select`-only and GET-only properties,
 * and `$filter` / `$orderby` / `$search` support per docs/graph-behaviour.md, Filter support.
 */
export const groupSchema: EntitySchema = {
  typeName: 'microsoft.graph.group',
  resource: 'Group',
  properties: {
    id: { type: 'guid', ret: 'D', filter: { eq: 'D' } },
    deletedDateTime: { type: 'datetime', ret: 'D', filter: { range: 'A' }, orderby: 'A' },
    classification: str('D', { filter: { eq: 'D', startsWith: 'D' } }),
    createdDateTime: { type: 'datetime', ret: 'D', filter: { range: 'A', eqNull: 'A' }, orderby: 'A' },
    creationOptions: { type: 'stringCollection', ret: 'D' },
    description: str('D', { filter: { eq: 'A', startsWith: 'A', eqNull: 'A' }, search: 'words' }),
    displayName: str('D', { filter: { eq: 'D', startsWith: 'D', eqNull: 'A' }, orderby: 'D', search: 'words' }),
    expirationDateTime: { type: 'datetime', ret: 'D', filter: { range: 'A' } },
    groupTypes: { type: 'stringCollection', ret: 'D', filter: { any: 'D' } },
    isAssignableToRole: { type: 'boolean', ret: 'D', filter: { eq: 'D' } },
    mail: str('D', {
      filter: { eq: 'D', startsWith: 'D', endsWith: 'A', eqNull: 'A' },
      orderby: 'A',
      search: 'prefix',
    }),
    mailEnabled: { type: 'boolean', ret: 'D', filter: { eq: 'D' } },
    mailNickname: str('D', { filter: { eq: 'D', startsWith: 'D', eqNull: 'A' }, orderby: 'A', search: 'prefix' }),
    membershipRule: str('D', { filter: { eq: 'D', startsWith: 'D' } }),
    membershipRuleProcessingState: str('D', { filter: { eq: 'D' } }),
    onPremisesDomainName: str('D'),
    onPremisesLastSyncDateTime: { type: 'datetime', ret: 'D', filter: { range: 'D' } },
    onPremisesNetBiosName: str('D'),
    onPremisesSamAccountName: str('D', { filter: { eq: 'A', startsWith: 'A' } }),
    onPremisesSecurityIdentifier: str('D', { filter: { eq: 'D', eqNull: 'A' } }),
    onPremisesSyncEnabled: { type: 'boolean', ret: 'D', filter: { eq: 'D', eqNull: 'A' } },
    preferredDataLocation: str('D'),
    preferredLanguage: str('D', { filter: { eq: 'A', eqNull: 'A' } }),
    proxyAddresses: {
      type: 'stringCollection',
      ret: 'D',
      filter: { any: 'D', anyStartsWith: 'D', anyEndsWith: 'A', countZero: 'A' },
      search: 'prefix',
    },
    renewedDateTime: { type: 'datetime', ret: 'D', filter: { range: 'D' } },
    resourceBehaviorOptions: { type: 'stringCollection', ret: 'D', filter: { any: 'D' } },
    resourceProvisioningOptions: { type: 'stringCollection', ret: 'D', filter: { any: 'D' } },
    securityEnabled: { type: 'boolean', ret: 'D', filter: { eq: 'D' } },
    securityIdentifier: str('D'),
    theme: str('D'),
    visibility: str('D'),
    onPremisesProvisioningErrors: { type: 'collection', ret: 'D', filter: { countZero: 'A' } },
    serviceProvisioningErrors: { type: 'collection', ret: 'D' },
    // $select only
    assignedLicenses: { type: 'licenseCollection', ret: 'S', filter: { any: 'D', countZero: 'A' } },
    assignedLabels: { type: 'collection', ret: 'S' },
    licenseProcessingState: { type: 'object', ret: 'S' },
    onPremisesExtensionAttributes: { type: 'object', ret: 'S' },
    isManagementRestricted: { type: 'boolean', ret: 'S' },
    createdByAppId: { type: 'guid', ret: 'S', filter: { eq: 'D' } },
    isArchived: { type: 'boolean', ret: 'S' },
    organizationId: str('S'),
    uniqueName: str('S', { filter: { eq: 'D', startsWith: 'D' } }),
    // $select only on GET /groups/{id} (Exchange-stored)
    allowExternalSenders: { type: 'boolean', ret: 'G' },
    autoSubscribeNewMembers: { type: 'boolean', ret: 'G' },
    hideFromAddressLists: { type: 'boolean', ret: 'G' },
    hideFromOutlookClients: { type: 'boolean', ret: 'G' },
    isSubscribedByMail: { type: 'boolean', ret: 'G' },
    isFavorite: { type: 'boolean', ret: 'G' },
    unseenCount: { type: 'number', ret: 'G' },
    unseenConversationsCount: { type: 'number', ret: 'G' },
    unseenMessagesCount: { type: 'number', ret: 'G' },
    accessType: str('G'),
    welcomeMessageEnabled: { type: 'boolean', ret: 'G' },
    // never returned, filter only (default mode only)
    hasMembersWithLicenseErrors: { type: 'boolean', ret: 'N', filter: { eq: 'DO' } },
    // navigation properties ($expand)
    members: nav,
    // `owners/$count eq 0` (and ne 0, eq 1, ne 1) in advanced mode: the group resource page lists it for owners.
    owners: { ...nav, filter: { countZero: 'A' } },
    memberOf: nav,
    transitiveMembers: nav,
    transitiveMemberOf: nav,
    createdOnBehalfOf: { type: 'object', ret: 'nav' },
    membersWithLicenseErrors: nav,
    settings: nav,
    groupLifecyclePolicies: nav,
    onPremisesSyncBehavior: { type: 'object', ret: 'nav' },
  },
};
