/**
 * A group named as the member of a membership change ("add the Platform Core group to Engineering All", "nest
 * Directory Squad in Identity Services"): nested membership. Each phrase of `memberGroups` is resolved to a group
 * principal with the user's token (one `$batch`); a phrase that names several groups is taken only when one of
 * them has exactly that name, else the user is asked to give the full name.
 */
import type { Intent } from '../language';
import { resolveNames } from '../directory/resolve-names';
import { fold, type Resolution } from '../directory/name-match';
import type { Principal } from '../directory/members-write';
import type { DirectoryGroup } from '../directory/types';
import type { CommandContext, Outcome } from './context';
import { say } from './reply';

export type MemberGroupsStep = { ok: true; principals: Principal[]; intent: Intent } | { ok: false; outcome: Outcome };

/** The groups named as members, as principals, and the intent with their ids. Throws what Graph throws. */
export async function resolveMemberGroups(intent: Intent, ctx: CommandContext): Promise<MemberGroupsStep> {
  const phrases = intent.memberGroups ?? [];
  if (phrases.length === 0) return { ok: true, principals: [], intent };
  const { groups } = await resolveNames(ctx.graph, { groups: phrases });
  const principals: Principal[] = [];
  for (const res of groups) {
    const group = pick(res);
    if (!group) return { ok: false, outcome: say(problemSentence(res)) };
    principals.push({ id: group.id, displayName: group.displayName, type: 'group' });
  }
  return { ok: true, principals, intent: { ...intent, memberGroups: principals.map((p) => p.id) } };
}

function pick(res: Resolution<DirectoryGroup>): DirectoryGroup | undefined {
  if (res.status === 'resolved') return res.item;
  if (res.status !== 'ambiguous') return undefined;
  const exact = res.candidates.filter((g) => fold(g.displayName) === fold(res.query));
  return exact.length === 1 ? exact[0] : undefined;
}

function problemSentence(res: Resolution<DirectoryGroup>): string {
  if (res.status === 'ambiguous') {
    const names = res.candidates.slice(0, 5).map((g) => `'${g.displayName}'`);
    return `"${res.query}" matches several groups (${names.join(', ')}). Say the full name of the group to nest.`;
  }
  const close = res.status === 'notFound' ? res.suggestions.slice(0, 3).map((g) => `'${g.displayName}'`) : [];
  const hint = close.length ? ` Closest: ${close.join(', ')}.` : '';
  return `I couldn't find a group called '${res.query}' to nest.${hint}`;
}

/** The slots that name `people` by id: users in `users`, groups (nesting) in `memberGroups` (left out when none). */
export function principalSlots(people: Principal[]): Pick<Intent, 'users' | 'memberGroups'> {
  const groups = people.filter((p) => p.type === 'group').map((p) => p.id);
  const users = people.filter((p) => p.type !== 'group').map((p) => p.id);
  return groups.length ? { users, memberGroups: groups } : { users };
}
