/**
 * Builds complete Graph v1.0 user and group property bags with the values the service sets itself
 * (mail, proxyAddresses, visibility, dates, securityIdentifier, nulls).
 */
import { emptyArray } from '../model/shared-values';
import type { GroupKind, GroupObject, UserObject } from '../model/types';

/** `S-1-12-1-a-b-c-d` from a GUID, as Entra derives securityIdentifier. Never throws for a GUID. */
export function securityIdentifier(id: string): string {
  const hex = id.replace(/-/g, '');
  const b = Buffer.from(hex, 'hex');
  // GUID byte order: first three fields little-endian.
  const guidBytes = Buffer.from([b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], ...b.subarray(8)] as number[]);
  const parts = [0, 4, 8, 12].map((o) => guidBytes.readUInt32LE(o));
  return `S-1-12-1-${parts.join('-')}`;
}

/** Adds days to an ISO date. Never throws for valid dates. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Current time as Graph prints it (seconds precision, Z). Never throws. */
export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface GroupInit {
  id: string;
  displayName: string;
  mailNickname: string;
  description?: string | null;
  kind: GroupKind;
  securityEnabled?: boolean;
  dynamic?: boolean;
  membershipRule?: string | null;
  ruleState?: 'On' | 'Paused' | null;
  visibility?: string | null;
  isAssignableToRole?: boolean | null;
  createdDateTime?: string;
  mail?: string | null;
  classification?: string | null;
  preferredDataLocation?: string | null;
  preferredLanguage?: string | null;
  theme?: string | null;
  resourceBehaviorOptions?: string[];
  resourceProvisioningOptions?: string[];
  domain: string;
  initialDomain: string;
  /** Set only under a group lifecycle policy (directory/lifecycle-policy.ts); null otherwise. */
  expirationDateTime?: string | null;
  renewedDateTime?: string;
}

/** A full group property bag. Never throws. */
export function buildGroup(init: GroupInit): GroupObject {
  const created = init.createdDateTime ?? nowIso();
  const unified = init.kind === 'microsoft365';
  const mailEnabled = init.kind !== 'security';
  const securityEnabled =
    init.kind === 'security' || init.kind === 'mailEnabledSecurity'
      ? true
      : init.kind === 'distribution'
        ? false
        : (init.securityEnabled ?? false);
  const mail = mailEnabled ? (init.mail ?? `${init.mailNickname}@${init.domain}`) : null;
  const proxyAddresses = mail ? [`SMTP:${mail}`, `smtp:${init.mailNickname}@${init.initialDomain}`] : [];
  const groupTypes = [...(unified ? ['Unified'] : []), ...(init.dynamic ? ['DynamicMembership'] : [])];
  return {
    id: init.id,
    deletedDateTime: null,
    classification: init.classification ?? null,
    createdDateTime: created,
    creationOptions: emptyArray(),
    description: init.description ?? null,
    displayName: init.displayName,
    expirationDateTime: unified ? (init.expirationDateTime ?? null) : null,
    groupTypes,
    isAssignableToRole: init.isAssignableToRole ?? null,
    isManagementRestricted: null,
    mail,
    mailEnabled,
    mailNickname: init.mailNickname,
    membershipRule: init.dynamic ? (init.membershipRule ?? null) : null,
    membershipRuleProcessingState: init.dynamic ? (init.ruleState ?? 'On') : null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: init.preferredDataLocation ?? null,
    preferredLanguage: init.preferredLanguage ?? null,
    proxyAddresses,
    renewedDateTime: init.renewedDateTime ?? created,
    resourceBehaviorOptions: init.resourceBehaviorOptions ?? emptyArray(),
    resourceProvisioningOptions: init.resourceProvisioningOptions ?? emptyArray(),
    securityEnabled,
    securityIdentifier: securityIdentifier(init.id),
    theme: init.theme ?? null,
    uniqueName: null,
    visibility: init.visibility !== undefined ? init.visibility : unified ? 'Public' : null,
    onPremisesProvisioningErrors: emptyArray(),
    serviceProvisioningErrors: emptyArray(),
    // $select-only
    assignedLabels: emptyArray(),
    assignedLicenses: emptyArray(),
    licenseProcessingState: null,
    onPremisesExtensionAttributes: { extensionAttribute1: null, extensionAttribute2: null, extensionAttribute3: null },
    // GET-by-id only (Exchange-stored), meaningful on Microsoft 365 groups
    allowExternalSenders: unified ? false : null,
    autoSubscribeNewMembers: unified ? false : null,
    hideFromAddressLists: unified ? false : null,
    hideFromOutlookClients: unified ? false : null,
    isSubscribedByMail: unified ? false : null,
    unseenCount: unified ? 0 : null,
  };
}

export interface UserInit {
  id: string;
  upn: string;
  displayName: string;
  givenName?: string | null;
  surname?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  city?: string | null;
  country?: string | null;
  officeLocation?: string | null;
  usageLocation?: string | null;
  mail?: string | null;
  guest?: boolean;
  accountEnabled?: boolean;
  preferredLanguage?: string | null;
  companyName?: string | null;
  employeeId?: string | null;
  createdDateTime?: string;
  mobilePhone?: string | null;
  businessPhones?: string[];
}

/** A full user property bag. Never throws. */
export function buildUser(init: UserInit): UserObject {
  const mail = init.mail !== undefined ? init.mail : init.upn;
  const nick = (mail ?? init.upn).split('@')[0] ?? init.upn;
  return {
    id: init.id,
    businessPhones: init.businessPhones ?? emptyArray(),
    displayName: init.displayName,
    givenName: init.givenName ?? null,
    jobTitle: init.jobTitle ?? null,
    mail,
    mobilePhone: init.mobilePhone ?? null,
    officeLocation: init.officeLocation ?? null,
    preferredLanguage: init.preferredLanguage ?? 'en-US',
    surname: init.surname ?? null,
    userPrincipalName: init.upn,
    accountEnabled: init.accountEnabled ?? true,
    city: init.city ?? null,
    companyName: init.guest ? null : (init.companyName ?? 'Contoso'),
    country: init.country ?? null,
    createdDateTime: init.createdDateTime ?? nowIso(),
    creationType: init.guest ? 'Invitation' : null,
    department: init.department ?? null,
    employeeId: init.employeeId ?? null,
    externalUserState: init.guest ? 'Accepted' : null,
    mailNickname: nick.replace(/[^A-Za-z0-9._-]/g, '_'),
    onPremisesSyncEnabled: null,
    otherMails: emptyArray(),
    // join() builds a flat string (a template literal would keep a two-node cons string per user).
    proxyAddresses: mail && !init.guest ? [['SMTP:', mail].join('')] : emptyArray(),
    usageLocation: init.usageLocation ?? null,
    userType: init.guest ? 'Guest' : 'Member',
    assignedLicenses: emptyArray(),
    licenseAssignmentStates: emptyArray(),
    assignedPlans: emptyArray(),
  };
}
