import type { Intent } from '../language';
import { findDeletedGroups, getDeletedGroup, restoreGroup } from '../directory/groups-write';
import { isGuid } from '../directory/odata';
import type { DirectoryGroup } from '../directory/types';
import { buildChoiceCard } from '../../cards/choice-card';
import { plainTime } from '../../cards/card-time';
import type { CommandContext, Outcome } from './context';
import { failureReply } from './ask-owners';
import { askToConfirm, isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { saveChoice } from './pending-ops';
import { outcome, reply, say } from './reply';
import { resolved, snapshotOf } from './continuation';
import { groupRef, toGroupSummary } from './views';
import { kindLabel } from '../../graph-model/group-kind';
import { groupOf, groupRestored } from '../journal/change-records';
import { journalChange, journalFailure, settleReverted } from './record-step';
import { outcomeReply } from './undo-reply';
import type { Snapshot } from './snapshot';

/**
 * "restore Old Project Phoenix": find it among deleted groups (a choice when several match), confirm, restore and
 * report. Never throws (except what the pending store throws).
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const phrase = intent.groups?.[0]?.trim();
  if (!phrase)
    return say(
      'Which deleted group? For example: "restore Old Project Phoenix". Say "show deleted groups" to see them.',
    );
  const snapshot = snapshotOf(ctx);
  const found = await findDeletedGroup(ctx, intent, phrase, snapshot);
  if (!found.ok) return found.outcome;
  const group = found.group;
  snapshot.groups[group.id] = group;
  if (!isConfirmed(ctx)) return confirmRestore(ctx, intent, snapshot, group);
  return restoreAndReport(ctx, group);
}

type Found = { ok: true; group: DirectoryGroup } | { ok: false; outcome: Outcome };

/** The deleted group `phrase` names: by id (snapshot first), else by name; several → a choice. Never throws. */
async function findDeletedGroup(
  ctx: CommandContext,
  intent: Intent,
  phrase: string,
  snapshot: Snapshot,
): Promise<Found> {
  const known = isGuid(phrase) ? snapshot.groups[phrase.toLowerCase()] : undefined;
  if (known) return { ok: true, group: known };
  try {
    if (isGuid(phrase)) return foundOrNot(await getDeletedGroup(ctx.graph, phrase), phrase);
    const found = await findDeletedGroups(ctx.graph, phrase);
    const exact = found.filter((g) => g.displayName.toLowerCase() === phrase.toLowerCase());
    const pool = exact.length ? exact : found;
    if (pool.length === 0)
      return {
        ok: false,
        outcome: say(
          `I couldn't find a deleted group called '${phrase}'. Deleted groups can be restored for 30 days; say "show deleted groups" to see them.`,
        ),
      };
    if (pool.length > 1) return { ok: false, outcome: await askWhichDeleted(ctx, intent, phrase, snapshot, pool) };
    return foundOrNot(pool[0], phrase);
  } catch (err) {
    return { ok: false, outcome: say(errorText(err, { objectName: phrase, action: 'restore' })) };
  }
}

function foundOrNot(group: DirectoryGroup | undefined, phrase: string): Found {
  return group
    ? { ok: true, group }
    : { ok: false, outcome: say(`I couldn't find a deleted group called '${phrase}'.`) };
}

/** Several deleted groups match: a choice card. Throws what the pending store throws. */
async function askWhichDeleted(
  ctx: CommandContext,
  intent: Intent,
  phrase: string,
  snapshot: Snapshot,
  pool: DirectoryGroup[],
): Promise<Outcome> {
  for (const g of pool) snapshot.groups[g.id] = g;
  const ids = pool.map((g) => g.id);
  const op = await saveChoice(ctx, { ...intent, groups: [phrase] }, resolved(snapshot), 'groups', 0, ids);
  return outcome(
    reply(
      `Several deleted groups match '${phrase}': ${pool.map((g) => g.displayName).join(', ')}. Which one?`,
      buildChoiceCard({
        pendingId: op.id,
        slot: 'groups.0',
        searchedName: phrase,
        candidates: pool.map((g) => ({ kind: 'group', group: toGroupSummary(g) })),
        purpose: 'to restore',
      }),
    ),
  );
}

function confirmRestore(
  ctx: CommandContext,
  intent: Intent,
  snapshot: Snapshot,
  group: DirectoryGroup,
): Promise<Outcome> {
  const deleted = group.deletedDateTime ? [{ title: 'Deleted', value: plainTime(group.deletedDateTime) }] : [];
  return askToConfirm(ctx, { ...intent, groups: [group.id] }, snapshot, {
    title: `Restore '${group.displayName}'`,
    facts: [{ title: 'Kind', value: kindLabel(group) }, ...deleted],
    consequence: 'The group comes back with its members, owners and settings.',
    confirmLabel: 'Restore',
  });
}

/** Restores the group, journals it (settling the delete it reverts) and answers with Undo. Never throws. */
async function restoreAndReport(ctx: CommandContext, group: DirectoryGroup): Promise<Outcome> {
  try {
    await restoreGroup(ctx.graph, group.id);
  } catch (err) {
    await journalFailure(ctx, 'group.restore', groupOf(group), err);
    return outcome(failureReply(err, { action: 'restore' }, groupRef(group)));
  }
  await settleReverted(ctx, group.id, 'group.delete');
  const recorded = await journalChange(ctx, groupRestored(group));
  return outcome(outcomeReply(`Restored '${group.displayName}' with its members and owners.`, recorded));
}
