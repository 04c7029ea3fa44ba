/**
 * The confirmed create: POST /groups with its owners and members (or rule), journalled with Undo, remembered for
 * this user (so the next "add … to" it finds it before replication does), and the answer.
 */
import type { Principal } from '../directory/members-write';
import { createGroup } from '../directory/groups-write';
import type { DirectoryGroup } from '../directory/types';
import { groupCreated } from '../journal/change-records';
import { logOf } from '../log';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import type { GroupDraft } from './group-create-confirm';
import { processingStartedReply } from './membership-processing';
import { journalChange, journalFailure } from './record-step';
import { outcome, say } from './reply';
import { outcomeReply } from './undo-reply';

/** Creates the group of `draft` and answers. Never throws: a failure is journalled and becomes errorText's sentence. */
export async function createAndReport(
  ctx: CommandContext,
  draft: GroupDraft,
  owners: Principal[],
  members: Principal[],
): Promise<Outcome> {
  const { name, rule } = draft;
  try {
    const g = await createGroup(
      ctx.graph,
      {
        displayName: name,
        mailNickname: draft.nick,
        kind: draft.kind,
        ...(draft.description ? { description: draft.description } : {}),
        ...(draft.visibility ? { visibility: draft.visibility } : {}),
        ownerIds: owners.map((o) => o.id),
        memberIds: members.map((m) => m.id),
        ...(rule ? { membershipRule: rule } : {}),
      },
      ctx.actor.id,
    );
    await rememberCreated(ctx, g);
    const recorded = await journalChange(ctx, groupCreated(g, 201));
    const undoNote = recorded?.undo ? ' Undo (within 24 hours) deletes it again.' : '';
    const created = `Created '${g.displayName}'${g.mail ? ` (${g.mail})` : ''}.`;
    if (!rule) return outcome(outcomeReply(`${created}${undoNote}`, recorded));
    // Entra fills a dynamic group asynchronously: say so, and offer Check again rather than a member list.
    return outcome(
      processingStartedReply(
        `${created} Its membership is being processed: Entra adds the people who match the rule in the background, so it has no members yet. Choose Check again to see the progress.${undoNote}`,
        g.id,
        recorded,
      ),
    );
  } catch (err) {
    await journalFailure(ctx, 'group.create', { id: '', name }, err);
    return say(errorText(err, { groupName: name, action: 'create' }));
  }
}

/**
 * Remembers the new group for this user (recent-groups.ts), so that the next "add … to <its name>" uses its id
 * rather than a name look-up that replication may not serve yet. A store that fails is warned about: the create
 * itself succeeded. Never throws.
 */
async function rememberCreated(ctx: CommandContext, g: DirectoryGroup): Promise<void> {
  try {
    await ctx.recentGroups.remember(ctx.actor.id, g, ctx.now());
  } catch (err) {
    logOf(ctx).warn('group.create.notRemembered', { groupId: g.id, error: err });
  }
}
