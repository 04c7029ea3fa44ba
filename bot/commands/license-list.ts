import type { Intent } from '../language';
import { listSkus, skuDisplayName } from '../directory/licenses';
import { getGroupDetails } from '../directory/groups-read';
import { buildLicensesCard } from '../../cards/licenses-card';
import type { LicenseSummary } from '../../cards/view-models';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { oneGroup } from './group-target';
import { groupRef } from './views';

/** "list licenses" (the tenant's subscriptions) or "licenses of Marketing" (assigned to the group). Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  let skus;
  try {
    skus = await listSkus(ctx.graph);
  } catch (err) {
    return say(errorText(err, { action: 'read the licences of', groupName: 'your organisation' }));
  }
  const summary = (s: (typeof skus)[number]): LicenseSummary => ({
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    displayName: skuDisplayName(s.skuPartNumber),
    consumed: s.consumed,
    enabled: s.enabled,
  });
  if (!intent.groups?.length) {
    const text = skus.length
      ? `Your organisation's licences: ${skus.map((s) => `${skuDisplayName(s.skuPartNumber)} (${s.consumed} of ${s.enabled} in use)`).join('; ')}.`
      : 'Your organisation has no licences.';
    return outcome(reply(text, buildLicensesCard({ scope: { kind: 'tenant' }, licenses: skus.map(summary) })));
  }
  const t = await oneGroup(intent, ctx, 'to list its licences', 'licenses of Marketing');
  if (!t.ok) return t.outcome;
  let assigned;
  try {
    assigned = (await getGroupDetails(ctx.graph, t.group.id)).assignedLicenses;
  } catch (err) {
    return say(errorText(err, { groupName: t.group.displayName, action: 'see' }));
  }
  const byId = new Map(skus.map((s) => [s.skuId, s]));
  const list: LicenseSummary[] = assigned.map((a) => {
    const s = byId.get(a.skuId);
    return s ? summary(s) : { skuId: a.skuId, skuPartNumber: a.skuId };
  });
  const text = list.length
    ? `'${t.group.displayName}' gives its members: ${list.map((l) => l.displayName ?? l.skuPartNumber).join(', ')}.`
    : `'${t.group.displayName}' has no licences assigned.`;
  return outcome(
    reply(text, buildLicensesCard({ scope: { kind: 'group', group: groupRef(t.group) }, licenses: list })),
  );
}
