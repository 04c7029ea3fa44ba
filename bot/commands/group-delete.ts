import type { Intent } from '../language';
import { deleteGroup } from '../directory/groups-write';
import { readDeleteFacts } from '../directory/delete-lookahead';
import { groupKind, isDynamic, isReadOnlyKind, type DirectoryGroup } from '../directory/types';
import { plainTime } from '../../cards/card-time';
import { previewDelete, RESTORE_DAYS } from './delete-preview';
import { DomainError } from '../directory/errors';
import { buildGroupDeletedCard } from '../../cards/group-deleted-card';
import type { CommandContext, Outcome } from './context';
import { failureReply } from './ask-owners';
import { askToConfirm, isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { oneGroup } from './group-target';
import type { Resolved } from './resolve-step';
import { groupRef, toGroupSummary } from './views';
import { kindLabel } from '../../graph-model/group-kind';
import { groupDeleted, groupOf } from '../journal/change-records';
import { journalChange, journalFailure } from './record-step';
import { forgetRecentGroup } from './recent-groups';

export { RESTORE_DAYS };

/**
 * "delete group X": a confirmation that says what goes with it (members, owners, licences, and for Microsoft
 * 365 groups the team, site and mailbox), what members lose while it is deleted and until when it can be
 * restored (read in one `$batch`), then DELETE, then a card with Restore. Distribution lists and mail-enabled
 * security groups are refused as read-only. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const t = await oneGroup(intent, ctx, 'to delete', 'delete group Project Falcon');
  if (!t.ok) return t.outcome;
  const refusal = readOnlyRefusal(t.group);
  if (refusal) return refusal;
  if (!isConfirmed(ctx)) return lookAheadAndConfirm(ctx, t.group, t.resolved);
  return deleteAndReport(ctx, t.group);
}

/** Distribution lists and mail-enabled security groups cannot be deleted through Graph: the refusal, or null. */
function readOnlyRefusal(g: DirectoryGroup): Outcome | null {
  const kind = groupKind(g);
  if (!isReadOnlyKind(kind)) return null;
  return say(
    errorText(new DomainError('readOnlyGroup', 'read-only'), {
      groupName: g.displayName,
      readOnlyKind: kind as 'distribution' | 'mailEnabledSecurity',
    }),
  );
}

/**
 * Reads what goes with the group (one `$batch`) and asks to confirm; a group that cannot be restored (synced from
 * on-premises) says so and continues as a permanent delete. Throws what the pending store throws.
 */
async function lookAheadAndConfirm(ctx: CommandContext, g: DirectoryGroup, resolved: Resolved): Promise<Outcome> {
  let preview;
  try {
    const facts = await readDeleteFacts(ctx.graph, g.id);
    preview = previewDelete({ name: g.displayName, kind: groupKind(g), dynamic: isDynamic(g), facts, now: ctx.now() });
  } catch (err) {
    return outcome(failureReply(err, { action: 'delete' }, groupRef(g)));
  }
  return askToConfirm(ctx, { ...resolved.intent, groups: [g.id] }, resolved.snapshot, {
    title: `Delete '${g.displayName}'`,
    facts: [
      { title: 'Kind', value: kindLabel(g) },
      ...(g.mail ? [{ title: 'Mail', value: g.mail }] : []),
      ...(preview.restorableUntil
        ? [{ title: 'Restorable until', value: plainTime(preview.restorableUntil) }]
        : [{ title: 'Restorable', value: 'No' }]),
    ],
    consequence: `${preview.goes.length ? `With it go ${preview.goes.join('; ')}. ` : ''}${preview.restore}`,
    warnings: preview.warnings,
    confirmLabel: 'Delete',
    destructive: true,
    ...(preview.restorableUntil
      ? {}
      : { continuation: { kind: 'groupDelete', snapshot: resolved.snapshot, permanent: true } }),
  });
}

/** Deletes the group, journals it, forgets it as recent, and answers with the deleted card. Never throws. */
async function deleteAndReport(ctx: CommandContext, g: DirectoryGroup): Promise<Outcome> {
  try {
    await deleteGroup(ctx.graph, g.id);
  } catch (err) {
    await journalFailure(ctx, 'group.delete', groupOf(g), err);
    return outcome(failureReply(err, { action: 'delete' }, groupRef(g)));
  }
  await journalChange(ctx, groupDeleted(g));
  await forgetRecentGroup(ctx, g.id);
  const deletedAt = ctx.now().toISOString();
  if (ctx.continuation?.kind === 'groupDelete' && ctx.continuation.permanent) {
    return outcome(
      reply(
        `Deleted '${g.displayName}' permanently: it was synced from on-premises Active Directory, so it cannot be restored here.`,
        buildGroupDeletedCard({ group: toGroupSummary(g), deletedAt }),
      ),
    );
  }
  const until = new Date(Date.parse(deletedAt) + RESTORE_DAYS * 86_400_000).toISOString();
  return outcome(
    reply(
      `Deleted '${g.displayName}'. It can be restored until ${plainTime(until)}: say "restore ${g.displayName}" or choose Restore.`,
      buildGroupDeletedCard({ group: toGroupSummary(g), deletedAt, restorableUntil: until }),
    ),
  );
}
