/**
 * Validation of group properties in create and PATCH bodies (docs/graph-behaviour.md: Properties, Creating a group, Updating): which names are
 * writable, read-only (E12), Exchange-only, or unknown; mailNickname rules (E9); visibility and rule values.
 */
import { E } from '../http/graph-error';
import type { RuleEngine } from '../directory/rule-engine';

export const WRITABLE = new Set([
  'displayName',
  'description',
  'mailNickname',
  'mailEnabled',
  'securityEnabled',
  'groupTypes',
  'visibility',
  'isAssignableToRole',
  'membershipRule',
  'membershipRuleProcessingState',
  'classification',
  'preferredDataLocation',
  'preferredLanguage',
  'theme',
  'resourceBehaviorOptions',
  'resourceProvisioningOptions',
]);
export const READ_ONLY = new Set([
  'id',
  'mail',
  'proxyAddresses',
  'createdDateTime',
  'renewedDateTime',
  'expirationDateTime',
  'deletedDateTime',
  'securityIdentifier',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'onPremisesNetBiosName',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'onPremisesProvisioningErrors',
  'serviceProvisioningErrors',
  'assignedLicenses',
  'assignedLabels',
  'licenseProcessingState',
  'creationOptions',
  'isManagementRestricted',
  'hasMembersWithLicenseErrors',
  'uniqueName',
]);
export const EXCHANGE = new Set([
  'allowExternalSenders',
  'autoSubscribeNewMembers',
  'hideFromAddressLists',
  'hideFromOutlookClients',
  'isSubscribedByMail',
  'unseenCount',
  'unseenConversationsCount',
  'unseenMessagesCount',
  'isFavorite',
  'accessType',
]);
export const BINDS = new Set(['owners@odata.bind', 'members@odata.bind']);

const NICKNAME_FORBIDDEN = /[@()\\[\]";:<>, ]/;

/** Throws E9 when a mailNickname breaks Graph's rules. */
export function checkNickname(value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.length < 1 ||
    value.length > 64 ||
    /[^\x00-\x7f]/.test(value) ||
    NICKNAME_FORBIDDEN.test(value)
  ) {
    throw E.invalidValue('mailNickname');
  }
  return value;
}

/** Throws a Graph 400 when displayName is not a 1-256 character string. */
export function checkDisplayName(value: unknown): string {
  if (typeof value !== 'string' || !value.trim() || value.length > 256) throw E.invalidValue('displayName');
  return value;
}

/** Normalised visibility (Public, Private, HiddenMembership). Throws a Graph 400 for other values. */
export function normaliseVisibility(value: unknown): string | null {
  if (value === null) return null;
  const v =
    typeof value === 'string'
      ? ['Public', 'Private', 'HiddenMembership'].find((x) => x.toLowerCase() === value.toLowerCase())
      : undefined;
  if (!v) throw E.invalidValue('visibility');
  return v;
}

/** Normalised processing state (On, Paused). Throws a Graph 400 for other values. */
export function normaliseRuleState(value: unknown): 'On' | 'Paused' {
  const v =
    typeof value === 'string'
      ? (['On', 'Paused'] as const).find((x) => x.toLowerCase() === value.toLowerCase())
      : undefined;
  if (!v) throw E.invalidValue('membershipRuleProcessingState');
  return v;
}

/** Validates a membership rule with the rule engine. Throws 400 Request_BadRequest naming the rule error. */
export function checkRule(rules: RuleEngine, value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw E.invalidValue('membershipRule');
  const check = rules.check(value);
  if (!check.valid) {
    throw E.badRequest(
      `Invalid value specified for property 'membershipRule' of resource 'Group': ${check.error} (at column ${check.column}).`,
    );
  }
  return value;
}

/** Optional string-or-null property. Throws a Graph 400 for other types. */
export function optionalString(name: string, value: unknown): string | null {
  if (value === null || typeof value === 'string') return value;
  throw E.invalidValue(name);
}

/** groupTypes as a validated array (only Unified and DynamicMembership). Throws a Graph 400 otherwise. */
export function checkGroupTypes(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((t) => typeof t !== 'string')) throw E.invalidValue('groupTypes');
  const out: string[] = [];
  for (const t of value as string[]) {
    const canon = ['Unified', 'DynamicMembership'].find((x) => x.toLowerCase() === t.toLowerCase());
    if (!canon) throw E.invalidValue('groupTypes');
    if (!out.includes(canon)) out.push(canon);
  }
  return out;
}

/**
 * Classifies every body key; throws E12 for read-only ones and the unknown-property 400 for names Graph
 * does not declare. `allowExchange` lets Exchange-stored names through (PATCH only).
 */
export function checkBodyKeys(body: Record<string, unknown>, allowExchange: boolean): void {
  for (const key of Object.keys(body)) {
    if (WRITABLE.has(key) || BINDS.has(key) || key === '@odata.type') continue;
    if (READ_ONLY.has(key)) throw E.readOnlyProperty(key);
    if (EXCHANGE.has(key)) {
      if (allowExchange) continue;
      throw E.badRequest(
        `Property '${key}' is stored in Exchange and cannot be set when a group is created; set it with a PATCH of its own.`,
      );
    }
    throw E.badRequest(`Property '${key}' does not exist as a declared property or extension property.`);
  }
}
