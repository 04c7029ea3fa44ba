import type { Intent } from '../language';
import { listSkus, matchSku, setGroupLicense, skuDisplayName } from '../directory/licenses';
import type { CommandContext, Outcome } from './context';
import { failureReply } from './ask-owners';
import { askToConfirm, isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { outcome, say } from './reply';
import { oneGroup } from './group-target';
import { groupRef } from './views';
import { groupOf, licenseChanged } from '../journal/change-records';
import { readPreviousLicense } from '../directory/license-state';
import { journalChange, journalFailure } from './record-step';
import { outcomeReply } from './undo-reply';

/**
 * Assigns or removes a licence on a group (group-based licensing): the licence named by what the user said,
 * matched against subscribedSkus; confirm; assignLicense. Never throws.
 */
export async function runLicenseChange(intent: Intent, ctx: CommandContext, op: 'add' | 'remove'): Promise<Outcome> {
  const verb = op === 'add' ? 'assign' : 'remove';
  if (!intent.license)
    return say(
      `Which licence should I ${verb}? For example: "${verb} the E5 license ${op === 'add' ? 'to' : 'from'} Marketing". Say "list licenses" to see them.`,
    );
  const t = await oneGroup(
    intent,
    ctx,
    `to ${verb} a licence`,
    `${verb} the E5 license ${op === 'add' ? 'to' : 'from'} Marketing`,
  );
  if (!t.ok) return t.outcome;
  const g = t.group;
  if (!g.securityEnabled)
    return say(
      `'${g.displayName}' is not security-enabled, so it can't carry licences. Use a security group (or a security-enabled Microsoft 365 group).`,
    );
  let skus;
  try {
    skus = await listSkus(ctx.graph);
  } catch (err) {
    return say(errorText(err, { action: 'read the licences of', groupName: 'your organisation' }));
  }
  const matches = matchSku(skus, intent.license);
  if (matches.length === 0)
    return say(
      `I couldn't find a licence called '${intent.license}'. Your organisation has: ${skus.map((s) => skuDisplayName(s.skuPartNumber)).join(', ') || 'no licences'}.`,
    );
  if (matches.length > 1)
    return say(
      `Several licences match '${intent.license}': ${matches.map((s) => `${skuDisplayName(s.skuPartNumber)} (${s.skuPartNumber})`).join(', ')}. Please say which one.`,
    );
  const sku = matches[0] as (typeof matches)[number];
  const name = skuDisplayName(sku.skuPartNumber);
  if (!isConfirmed(ctx)) {
    return askToConfirm(ctx, { ...t.resolved.intent, groups: [g.id], license: sku.skuId }, t.resolved.snapshot, {
      title: op === 'add' ? `Assign ${name} to '${g.displayName}'` : `Remove ${name} from '${g.displayName}'`,
      facts: [
        { title: 'Licence', value: `${name} (${sku.skuPartNumber})` },
        { title: 'In use', value: `${sku.consumed} of ${sku.enabled}` },
        { title: 'Group', value: g.displayName },
      ],
      consequence:
        op === 'add'
          ? 'Every member gets this licence, including people who join later; members who leave lose it.'
          : 'Members lose this licence unless they have it from another group or directly.',
      confirmLabel: op === 'add' ? 'Assign' : 'Remove',
      ...(op === 'remove' ? { destructive: true } : {}),
    });
  }
  const previous = ctx.journal ? await readPreviousLicense(ctx.graph, g.id, sku.skuId) : undefined;
  try {
    await setGroupLicense(ctx.graph, g.id, sku.skuId, op);
  } catch (err) {
    await journalFailure(ctx, op === 'add' ? 'license.assign' : 'license.remove', groupOf(g), err, {
      id: sku.skuId,
      name,
    });
    return outcome(failureReply(err, { action: `${verb} licences on` }, groupRef(g)));
  }
  const recorded = await journalChange(ctx, licenseChanged(g, { skuId: sku.skuId, name }, op, previous));
  return outcome(
    outcomeReply(
      op === 'add'
        ? `Done: ${name} is assigned to '${g.displayName}'. Its members get it as Entra processes the group.`
        : `Done: ${name} is removed from '${g.displayName}'.`,
      recorded,
    ),
  );
}
