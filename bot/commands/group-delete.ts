import type { Intent } from '../language';
import { deleteGroup } from '../directory/groups-write';
import { getGroupDetails } from '../directory/groups-read';
import { groupKind, isReadOnlyKind } from '../directory/types';
import { DomainError } from '../directory/errors';
import { buildGroupDeletedCard } from '../../cards/group-deleted-card';
import type { CommandContext, Outcome } from './context';
import { failureReply } from './ask-owners';
import { askToConfirm, isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { oneGroup } from './group-target';
import { groupRef, toGroupSummary } from './views';
import { kindLabel } from '../../graph-model/group-kind';
import { groupDeleted, groupOf } from '../journal/change-records';
import { journalChange, journalFailure } from './record-step';

export const RESTORE_DAYS = 30;

/**
 * "delete group X": a confirmation that says what is lost (members, owners, and for Microsoft 365 groups the
 * mailbox, files, and team), then DELETE, then a card with Restore. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const t = await oneGroup(intent, ctx, 'to delete', 'delete group Project Falcon');
  if (!t.ok) return t.outcome;
  const g = t.group;
  const kind = groupKind(g);
  if (isReadOnlyKind(kind)) return say(errorText(new DomainError('readOnlyGroup', 'read-only'), { groupName: g.displayName, readOnlyKind: kind as 'distribution' | 'mailEnabledSecurity' }));
  if (!isConfirmed(ctx)) {
    let members = '';
    let owners = '';
    try {
      const d = await getGroupDetails(ctx.graph, g.id);
      members = d.memberCount === null ? '' : String(d.memberCount);
      owners = String(d.ownerCount);
    } catch (err) {
      return outcome(failureReply(err, { action: 'delete' }, groupRef(g)));
    }
    const lost = kind === 'microsoft365'
      ? `Its ${members || 'current'} members lose access to its conversations, calendar, files (SharePoint site), planner and any team attached to it.`
      : `Its ${members || 'current'} members lose whatever access the group grants (apps, files, licences, policies).`;
    return askToConfirm(ctx, { ...t.resolved.intent, groups: [g.id] }, t.resolved.snapshot, {
      title: `Delete '${g.displayName}'`,
      facts: [
        { title: 'Kind', value: kindLabel(g) },
        ...(g.mail ? [{ title: 'Mail', value: g.mail }] : []),
        ...(members ? [{ title: 'Members', value: members }] : []),
        ...(owners ? [{ title: 'Owners', value: owners }] : []),
      ],
      consequence: `${lost} It can be restored for ${RESTORE_DAYS} days, after which it is gone for good.`,
      confirmLabel: 'Delete',
      destructive: true,
    });
  }
  try {
    await deleteGroup(ctx.graph, g.id);
  } catch (err) {
    await journalFailure(ctx, 'group.delete', groupOf(g), err);
    return outcome(failureReply(err, { action: 'delete' }, groupRef(g)));
  }
  await journalChange(ctx, groupDeleted(g));
  const now = ctx.now();
  const until = new Date(now.getTime() + RESTORE_DAYS * 86_400_000).toISOString();
  return outcome(reply(`Deleted '${g.displayName}'. It can be restored until ${until.slice(0, 10)}: say "restore ${g.displayName}" or choose Restore.`,
    buildGroupDeletedCard({ group: toGroupSummary(g), deletedAt: now.toISOString(), restorableUntil: until })));
}
