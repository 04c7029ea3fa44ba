/**
 * The properties a dynamic membership rule may reference, with their legacy rule names (what admins write),
 * their value types, and where the value lives in Graph v1.0 JSON (docs/dynamic-rules.md, Properties).
 */

export type RuleTarget = 'user' | 'device';

/** Value shape of a rule property; decides which operators and values are allowed. */
export type PropertyType = 'string' | 'bool' | 'dateTime' | 'stringCollection' | 'planCollection' | 'memberOf';

/** How a property can be filtered on Graph /users with an advanced query. */
export type FilterSupport = 'text' | 'equality' | 'bool' | 'dateTime' | 'collection' | 'none';

export interface PropertyDef {
  readonly target: RuleTarget;
  /** Canonical rule name without the object prefix, e.g. `department`, `extensionAttribute3`. */
  readonly name: string;
  readonly type: PropertyType;
  /** Path into the Graph v1.0 JSON object (a number is an array index). */
  readonly path: readonly (string | number)[];
  /** The `$filter` path on /users, when Graph can filter on it. */
  readonly filterPath?: string;
  readonly filter: FilterSupport;
  /** A caveat the preview must show when the rule uses this property. */
  readonly caveat?: string;
}

/** Graph names people type by mistake, mapped to the rule name they meant. */
const GRAPH_NAME_HINTS: Record<RuleTarget, Record<string, string>> = {
  user: {
    id: 'objectId',
    officelocation: 'physicalDeliveryOfficeName',
    mobilephone: 'mobile',
    faxnumber: 'facsimileTelephoneNumber',
    businessphones: 'telephoneNumber',
    onpremisessyncenabled: 'dirSyncEnabled',
    title: 'jobTitle',
    upn: 'userPrincipalName',
    email: 'mail',
    company: 'companyName',
    manager: 'Direct Reports for "<manager id>"',
    memberof: 'memberOf',
  },
  device: {
    id: 'objectId',
    operatingsystem: 'deviceOSType',
    operatingsystemversion: 'deviceOSVersion',
    physicalids: 'devicePhysicalIds',
    trusttype: 'deviceTrustType',
    manufacturer: 'deviceManufacturer',
    model: 'deviceModel',
    mdmappid: 'deviceManagementAppId',
  },
};

function userCatalog(): PropertyDef[] {
  const defs: PropertyDef[] = [];
  const add = (
    name: string,
    type: PropertyType,
    path: readonly (string | number)[],
    filter: FilterSupport,
    filterPath?: string,
    caveat?: string,
  ): void => {
    defs.push({
      target: 'user',
      name,
      type,
      path,
      filter,
      ...(filterPath !== undefined ? { filterPath } : {}),
      ...(caveat !== undefined ? { caveat } : {}),
    });
  };
  add('accountEnabled', 'bool', ['accountEnabled'], 'bool', 'accountEnabled');
  add('dirSyncEnabled', 'bool', ['onPremisesSyncEnabled'], 'bool', 'onPremisesSyncEnabled');
  add(
    'employeeHireDate',
    'dateTime',
    ['employeeHireDate'],
    'dateTime',
    'employeeHireDate',
    'user.employeeHireDate is a preview property in Entra rules',
  );
  const textFilterable = [
    'city',
    'country',
    'companyName',
    'department',
    'displayName',
    'employeeId',
    'givenName',
    'jobTitle',
    'mail',
    'mailNickname',
    'postalCode',
    'preferredLanguage',
    'state',
    'streetAddress',
    'surname',
    'usageLocation',
    'userPrincipalName',
  ];
  for (const name of textFilterable) add(name, 'string', [name], 'text', name);
  add('onPremisesDistinguishedName', 'string', ['onPremisesDistinguishedName'], 'none');
  add(
    'onPremisesSecurityIdentifier',
    'string',
    ['onPremisesSecurityIdentifier'],
    'equality',
    'onPremisesSecurityIdentifier',
  );
  add('passwordPolicies', 'string', ['passwordPolicies'], 'equality', 'passwordPolicies');
  add('userType', 'string', ['userType'], 'equality', 'userType');
  add('facsimileTelephoneNumber', 'string', ['faxNumber'], 'text', 'faxNumber');
  add('mobile', 'string', ['mobilePhone'], 'text', 'mobilePhone');
  add('telephoneNumber', 'string', ['businessPhones', 0], 'none', undefined);
  add(
    'physicalDeliveryOfficeName',
    'string',
    ['officeLocation'],
    'text',
    'officeLocation',
    'user.physicalDeliveryOfficeName is read from Graph officeLocation (mapping inferred, not documented)',
  );
  add('objectId', 'string', ['id'], 'equality', 'id');
  add(
    'sipProxyAddress',
    'string',
    ['sipProxyAddress'],
    'none',
    undefined,
    'user.sipProxyAddress has no Graph v1.0 equivalent; users without a stored sipProxyAddress count as empty',
  );
  for (let n = 1; n <= 15; n++) {
    add(
      `extensionAttribute${n}`,
      'string',
      ['onPremisesExtensionAttributes', `extensionAttribute${n}`],
      'text',
      `onPremisesExtensionAttributes/extensionAttribute${n}`,
    );
  }
  add('otherMails', 'stringCollection', ['otherMails'], 'collection', 'otherMails');
  add('proxyAddresses', 'stringCollection', ['proxyAddresses'], 'collection', 'proxyAddresses');
  add('assignedPlans', 'planCollection', ['assignedPlans'], 'none');
  add(
    'memberOf',
    'memberOf',
    ['memberOf'],
    'none',
    undefined,
    'memberOf rules are a preview feature; Microsoft recommends against new memberOf groups',
  );
  return defs;
}

function deviceCatalog(): PropertyDef[] {
  const defs: PropertyDef[] = [];
  const add = (name: string, type: PropertyType, path: readonly (string | number)[]): void => {
    defs.push({ target: 'device', name, type, path, filter: 'none' });
  };
  add('accountEnabled', 'bool', ['accountEnabled']);
  add('isRooted', 'bool', ['isRooted']);
  const same = [
    'deviceCategory',
    'deviceId',
    'displayName',
    'deviceOwnership',
    'enrollmentProfileName',
    'managementType',
    'profileType',
  ];
  for (const name of same) add(name, 'string', [name]);
  add('deviceManagementAppId', 'string', ['mdmAppId']);
  add('deviceManufacturer', 'string', ['manufacturer']);
  add('deviceModel', 'string', ['model']);
  add('deviceOSType', 'string', ['operatingSystem']);
  add('deviceOSVersion', 'string', ['operatingSystemVersion']);
  add('deviceTrustType', 'string', ['trustType']);
  add('objectId', 'string', ['id']);
  for (let n = 1; n <= 15; n++)
    add(`extensionAttribute${n}`, 'string', ['extensionAttributes', `extensionAttribute${n}`]);
  add('devicePhysicalIds', 'stringCollection', ['physicalIds']);
  add('systemLabels', 'stringCollection', ['systemLabels']);
  add('memberOf', 'memberOf', ['memberOf']);
  return defs;
}

const CATALOG: Record<RuleTarget, Map<string, PropertyDef>> = {
  user: new Map(userCatalog().map((d) => [d.name.toLowerCase(), d])),
  device: new Map(deviceCatalog().map((d) => [d.name.toLowerCase(), d])),
};

const EXTENSION_PROPERTY = /^extension_([0-9a-f]{32})_([A-Za-z0-9_]+)$/i;

/** Looks a property up by rule name, case-insensitively; directory extensions are synthesised. Never throws. */
export function lookupProperty(target: RuleTarget, name: string): PropertyDef | undefined {
  const known = CATALOG[target].get(name.toLowerCase());
  if (known) return known;
  const ext = EXTENSION_PROPERTY.exec(name);
  if (ext && ext[1] && ext[2]) {
    const canonical = `extension_${ext[1].toLowerCase()}_${ext[2]}`;
    return {
      target,
      name: canonical,
      type: 'string',
      path: [canonical],
      filter: target === 'user' ? 'text' : 'none',
      ...(target === 'user' ? { filterPath: canonical } : {}),
    };
  }
  return undefined;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/**
 * Suggests the property a person probably meant (`departmnt` → `department`, Graph `officeLocation` →
 * `physicalDeliveryOfficeName`), or undefined when nothing is close. Never throws.
 */
export function suggestProperty(target: RuleTarget, name: string): string | undefined {
  const lower = name.toLowerCase();
  const hint = GRAPH_NAME_HINTS[target][lower];
  if (hint) return hint.startsWith('Direct') ? hint : `${target}.${hint}`;
  if (/^extensionattribute\d+$/.test(lower)) return `${target}.extensionAttribute1 … ${target}.extensionAttribute15`;
  if (lower.startsWith('extension_')) return `${target}.extension_<app id without dashes, 32 hex digits>_<name>`;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const def of CATALOG[target].values()) {
    const d = editDistance(lower, def.name.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = def.name;
    }
  }
  const limit = Math.max(2, Math.floor(lower.length / 4));
  return best !== undefined && bestDistance <= limit ? `${target}.${best}` : undefined;
}
