/**
 * "who was in Marketing on 2026-11-02", "members of Legal last Monday": the membership of a watched group at a
 * past time, from the recorded history (docs/history.md), saying from when history exists.
 */
import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { findHistorySubject } from './history-subject';
import { namesFor, notWatchedSentence, recordedHistory, sinceSentence, timeOf } from './history-span';
import { say } from './reply';

const SHOWN = 200;

/** "Lee Gu was a member of 'Platform Core' at …", per person asked about ("was Lee in Platform Core last Friday?"). Pure. */
export function personAt(
  people: { id: string; name: string }[],
  state: { members: string[]; owners: string[] },
  group: string,
  label: string,
): string {
  return people
    .map((p) => {
      const roles = [
        ...(state.members.includes(p.id) ? ['a member'] : []),
        ...(state.owners.includes(p.id) ? ['an owner'] : []),
      ];
      return roles.length
        ? `Yes: ${p.name} was ${roles.join(' and ')} of '${group}' at ${label}.`
        : `No: ${p.name} was not in '${group}' at ${label}.`;
    })
    .join('\n');
}

/** Never throws. `users`: one person's (or a few people's) membership at that time instead of the whole list. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!intent.groups?.length) return say('Which group? For example: "who was in Marketing on 2026-11-02".');
  const time = timeOf(intent.when, ctx, `who was in ${intent.groups[0]} last Monday`);
  if (typeof time === 'string') return say(time);
  const found = await findHistorySubject(
    { ...intent, users: intent.users ?? [], groups: intent.groups.slice(0, 1) },
    ctx,
  );
  if (!found.ok) return found.outcome;
  const g = found.value.group;
  try {
    const cursor = await recordedHistory(ctx, g.id);
    if (!cursor) return say(notWatchedSentence(g.displayName));
    const state = await ctx.history.repo.membershipAt(g.id, time.at);
    if (!state)
      return say(
        `${sinceSentence(g.displayName, cursor)} I can't say who was in it at ${time.label}, which is earlier.`,
      );
    const people = found.value.users;
    if (people.length)
      return say([personAt(people, state, g.displayName, time.label), sinceSentence(g.displayName, cursor)].join('\n'));
    const names = await namesFor(ctx, [...state.members, ...state.owners]);
    const members = state.members.map((id) => names.get(id) as string).sort((a, b) => a.localeCompare(b));
    const owners = state.owners.map((id) => names.get(id) as string).sort((a, b) => a.localeCompare(b));
    const list =
      members.length > SHOWN
        ? `${members.slice(0, SHOWN).join(', ')} and ${members.length - SHOWN} more`
        : members.join(', ');
    return say(
      [
        `'${g.displayName}' at ${time.label} had ${members.length} member${members.length === 1 ? '' : 's'}${members.length ? `: ${list}` : ''}.`,
        `Owners: ${owners.length ? owners.join(', ') : 'none recorded'}.`,
        sinceSentence(g.displayName, cursor),
      ].join('\n'),
    );
  } catch (err) {
    return say(errorText(err, { groupName: g.displayName, action: 'see the history of' }));
  }
}
