import { strict as assert } from 'node:assert';
import {
  GraphQueryError,
  planQuery,
  type CollectionKind,
  type EntityKind,
  type QueryPlan,
} from '../../../graph-emulator/query';

export interface PlanOptions {
  entity?: EntityKind;
  collection?: CollectionKind;
  eventual?: boolean;
  countSegment?: boolean;
}

/** Plans a query string (as it arrives on the wire, `+` for spaces allowed). */
export function plan(query: string, opts: PlanOptions = {}): QueryPlan {
  const entity = opts.entity ?? 'group';
  return planQuery({
    entity,
    collection: opts.collection ?? (entity === 'user' ? 'users' : 'groups'),
    params: new URLSearchParams(query),
    consistencyEventual: opts.eventual ?? false,
    isCountSegment: opts.countSegment ?? false,
  });
}

/** Plans in advanced mode (ConsistencyLevel: eventual and $count=true). */
export function advanced(query: string, opts: PlanOptions = {}): QueryPlan {
  return plan(`${query}&$count=true`, { ...opts, eventual: true });
}

/** Asserts that fn throws a GraphQueryError with exactly this status, code and message. */
export function expectQueryError(fn: () => unknown, status: number, code: string, message: string | RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof GraphQueryError, `expected a GraphQueryError, got ${String(thrown)}`);
  assert.equal(thrown.status, status);
  assert.equal(thrown.code, code);
  if (typeof message === 'string') assert.equal(thrown.message, message);
  else assert.match(thrown.message, message);
}

/** Names of the objects a plan's filter (and search) keep, in input order. */
export function matching(p: QueryPlan, objects: Record<string, unknown>[]): string[] {
  return objects
    .filter((o) => (p.filter ? p.filter(o) : true) && (p.search ? p.search(o) : true))
    .map((o) => String(o.displayName));
}

export const unsupportedClause = (p: string, resource = 'Group'): string =>
  `Unsupported or invalid query filter clause specified for property '${p}' of resource '${resource}'.`;

export const advancedOperator = (op: string): string =>
  `Operator '${op}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`;

const SKU_E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const SKU_EMS = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';
export const SKUS = { E3: SKU_E3, EMS: SKU_EMS };

/** A small set of groups shaped like the emulator's stored JSON. */
export const groups: Record<string, unknown>[] = [
  {
    id: '4c5ee71b-e6a5-4343-9e2c-4244bc7e0938',
    displayName: 'OutlookGroup101',
    description: 'Outlook group 101',
    mail: 'outlookgroup101@contoso.com',
    mailNickname: 'outlookgroup101',
    mailEnabled: true,
    securityEnabled: false,
    groupTypes: ['Unified'],
    proxyAddresses: ['SMTP:outlookgroup101@contoso.com', 'smtp:outlookgroup101@contoso.onmicrosoft.com'],
    visibility: 'Public',
    createdDateTime: '2024-03-01T10:00:00Z',
    renewedDateTime: '2025-03-01T10:00:00Z',
    resourceProvisioningOptions: ['Team'],
    assignedLicenses: [],
    membershipRule: null,
    classification: null,
  },
  {
    id: 'f87faa71-57a8-4c14-91f0-517f54645106',
    displayName: 'SecurityGroup101',
    description: 'Security group 101',
    mail: null,
    mailNickname: 'securitygroup101',
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [],
    proxyAddresses: [],
    visibility: null,
    createdDateTime: '2023-06-15T08:30:00Z',
    renewedDateTime: '2023-06-15T08:30:00Z',
    resourceProvisioningOptions: [],
    assignedLicenses: [{ skuId: SKU_E3, disabledPlans: [] }],
    membershipRule: null,
    classification: 'Internal',
  },
  {
    id: '0b1c2d3e-0000-4000-8000-000000000003',
    displayName: "O'Brien Research and Development",
    description: null,
    mail: 'rnd@contoso.com',
    mailNickname: 'rnd',
    mailEnabled: true,
    securityEnabled: true,
    groupTypes: ['Unified', 'DynamicMembership'],
    proxyAddresses: ['SMTP:rnd@contoso.com'],
    visibility: 'Private',
    createdDateTime: '2025-01-20T12:00:00Z',
    renewedDateTime: '2025-01-20T12:00:00Z',
    resourceProvisioningOptions: [],
    assignedLicenses: [{ skuId: SKU_EMS, disabledPlans: [] }],
    membershipRule: 'user.department -eq "Research"',
    classification: null,
  },
  {
    id: '0b1c2d3e-0000-4000-8000-000000000004',
    displayName: 'Équipe Ventes',
    description: 'Sales team for Québec',
    mail: null,
    mailNickname: 'ventes',
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [],
    proxyAddresses: [],
    visibility: 'Private',
    createdDateTime: '2022-11-02T09:00:00Z',
    renewedDateTime: '2022-11-02T09:00:00Z',
    resourceProvisioningOptions: [],
    assignedLicenses: [],
    membershipRule: null,
    classification: null,
  },
];

/** A small set of users shaped like the emulator's stored JSON. */
export const users: Record<string, unknown>[] = [
  {
    id: 'u-megan',
    displayName: 'Megan Bowen',
    givenName: 'Megan',
    surname: 'Bowen',
    mail: 'megan@contoso.com',
    userPrincipalName: 'megan@contoso.com',
    jobTitle: 'Marketing Manager',
    department: 'Marketing',
    city: 'Pittsburgh',
    country: 'United States',
    userType: 'Member',
    accountEnabled: true,
    businessPhones: ['+1 412 555 0109'],
    otherMails: ['megan.bowen@fabrikam.com'],
    proxyAddresses: ['SMTP:megan@contoso.com'],
    onPremisesExtensionAttributes: { extensionAttribute1: 'Contractor' },
    assignedLicenses: [{ skuId: SKU_E3, disabledPlans: [] }],
    companyName: 'Contoso',
    employeeHireDate: '2020-02-01T00:00:00Z',
    preferredLanguage: 'en-US',
  },
  {
    id: 'u-ana',
    displayName: 'Ana Silva',
    givenName: 'Ana',
    surname: 'Silva',
    mail: 'ana@contoso.com',
    userPrincipalName: 'ana@contoso.com',
    jobTitle: 'Designer',
    department: 'Marketing',
    city: 'Lisbon',
    country: 'Portugal',
    userType: 'Member',
    accountEnabled: true,
    businessPhones: [],
    otherMails: [],
    proxyAddresses: ['SMTP:ana@contoso.com'],
    onPremisesExtensionAttributes: { extensionAttribute1: null },
    assignedLicenses: [],
    companyName: 'Contoso',
    employeeHireDate: '2023-09-01T00:00:00Z',
  },
  {
    id: 'u-bob',
    displayName: 'Bob Kelly',
    givenName: 'Bob',
    surname: 'Kelly',
    mail: 'bob@contoso.com',
    userPrincipalName: 'bob@contoso.com',
    jobTitle: 'Engineer',
    department: 'Engineering',
    city: 'Seattle',
    country: 'United States',
    userType: 'Member',
    accountEnabled: false,
    businessPhones: [],
    otherMails: [],
    proxyAddresses: [],
    assignedLicenses: [],
    companyName: null,
  },
  {
    id: 'u-guest',
    displayName: 'Guest Person',
    givenName: null,
    surname: null,
    mail: 'guest@fabrikam.com',
    userPrincipalName: 'guest_fabrikam.com#EXT#@contoso.onmicrosoft.com',
    jobTitle: null,
    department: null,
    city: null,
    userType: 'Guest',
    accountEnabled: true,
    businessPhones: [],
    otherMails: [],
    proxyAddresses: [],
    assignedLicenses: [],
  },
];
