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

export interface AssignedLicense {
  skuId: string;
  disabledPlans: string[];
}

export interface LicenseAssignmentState {
  assignedByGroup: string | null;
  skuId: string;
  disabledPlans: string[];
  lastUpdatedDateTime: string;
  state: 'Active' | 'ActiveWithError' | 'Disabled' | 'Error';
  error:
    | 'None'
    | 'CountViolation'
    | 'MutuallyExclusiveViolation'
    | 'DependencyViolation'
    | 'ProhibitedInUsageLocationViolation'
    | 'UniquenessViolation'
    | 'Other'
    | null;
}

/** A subscribed SKU (`GET /subscribedSkus` item) without the computed consumedUnits. */
export interface SkuObject extends GraphObject {
  skuId: string;
  skuPartNumber: string;
  prepaidUnits: { enabled: number; suspended: number; warning: number; lockedOut: number };
}

/** Relationship kinds stored as links: group→member, group→owner, user→manager. */
export type LinkRel = 'member' | 'owner' | 'manager';

/** Group kinds and their predicates: one module shared with the bot (docs/graph-behaviour.md, Kinds of group). */
export { groupKind, isDynamic, isReadOnlyGroup, type GroupKind } from '../../graph-model/group-kind';
