import type { Intent } from '../language';
import { listSkus, matchSku, setGroupLicense, skuDisplayName } from '../directory/licenses';
import type { CommandContext, Outcome } from './context';
import { failureReply } from './ask-owners';
import { askToConfirm, isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { outcome, say } from './reply';
import { oneGroup } from './group-target';
import type { Resolved } from './resolve-step';
import { groupRef } from './views';
import { groupOf, licenseChanged } from '../journal/change-records';
import { readPreviousLicense } from '../directory/license-state';
import { journalChange, journalFailure } from './record-step';
import { outcomeReply } from './undo-reply';
import { readSeatsNeeded } from '../directory/license-seats';
import type { DirectoryGroup, SubscribedSku } from '../directory/types';
import { nestedGroupsNote, seatsFact, seatsWarning } from './license-seats-text';
import { checkAnnouncement } from '../licences/license-check-text';
import { logOf } from '../log';

/**
 * Assigns or removes a licence on a group (group-based licensing): the group, refused unless security-enabled; the
 * licence named by what the user said, matched against subscribedSkus; confirm (with seat figures for an
 * assignment); assignLicense and report. Never throws (except what the pending store throws).
 */
export async function runLicenseChange(intent: Intent, ctx: CommandContext, op: 'add' | 'remove'): Promise<Outcome> {
  const verb = op === 'add' ? 'assign' : 'remove';
  const example = `${verb} the E5 license ${op === 'add' ? 'to' : 'from'} Marketing`;
  if (!intent.license)
    return say(`Which licence should I ${verb}? For example: "${example}". Say "list licenses" to see them.`);
  const t = await oneGroup(intent, ctx, `to ${verb} a licence`, example);
  if (!t.ok) return t.outcome;
  const g = t.group;
  if (!g.securityEnabled)
    return say(
      `'${g.displayName}' is not security-enabled, so it can't carry licences. Use a security group (or a security-enabled Microsoft 365 group).`,
    );
  const found = await findSku(ctx, intent.license);
  if (!found.ok) return found.outcome;
  const change: LicenseChange = { group: g, sku: found.sku, name: skuDisplayName(found.sku.skuPartNumber), op };
  if (!isConfirmed(ctx)) return confirmLicenseChange(ctx, t.resolved, change);
  return changeAndReport(ctx, change);
}

/** The change once its group and licence are known. */
interface LicenseChange {
  group: DirectoryGroup;
  sku: SubscribedSku;
  /** The licence's display name ("Microsoft 365 E5"). */
  name: string;
  op: 'add' | 'remove';
}

/** The one licence of the organisation `license` names, or the sentence saying none or several do. Never throws. */
async function findSku(
  ctx: CommandContext,
  license: string,
): Promise<{ ok: true; sku: SubscribedSku } | { ok: false; outcome: Outcome }> {
  let skus;
  try {
    skus = await listSkus(ctx.graph);
  } catch (err) {
    return {
      ok: false,
      outcome: say(errorText(err, { action: 'read the licences of', groupName: 'your organisation' })),
    };
  }
  const matches = matchSku(skus, license);
  const [sku] = matches;
  if (sku && matches.length === 1) return { ok: true, sku };
  const text = sku
    ? `Several licences match '${license}': ${matches.map((s) => `${skuDisplayName(s.skuPartNumber)} (${s.skuPartNumber})`).join(', ')}. Please say which one.`
    : `I couldn't find a licence called '${license}'. Your organisation has: ${skus.map((s) => skuDisplayName(s.skuPartNumber)).join(', ') || 'no licences'}.`;
  return { ok: false, outcome: say(text) };
}

/** Asks to confirm, with the seats an assignment needs. Throws what the pending store throws. */
async function confirmLicenseChange(ctx: CommandContext, resolved: Resolved, change: LicenseChange): Promise<Outcome> {
  const { group: g, sku, name, op } = change;
  const seats = op === 'add' ? await seatFigures(ctx, g.id, sku, name) : undefined;
  return askToConfirm(ctx, { ...resolved.intent, groups: [g.id], license: sku.skuId }, resolved.snapshot, {
    title: op === 'add' ? `Assign ${name} to '${g.displayName}'` : `Remove ${name} from '${g.displayName}'`,
    facts: [
      { title: 'Licence', value: `${name} (${sku.skuPartNumber})` },
      seats?.fact ?? { title: 'In use', value: `${sku.consumed} of ${sku.enabled}` },
      { title: 'Group', value: g.displayName },
    ],
    ...(seats?.warnings.length ? { warnings: seats.warnings } : {}),
    ...(seats?.notes.length ? { notes: seats.notes } : {}),
    consequence:
      op === 'add'
        ? 'Every member gets this licence, including people who join later; members who leave lose it.'
        : 'Members lose this licence unless they have it from another group or directly.',
    confirmLabel: op === 'add' ? 'Assign' : 'Remove',
    ...(op === 'remove' ? { destructive: true } : {}),
  });
}

/**
 * Assigns or removes the licence, journals it (with what was there before, for Undo) and, for an assignment,
 * schedules the check of who got no licence. Never throws.
 */
async function changeAndReport(ctx: CommandContext, change: LicenseChange): Promise<Outcome> {
  const { group: g, sku, name, op } = change;
  const previous = await readPreviousLicense(ctx.graph, g.id, sku.skuId);
  try {
    await setGroupLicense(ctx.graph, g.id, sku.skuId, op);
  } catch (err) {
    await journalFailure(ctx, op === 'add' ? 'license.assign' : 'license.remove', groupOf(g), err, {
      id: sku.skuId,
      name,
    });
    return outcome(failureReply(err, { action: `${op === 'add' ? 'assign' : 'remove'} licences on` }, groupRef(g)));
  }
  const recorded = await journalChange(ctx, licenseChanged(g, { skuId: sku.skuId, name }, op, previous));
  const check = op === 'add' ? await scheduleCheck(ctx, g, sku.skuId, name) : '';
  return outcome(
    outcomeReply(
      op === 'add'
        ? `Done: ${name} is assigned to '${g.displayName}'. Its members get it as Entra processes the group.${check}`
        : `Done: ${name} is removed from '${g.displayName}'.`,
      recorded,
    ),
  );
}

/**
 * The seat figures of an assignment's confirmation: seats needed against free, the warning when short, a note for
 * nested groups. A failed count leaves the tenant's figures and says so. Never throws.
 */
async function seatFigures(
  ctx: CommandContext,
  groupId: string,
  sku: SubscribedSku,
  name: string,
): Promise<{ fact: { title: string; value: string }; warnings: string[]; notes: string[] }> {
  try {
    const seats = await readSeatsNeeded(ctx.graph, groupId, sku.skuId);
    const warning = seatsWarning(seats, sku, name);
    const nested = nestedGroupsNote(seats);
    return {
      fact: { title: 'Seats', value: seatsFact(seats, sku) },
      warnings: warning ? [warning] : [],
      notes: nested ? [nested] : [],
    };
  } catch (err) {
    logOf(ctx).warn('license.seats.unreadable', { groupId, error: err });
    return {
      fact: { title: 'In use', value: `${sku.consumed} of ${sku.enabled}` },
      warnings: [],
      notes: ["I couldn't count the members who would take a seat, so this shows the organisation's figures only."],
    };
  }
}

/**
 * Schedules the check of the group's licence errors, to tell the asker here who got no licence; the sentence
 * that says so, or '' when no check can be scheduled (no store, no conversation). Never throws.
 */
async function scheduleCheck(
  ctx: CommandContext,
  g: { id: string; displayName: string },
  skuId: string,
  skuName: string,
): Promise<string> {
  const checks = ctx.licenceChecks;
  const conversationId = ctx.conversation?.id;
  if (!conversationId) return '';
  try {
    await checks.schedule(
      {
        groupId: g.id,
        groupName: g.displayName,
        skuId,
        skuName,
        askerId: ctx.actor.id,
        askerName: ctx.actor.displayName,
        conversationId,
      },
      ctx.now(),
    );
    return ` ${checkAnnouncement(checks.delaySeconds)}`;
  } catch (err) {
    logOf(ctx).warn('license.check.unscheduled', { groupId: g.id, error: err });
    return '';
  }
}
