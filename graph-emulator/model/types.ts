/**
 * The emulator's directory objects, held as Graph v1.0 JSON property bags (what the wire shows), plus the
 * few relationships kept beside them (members, owners, manager) and directory role assignments.
 */

/** A Graph JSON object; every emulator record is one of these with at least `id`. */
export type GraphObject = Record<string, unknown> & { id: string };

/** A user as Graph v1.0 shows it (all properties, default and `$select`-only). */
export interface UserObject extends GraphObject {
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  department: string | null;
  assignedLicenses: AssignedLicense[];
  licenseAssignmentStates: LicenseAssignmentState[];
}

/** A group as Graph v1.0 shows it (all properties, default and `$select`-only). */
export interface GroupObject extends GraphObject {
  displayName: string;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  mail: string | null;
  visibility: string | null;
  membershipRule: string | null;
  membershipRuleProcessingState: string | null;
  deletedDateTime: string | null;
  assignedLicenses: AssignedLicense[];
  isAssignableToRole: boolean | null;
}

export interface AssignedLicense { skuId: string; disabledPlans: string[] }

export interface LicenseAssignmentState {
  assignedByGroup: string | null;
  skuId: string;
  disabledPlans: string[];
  lastUpdatedDateTime: string;
  state: 'Active' | 'ActiveWithError' | 'Disabled' | 'Error';
  error: 'None' | 'CountViolation' | 'MutuallyExclusiveViolation' | 'DependencyViolation' | 'ProhibitedInUsageLocationViolation' | 'UniquenessViolation' | 'Other' | null;
}

/** A subscribed SKU (`GET /subscribedSkus` item) without the computed consumedUnits. */
export interface SkuObject extends GraphObject {
  skuId: string;
  skuPartNumber: string;
  prepaidUnits: { enabled: number; suspended: number; warning: number; lockedOut: number };
}

/** Relationship kinds stored as links: group→member, group→owner, user→manager. */
export type LinkRel = 'member' | 'owner' | 'manager';

/** Kind of group, decided by groupTypes + mailEnabled + securityEnabled (contract §2.1). */
export type GroupKind = 'microsoft365' | 'security' | 'mailEnabledSecurity' | 'distribution';

/** The kind of a group (contract §2.1). Never throws. */
export function groupKind(g: Pick<GroupObject, 'groupTypes' | 'mailEnabled' | 'securityEnabled'>): GroupKind {
  if (g.groupTypes.includes('Unified')) return 'microsoft365';
  if (g.mailEnabled && g.securityEnabled) return 'mailEnabledSecurity';
  if (g.mailEnabled) return 'distribution';
  return 'security';
}

/** True for dynamic-membership groups. Never throws. */
export function isDynamic(g: Pick<GroupObject, 'groupTypes'>): boolean {
  return g.groupTypes.includes('DynamicMembership');
}

/** True for kinds Graph cannot write (mail-enabled security groups, distribution lists). Never throws. */
export function isReadOnlyKind(g: GroupObject): boolean {
  const k = groupKind(g);
  return k === 'mailEnabledSecurity' || k === 'distribution';
}
