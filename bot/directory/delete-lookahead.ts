/**
 * What deleting a group takes with it, read in one `$batch` before asking: the group (synced or cloud, team,
 * licences), how many members it has, directly and through nested groups, its owners and the tenant's SKUs
 * (to name its licences as the tenant shows them).
 */
import type { BatchResult, GraphSession } from './graph-session';
import { stepError } from './graph-session';
import { mapGraphError } from './errors';
import { skuDisplayName } from './licenses';
import { step } from './resources/request';
import { getGroup } from './resources/groups';
import { listOwners } from './resources/group-owners';
import { countMembers, countTransitiveUsers } from './resources/group-members';
import { subscribedSkus } from './resources/tenant';

export interface DeleteFacts {
  onPremisesSyncEnabled: boolean | null;
  hasTeam: boolean;
  memberCount: number | null;
  transitiveUserCount: number | null;
  ownerNames: string[];
  /** Licence names the group assigns ("Office 365 E5"). */
  licenseNames: string[];
}

function count(r: BatchResult | undefined): number | null {
  if (!r || r.status >= 400) return null;
  const n = Number(typeof r.body === 'string' ? r.body.trim() : r.body);
  return Number.isFinite(n) ? n : null;
}

/** Reads the delete facts of a group in one `$batch` request. Throws DomainError when the group cannot be read. */
export async function readDeleteFacts(session: GraphSession, groupId: string): Promise<DeleteFacts> {
  const [g, members, people, owners, skus] = await session.batch([
    step('g', getGroup(groupId, { $select: 'id,onPremisesSyncEnabled,resourceProvisioningOptions,assignedLicenses' })),
    step('m', countMembers(groupId)),
    step('t', countTransitiveUsers(groupId)),
    step('o', listOwners(groupId, { $select: 'id,displayName', $top: 100 })),
    step('s', subscribedSkus()),
  ]);
  if (!g || g.status >= 400)
    throw mapGraphError(g ? stepError(g) : { statusCode: 500, message: 'No answer for the group.' }, {
      operation: 'read',
    });
  const body = g.body as {
    onPremisesSyncEnabled?: boolean | null;
    resourceProvisioningOptions?: string[];
    assignedLicenses?: { skuId?: string }[];
  };
  const skuList =
    skus && skus.status < 400
      ? ((skus.body as { value?: { skuId: string; skuPartNumber: string }[] }).value ?? [])
      : [];
  const ownerList =
    owners && owners.status < 400
      ? ((owners.body as { value?: { displayName?: string | null; id: string }[] }).value ?? [])
      : [];
  return {
    onPremisesSyncEnabled: body.onPremisesSyncEnabled ?? null,
    hasTeam: Array.isArray(body.resourceProvisioningOptions) && body.resourceProvisioningOptions.includes('Team'),
    memberCount: count(members),
    transitiveUserCount: count(people),
    ownerNames: ownerList.map((o) => o.displayName ?? o.id),
    licenseNames: (body.assignedLicenses ?? []).map((l) => {
      const sku = skuList.find((s) => s.skuId === l.skuId);
      return sku ? skuDisplayName(sku.skuPartNumber) : 'a licence';
    }),
  };
}
