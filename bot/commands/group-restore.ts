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

/** "restore Old Project Phoenix": find it among deleted groups, confirm, restore. Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const phrase = intent.groups?.[0]?.trim();
  if (!phrase)
    return say(
      'Which deleted group? For example: "restore Old Project Phoenix". Say "show deleted groups" to see them.',
    );
  const snapshot = snapshotOf(ctx);
  let group: DirectoryGroup | undefined = isGuid(phrase) ? snapshot.groups[phrase.toLowerCase()] : undefined;
  if (!group) {
    try {
      if (isGuid(phrase)) group = await getDeletedGroup(ctx.graph, phrase);
      else {
        const found = await findDeletedGroups(ctx.graph, phrase);
        const exact = found.filter((g) => g.displayName.toLowerCase() === phrase.toLowerCase());
        const pool = exact.length ? exact : found;
        if (pool.length === 0)
          return say(
            `I couldn't find a deleted group called '${phrase}'. Deleted groups can be restored for 30 days; say "show deleted groups" to see them.`,
          );
        if (pool.length > 1) {
          for (const g of pool) snapshot.groups[g.id] = g;
          const op = await saveChoice(
            ctx,
            { ...intent, groups: [phrase] },
            resolved(snapshot),
            'groups',
            0,
            pool.map((g) => g.id),
          );
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
        group = pool[0];
      }
    } catch (err) {
      return say(errorText(err, { objectName: phrase, action: 'restore' }));
    }
  }
  if (!group) return say(`I couldn't find a deleted group called '${phrase}'.`);
  snapshot.groups[group.id] = group;
  if (!isConfirmed(ctx)) {
    return askToConfirm(ctx, { ...intent, groups: [group.id] }, snapshot, {
      title: `Restore '${group.displayName}'`,
      facts: [
        { title: 'Kind', value: kindLabel(group) },
        ...(group.deletedDateTime
          ? [
              {
                title: 'Deleted',
                value: plainTime(group.deletedDateTime),
              },
            ]
          : []),
      ],
      consequence: 'The group comes back with its members, owners and settings.',
      confirmLabel: 'Restore',
    });
  }
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
