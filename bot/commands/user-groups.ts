import type { Intent } from '../language';
import { listUserGroups } from '../directory/groups-read';
import { buildUserGroupsCard } from '../../cards/user-groups-card';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { toGroupSummary, toPerson } from './views';
import { namesakeOwners } from './namesake-owners';

/** "which groups is Ana in", "my groups": direct groups, then groups through nesting. Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const users = intent.users?.length ? intent.users.slice(0, 1) : ['me'];
  const step = await resolveIntent({ ...intent, users }, ctx, {
    people: ['users'],
    groups: false,
    purpose: 'to list their groups',
  });
  if (!step.ok) return step.outcome;
  const who = step.value.people.users[0];
  if (!who) return say('Whose groups? For example: "which groups is Ana in".');
  const user = step.value.snapshot.users[who.id] ?? { id: who.id, displayName: who.displayName };
  let direct, all;
  try {
    [direct, all] = await Promise.all([
      listUserGroups(ctx.graph, who.id, false),
      listUserGroups(ctx.graph, who.id, true),
    ]);
  } catch (err) {
    return say(errorText(err, { action: 'see the groups of', groupName: who.displayName }));
  }
  const directIds = new Set(direct.map((g) => g.id));
  const nested = all.filter((g) => !directIds.has(g.id));
  // Groups sharing a display name are told apart by their owners (read for those only).
  const owners = await namesakeOwners(ctx, [...direct, ...nested]);
  const me = who.id === ctx.actor.id;
  const text =
    direct.length + nested.length === 0
      ? `${me ? 'You are' : `${who.displayName} is`} not in any group.`
      : `${me ? 'You are' : `${who.displayName} is`} in: ${direct.map((g) => g.displayName).join(', ') || 'no group directly'}${nested.length ? `; through nested groups: ${nested.map((g) => g.displayName).join(', ')}` : ''}.`;
  return outcome(
    reply(
      text,
      buildUserGroupsCard({
        user: toPerson(user),
        direct: direct.map((g) => toGroupSummary(g, owners(g.id))),
        viaNesting: nested.map((g) => ({ group: toGroupSummary(g, owners(g.id)), via: [] })),
      }),
    ),
  );
}
