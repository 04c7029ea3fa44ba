/**
 * Which group "history of X" is about: a live group (through the usual resolution, with its choice and
 * not-found cards), else a soft-deleted one (its journal outlives it), and whether the asker may see it at all.
 */
import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { say } from './reply';
import { resolveIntent } from './resolve-step';
import { DomainError } from '../directory/errors';
import { findDeletedGroups, getDeletedGroup } from '../directory/groups-write';
import { canReadMembers } from '../directory/members-visibility';
import { fold } from '../directory/name-match';
import { isGuid } from '../directory/odata';
import { resolveNames } from '../directory/resolve-names';
import type { DirectoryGroup } from '../directory/types';

/** The group and the people a history is filtered by. */
export interface HistorySubject {
  group: DirectoryGroup;
  users: { id: string; name: string }[];
}

const PURPOSE = 'to show its history';

/**
 * The live group named by `phrase` when there is exactly one, undefined when no live group matches (then the
 * deleted ones are looked at), or 'ask' when the usual resolution must run (ambiguous, split on "and").
 * Throws DomainError.
 */
async function liveGroup(ctx: CommandContext, phrase: string): Promise<DirectoryGroup | 'ask' | undefined> {
  const [r] = (await resolveNames(ctx.graph, { groups: [phrase] })).groups;
  if (!r) return 'ask';
  if (r.status === 'resolved') return r.item;
  if (r.status === 'notFound' && !(r.parts && r.parts.length > 1 && r.parts.every((p) => p.status === 'resolved')))
    return undefined;
  return 'ask';
}

/** Soft-deleted groups named by `phrase` (by id, or by name: exact names first). Throws DomainError. */
async function deletedGroups(ctx: CommandContext, phrase: string): Promise<DirectoryGroup[]> {
  if (isGuid(phrase)) {
    try {
      return [await getDeletedGroup(ctx.graph, phrase)];
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'notFound') return [];
      throw err;
    }
  }
  const found = await findDeletedGroups(ctx.graph, phrase);
  const exact = found.filter((g) => fold(g.displayName) === fold(phrase));
  return exact.length ? exact : found;
}

function deletedOn(g: DirectoryGroup): string {
  return g.deletedDateTime ? ` (deleted ${g.deletedDateTime.slice(0, 10)}, id ${g.id})` : ` (id ${g.id})`;
}

/**
 * Finds the group (and people) a history request is about: live groups first, then soft-deleted ones when no
 * live group matches; then refuses when the asker may not read the group's members (the entries name them).
 * Never throws: problems come back as the outcome to show.
 */
export async function findHistorySubject(
  intent: Intent,
  ctx: CommandContext,
): Promise<{ ok: true; value: HistorySubject } | { ok: false; outcome: Outcome }> {
  const phrase = (intent.groups?.[0] ?? '').trim();
  const wantsUsers = (intent.users?.length ?? 0) > 0;
  try {
    let group: DirectoryGroup | undefined;
    const live = await liveGroup(ctx, phrase);
    if (live === undefined) {
      const deleted = await deletedGroups(ctx, phrase);
      if (deleted.length > 1) {
        return {
          ok: false,
          outcome: say(
            `No live group is called '${phrase}', and several deleted groups match: ${deleted
              .slice(0, 10)
              .map((g) => g.displayName + deletedOn(g))
              .join(
                '; ',
              )}. Ask again with the id of the one you mean, for example "history of ${(deleted[0] as DirectoryGroup).id}".`,
          ),
        };
      }
      group = deleted[0];
    } else if (live !== 'ask') {
      group = live;
    }
    let users: HistorySubject['users'] = [];
    if (!group || wantsUsers) {
      const step = await resolveIntent({ ...intent, groups: [group?.id ?? phrase] }, ctx, {
        people: wantsUsers ? ['users'] : [],
        groups: !group,
        purpose: PURPOSE,
      });
      if (!step.ok) return step;
      group ??= step.value.groups[0];
      users = step.value.people.users.map((u) => ({ id: u.id, name: u.displayName }));
    }
    if (!group) return { ok: false, outcome: say('Which group? For example: "history of Marketing".') };
    if (!(await canReadMembers(ctx.graph, group))) {
      return {
        ok: false,
        outcome: say(
          `You can't see who is in '${group.displayName}', so I can't show you its history: its changes name its members. Its owners or an administrator can ask me for it.`,
        ),
      };
    }
    return { ok: true, value: { group, users } };
  } catch (err) {
    return { ok: false, outcome: say(errorText(err, { groupName: phrase, action: 'see the history of' })) };
  }
}
