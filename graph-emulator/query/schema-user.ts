import type { EntitySchema, FilterSupport, PropertySpec } from './schema-types';

const text = (
  ret: PropertySpec['ret'],
  filter?: FilterSupport,
  extra: Omit<PropertySpec, 'type' | 'ret' | 'filter'> = {},
): PropertySpec => (filter ? { type: 'string', ret, filter, ...extra } : { type: 'string', ret, ...extra });
/** eq/in/startsWith by default, eq null in advanced mode: the common case for user string properties. */
const eqStarts: FilterSupport = { eq: 'D', startsWith: 'D', eqNull: 'A' };
const advancedText: FilterSupport = { eq: 'A', startsWith: 'A', eqNull: 'A' };

function extensionAttributes(): Record<string, PropertySpec> {
  const out: Record<string, PropertySpec> = {};
  for (let i = 1; i <= 15; i++) {
    out[`onPremisesExtensionAttributes/extensionAttribute${i}`] = text('N', advancedText);
  }
  return out;
}

/**
 * The user entity. The default shape is Graph's (businessPhones … userPrincipalName, id); everything else
 * needs `$select`. Filter support follows the user resource page where it is explicit (endsWith, ne, not and
 * eq-null advanced only; extension attributes, companyName and employeeHireDate advanced only); where the
 * docs are unclear the clause is allowed by default (noted in the report).
 */
export const userSchema: EntitySchema = {
  typeName: 'microsoft.graph.user',
  resource: 'User',
  properties: {
    businessPhones: { type: 'stringCollection', ret: 'D', filter: { any: 'D', anyStartsWith: 'D' } },
    displayName: text('D', { eq: 'D', startsWith: 'D', range: 'D', eqNull: 'A' }, { orderby: 'D', search: 'words' }),
    givenName: text('D', { eq: 'D', startsWith: 'D', range: 'D', eqNull: 'A' }, { orderby: 'A', search: 'prefix' }),
    jobTitle: text('D', eqStarts, { search: 'prefix' }),
    mail: text('D', { eq: 'D', startsWith: 'D', endsWith: 'A', eqNull: 'A' }, { orderby: 'A', search: 'prefix' }),
    mobilePhone: text('D', eqStarts),
    officeLocation: text('D', eqStarts),
    preferredLanguage: text('D', { eq: 'D', eqNull: 'A' }),
    surname: text('D', { eq: 'D', startsWith: 'D', range: 'D', eqNull: 'A' }, { orderby: 'A', search: 'prefix' }),
    userPrincipalName: text('D', { eq: 'D', startsWith: 'D', endsWith: 'A' }, { orderby: 'D', search: 'prefix' }),
    id: { type: 'guid', ret: 'D', filter: { eq: 'D' } },
    // $select only
    accountEnabled: { type: 'boolean', ret: 'S', filter: { eq: 'D', eqNull: 'A' } },
    ageGroup: text('S', { eq: 'A' }),
    assignedLicenses: { type: 'licenseCollection', ret: 'S', filter: { any: 'D', countZero: 'A' } },
    assignedPlans: { type: 'collection', ret: 'S' },
    city: text('S', eqStarts),
    companyName: text('S', advancedText),
    country: text('S', eqStarts),
    createdDateTime: { type: 'datetime', ret: 'S', filter: { range: 'A', eqNull: 'A' }, orderby: 'A' },
    creationType: text('S', { eq: 'A' }),
    deletedDateTime: { type: 'datetime', ret: 'S', filter: { range: 'A' }, orderby: 'A' },
    department: text('S', eqStarts, { search: 'prefix' }),
    employeeHireDate: { type: 'datetime', ret: 'S', filter: { eq: 'A', range: 'A' } },
    employeeId: text('S', eqStarts, { search: 'prefix' }),
    employeeType: text('S', { eq: 'A', startsWith: 'A' }),
    externalUserState: text('S', { eq: 'A' }),
    faxNumber: text('S', eqStarts),
    identities: { type: 'collection', ret: 'S' },
    imAddresses: { type: 'stringCollection', ret: 'S', filter: { any: 'D', anyStartsWith: 'D' } },
    licenseAssignmentStates: { type: 'collection', ret: 'S' },
    mailNickname: text('S', eqStarts, { search: 'prefix' }),
    onPremisesDistinguishedName: text('S'),
    onPremisesDomainName: text('S'),
    onPremisesExtensionAttributes: { type: 'object', ret: 'S' },
    onPremisesImmutableId: text('S', { eq: 'D' }),
    onPremisesLastSyncDateTime: { type: 'datetime', ret: 'S', filter: { range: 'D' } },
    onPremisesSamAccountName: text('S', { eq: 'D', startsWith: 'D' }),
    onPremisesSecurityIdentifier: text('S', { eq: 'D' }),
    onPremisesSyncEnabled: { type: 'boolean', ret: 'S', filter: { eq: 'D', eqNull: 'A' } },
    onPremisesUserPrincipalName: text('S', { eq: 'D', startsWith: 'D' }),
    otherMails: {
      type: 'stringCollection',
      ret: 'S',
      filter: { any: 'D', anyStartsWith: 'D', anyEndsWith: 'A', countZero: 'A' },
    },
    passwordPolicies: text('S', { eq: 'A' }),
    postalCode: text('S', eqStarts),
    preferredDataLocation: text('S'),
    proxyAddresses: {
      type: 'stringCollection',
      ret: 'S',
      filter: { any: 'D', anyStartsWith: 'D', anyEndsWith: 'A', countZero: 'A' },
      search: 'prefix',
    },
    securityIdentifier: text('S', { eq: 'D', startsWith: 'D' }),
    showInAddressList: { type: 'boolean', ret: 'S', filter: { eq: 'D' } },
    signInSessionsValidFromDateTime: { type: 'datetime', ret: 'S' },
    state: text('S', eqStarts),
    streetAddress: text('S', eqStarts),
    usageLocation: text('S', eqStarts),
    userType: text('S', { eq: 'D', eqNull: 'A' }),
    authorizationInfo: { type: 'object', ret: 'S' },
    consentProvidedForMinor: text('S', { eq: 'A' }),
    customSecurityAttributes: { type: 'object', ret: 'S' },
    deviceEnrollmentLimit: { type: 'number', ret: 'S' },
    employeeLeaveDateTime: { type: 'datetime', ret: 'S', filter: { range: 'A' } },
    employeeOrgData: { type: 'object', ret: 'S' },
    externalUserStateChangeDateTime: { type: 'datetime', ret: 'S', filter: { range: 'A' } },
    identityParentId: text('S'),
    isManagementRestricted: { type: 'boolean', ret: 'S' },
    isResourceAccount: { type: 'boolean', ret: 'S' },
    lastPasswordChangeDateTime: { type: 'datetime', ret: 'S' },
    legalAgeGroupClassification: text('S'),
    onPremisesProvisioningErrors: { type: 'collection', ret: 'S' },
    passwordProfile: { type: 'object', ret: 'S' },
    print: { type: 'object', ret: 'S' },
    provisionedPlans: { type: 'collection', ret: 'S' },
    serviceProvisioningErrors: { type: 'collection', ret: 'S' },
    signInActivity: { type: 'object', ret: 'S' },
    // $select only on GET /users/{id} (profile and mailbox data stored outside the directory)
    aboutMe: text('G'),
    birthday: { type: 'datetime', ret: 'G' },
    hireDate: { type: 'datetime', ret: 'G' },
    interests: { type: 'stringCollection', ret: 'G' },
    mailboxSettings: { type: 'object', ret: 'G' },
    mySite: text('G'),
    pastProjects: { type: 'stringCollection', ret: 'G' },
    preferredName: text('G'),
    responsibilities: { type: 'stringCollection', ret: 'G' },
    schools: { type: 'stringCollection', ret: 'G' },
    skills: { type: 'stringCollection', ret: 'G' },
    // navigation properties ($expand)
    manager: { type: 'object', ret: 'nav' },
    directReports: { type: 'collection', ret: 'nav' },
    memberOf: { type: 'collection', ret: 'nav' },
    transitiveMemberOf: { type: 'collection', ret: 'nav' },
    ownedObjects: { type: 'collection', ret: 'nav' },
    registeredDevices: { type: 'collection', ret: 'nav' },
  },
  paths: extensionAttributes(),
};
