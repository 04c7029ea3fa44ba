import { GraphSession } from './graph-session';
import type { SubscribedSku } from './types';
import { fold } from './name-match';
import { assignLicense, getGroup } from './resources/groups';
import { subscribedSkus } from './resources/tenant';

interface RawSku {
  skuId: string;
  skuPartNumber: string;
  consumedUnits?: number;
  prepaidUnits?: { enabled?: number };
}

/** Friendly names for common SKU part numbers, so people can say "E5" or "Office 365 E5". */
export const SKU_NAMES: Record<string, string> = {
  ENTERPRISEPREMIUM: 'Office 365 E5',
  ENTERPRISEPACK: 'Office 365 E3',
  SPE_E3: 'Microsoft 365 E3',
  SPE_E5: 'Microsoft 365 E5',
  EMS: 'Enterprise Mobility + Security E3',
  EMSPREMIUM: 'Enterprise Mobility + Security E5',
  POWER_BI_PRO: 'Power BI Pro',
  FLOW_FREE: 'Power Automate Free',
  AAD_PREMIUM: 'Microsoft Entra ID P1',
  AAD_PREMIUM_P2: 'Microsoft Entra ID P2',
  TEAMS_EXPLORATORY: 'Teams Exploratory',
};

export function skuDisplayName(partNumber: string): string {
  return SKU_NAMES[partNumber] ?? partNumber;
}

/** The tenant's SKUs (one page; docs/graph-behaviour.md, Licensing). Throws DomainError. */
export async function listSkus(session: GraphSession): Promise<SubscribedSku[]> {
  const body = await session.send<{ value?: RawSku[] }>(subscribedSkus(), { operation: 'license' });
  return (body.value ?? []).map((s) => ({
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    enabled: s.prepaidUnits?.enabled ?? 0,
    consumed: s.consumedUnits ?? 0,
  }));
}

/** Finds the SKU a person named ("E5", "Office 365 E5", "ENTERPRISEPREMIUM", a skuId); [] or several when unclear. */
export function matchSku(skus: SubscribedSku[], words: string): SubscribedSku[] {
  const q = fold(words)
    .replace(/\blicen[cs]es?\b/g, '')
    .trim();
  const exact = skus.filter(
    (s) => fold(s.skuId) === q || fold(s.skuPartNumber) === q || fold(skuDisplayName(s.skuPartNumber)) === q,
  );
  if (exact.length) return exact;
  return skus.filter((s) => {
    const name = fold(skuDisplayName(s.skuPartNumber));
    return name.endsWith(` ${q}`) || name.includes(q) || fold(s.skuPartNumber).includes(q.replace(/\s+/g, ''));
  });
}

/** Assigns or removes a licence on a group (202 Accepted; members inherit it). Throws DomainError. */
export async function setGroupLicense(
  session: GraphSession,
  groupId: string,
  skuId: string,
  op: 'add' | 'remove',
): Promise<void> {
  await session.send(assignLicense(groupId, skuId, op === 'add' ? { disabledPlans: [] } : null), {
    operation: 'license',
  });
}

/** One licence as a group carries it. */
export interface GroupLicense {
  skuId: string;
  disabledPlans: string[];
}

/** The licences assigned to a group (`$select=assignedLicenses`). Throws DomainError. */
export async function groupLicenses(session: GraphSession, groupId: string): Promise<GroupLicense[]> {
  const g = await session.send<{ assignedLicenses?: { skuId?: string; disabledPlans?: string[] }[] }>(
    getGroup(groupId, { $select: 'id,assignedLicenses' }),
    { operation: 'license' },
  );
  return (g.assignedLicenses ?? [])
    .filter((l): l is { skuId: string; disabledPlans?: string[] } => typeof l.skuId === 'string')
    .map((l) => ({ skuId: l.skuId, disabledPlans: Array.isArray(l.disabledPlans) ? l.disabledPlans : [] }));
}
