import type { HygieneFixKind } from '../../cards/card-verbs';
import { countOwners, readHygieneGroup, readMembersOfGroups } from '../directory/hygiene-read';
import { isOwnerCandidate } from '../hygiene/owner-pick';
import type { CommandContext, Outcome } from './context';
import { runIntent } from './dispatch';
import { errorText } from './error-text';
import { say } from './reply';

/** A digest button as parseCardAction gave it: only ids, nothing the server trusts without reading again. */
export interface HygieneFixAction {
  fix: HygieneFixKind;
  groupId: string;
  userId?: string;
}

/**
 * A digest line's button. The card's ids are only keys: the group, its owners and the person are read again with
 * the clicker's own token, and the change then goes through the usual command (owner-add, group-renew,
 * member-remove), which asks the clicker to confirm and journals it. Never throws.
 */
export async function run(action: HygieneFixAction, ctx: CommandContext): Promise<Outcome> {
  try {
    const group = await readHygieneGroup(ctx.graph, action.groupId);
    if (!group) return say('That group no longer exists, so there is nothing to fix.');
    const name = group.displayName;
    if (action.fix === 'renew') return runIntent({ intent: 'renewGroup', groups: [group.id] }, ctx);
    const userId = action.userId?.toLowerCase();
    if (!userId) return say('That button is missing the person it is about, so nothing was done.');
    const members = (await readMembersOfGroups(ctx.graph, [group.id])).get(group.id)?.items ?? [];
    const member = members.find((m) => m.id === userId);
    if (action.fix === 'makeOwner') {
      if ((await countOwners(ctx.graph, group.id)) > 0) {
        return say(`'${name}' has an owner again, so nothing was done. Say "who owns ${name}" to see who.`);
      }
      if (!member || !isOwnerCandidate(member)) {
        return say(
          `That person is no longer an enabled member of '${name}', so I didn't suggest them. ` +
            'Say "group hygiene" for a fresh suggestion.',
        );
      }
      return runIntent({ intent: 'addOwners', users: [member.id], groups: [group.id] }, ctx);
    }
    if (!member) return say(`That person is no longer a member of '${name}', so there is nothing to remove.`);
    if (member.accountEnabled !== false) {
      return say(`${member.displayName}'s account is enabled again, so I didn't remove them from '${name}'.`);
    }
    return runIntent({ intent: 'removeMembers', users: [member.id], groups: [group.id] }, ctx);
  } catch (err) {
    return say(errorText(err));
  }
}
