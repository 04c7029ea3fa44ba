import type { Intent } from '../language';
import { listOwnedGroups } from '../directory/owned-groups';
import { buildPagedListCard } from '../../cards/paged-list-card';
import type { CommandContext, Outcome } from './context';
import { errorText, isForbidden } from './error-text';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { toGroupSummary } from './views';

/** "which groups do I own", "what groups does Bob own", "groups owned by Ana": the groups the person owns. Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const users = intent.users?.length ? intent.users.slice(0, 1) : ['me'];
  const step = await resolveIntent({ ...intent, users }, ctx, {
    people: ['users'],
    groups: false,
    purpose: 'to list the groups they own',
  });
  if (!step.ok) return step.outcome;
  const who = step.value.people.users[0];
  if (!who) return say('Whose groups? For example: "which groups does Ana own".');
  const me = who.id === ctx.actor.id;
  let owned;
  try {
    owned = await listOwnedGroups(ctx.graph, me ? 'me' : who.id);
  } catch (err) {
    if (isForbidden(err))
      return say(
        `You don't have permission to see which groups ${me ? 'you own' : `${who.displayName} owns`} (guest accounts often can't).`,
      );
    return say(errorText(err, { objectName: who.displayName }));
  }
  const groups = [...owned.groups].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const subject = me ? 'You own' : `${who.displayName} owns`;
  const cut = owned.complete ? '' : ' (the list was cut short; there are more)';
  const text =
    groups.length === 0
      ? `${me ? "You don't" : `${who.displayName} doesn't`} own any group.`
      : `${subject} ${groups.length} group${groups.length === 1 ? '' : 's'}${cut}: ${groups.map((g) => g.displayName).join(', ')}.`;
  return outcome(
    reply(
      text,
      buildPagedListCard({
        list: 'groups',
        title: me ? 'Groups you own' : `Groups owned by ${who.displayName}`,
        subject: { id: who.id, displayName: who.displayName },
        items: groups.map((g) => ({ kind: 'group' as const, group: toGroupSummary(g) })),
      }),
    ),
  );
}
