/**
 * The properties a yes/no question about a group is answered from, in one `$batch`: the group with its role,
 * Teams and sync flags, and the tenant's Group.Unified setting that says whether guests may be added.
 */
import type { GraphSession } from './graph-session';
import { stepError } from './graph-session';
import { mapGraphError } from './errors';
import { GROUP_SELECT, type DirectoryGroup } from './types';
import { step } from './resources/request';
import { getGroup } from './resources/groups';
import { groupSettings } from './resources/tenant';

const GROUP_UNIFIED_TEMPLATE_ID = '62375ab9-6b52-47ed-826b-58e47e0e304b';

/** A group and the extra facts property questions need. */
export interface GroupProperties {
  group: DirectoryGroup;
  isAssignableToRole: boolean | null;
  /** Microsoft 365 group with a Teams team. */
  hasTeam: boolean;
  /** The tenant lets owners add guests to Microsoft 365 groups (Group.Unified AllowToAddGuests); null: unknown. */
  tenantAllowsGuests: boolean | null;
}

interface RawGroup extends DirectoryGroup {
  isAssignableToRole?: boolean | null;
  resourceProvisioningOptions?: string[];
}
interface RawSetting {
  templateId?: string;
  values?: { name?: string; value?: string }[];
}

/** AllowToAddGuests of the Group.Unified settings object (true when none is set: the default). Pure. */
function allowsGuests(settings: RawSetting[]): boolean {
  const unified = settings.find((s) => s.templateId === GROUP_UNIFIED_TEMPLATE_ID);
  const value = unified?.values?.find((v) => v.name === 'AllowToAddGuests')?.value;
  return value === undefined ? true : value.toLowerCase() === 'true';
}

/**
 * Reads the group (live) and the tenant's guest setting. The setting may be unreadable (null then). Throws
 * DomainError (notFound when the group is gone, forbidden).
 */
export async function readGroupProperties(session: GraphSession, groupId: string): Promise<GroupProperties> {
  const [g, s] = await session.batch([
    step('g', getGroup(groupId, { $select: `${GROUP_SELECT},isAssignableToRole,resourceProvisioningOptions` })),
    step('s', groupSettings()),
  ]);
  if (!g || g.status >= 400)
    throw mapGraphError(g ? stepError(g) : { statusCode: 500, message: 'No answer.' }, { operation: 'read' });
  const raw = g.body as RawGroup;
  const settings = s && s.status < 400 ? ((s.body as { value?: RawSetting[] }).value ?? []) : undefined;
  return {
    group: raw,
    isAssignableToRole: raw.isAssignableToRole ?? null,
    hasTeam: Array.isArray(raw.resourceProvisioningOptions) && raw.resourceProvisioningOptions.includes('Team'),
    tenantAllowsGuests: settings ? allowsGuests(settings) : null,
  };
}
