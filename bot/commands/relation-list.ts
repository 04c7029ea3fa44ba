import type { Intent } from '../language';
import { listRelation } from '../directory/groups-read';
import type { DirectoryMember } from '../directory/types';
import { buildPagedListCard } from '../../cards/paged-list-card';
import type { ListItem } from '../../cards/view-models';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { saveConfirm } from './pending-ops';
import { nextLinkOf, offsetOf } from './paging';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { memberToPerson } from './views';

const PAGE = 25;

export function toListItem(m: DirectoryMember): ListItem {
  if (m.type === 'user') return { kind: 'person', person: memberToPerson(m) };
  if (m.type === 'group')
    return { kind: 'group', group: { id: m.id, displayName: m.displayName ?? m.id, kind: 'security', dynamic: false } };
  return { kind: 'other', id: m.id, displayName: m.displayName ?? m.id };
}

/**
 * Members (direct or transitive) or owners of one group, a page at a time; "More" continues from a nextLink
 * stored on the server. Never throws.
 */
export async function runRelationList(
  intent: Intent,
  ctx: CommandContext,
  relation: 'members' | 'owners',
): Promise<Outcome> {
  if (!intent.groups?.length)
    return say(`Which group? For example: "${relation === 'members' ? 'who is in' : 'who owns'} Marketing".`);
  const step = await resolveIntent({ ...intent, groups: intent.groups.slice(0, 1) }, ctx, {
    purpose: `to list its ${relation}`,
  });
  if (!step.ok) return step.outcome;
  const group = step.value.groups[0];
  if (!group) return say('Which group?');
  const transitive = relation === 'members' && intent.transitive === true;
  const offset = offsetOf(ctx);
  let page;
  try {
    page = await listRelation(ctx.graph, group.id, transitive ? 'transitiveMembers' : relation, nextLinkOf(ctx), PAGE);
  } catch (err) {
    return say(errorText(err, { groupName: group.displayName, action: `see the ${relation} of` }));
  }
  const items = page.items.map(toListItem);
  let nextCursor: string | undefined;
  if (page.next) {
    const more = await saveConfirm(
      ctx,
      { ...step.value.intent, groups: [group.id] },
      { kind: 'page', snapshot: step.value.snapshot, next: page.next, offset: offset + items.length },
    );
    nextCursor = more.id;
  }
  const what = relation === 'owners' ? 'Owners' : transitive ? 'All members (including nested groups)' : 'Members';
  const title = `${what} of ${group.displayName}`;
  const names = page.items.map((m) => `${m.displayName ?? m.id}${m.type === 'group' ? ' (group)' : ''}`);
  const text =
    names.length === 0 && offset === 0
      ? `'${group.displayName}' has no ${relation === 'owners' ? 'owners' : 'members'}${transitive ? '' : ' directly'}.`
      : `${title}${offset ? ` (from ${offset + 1})` : ''}: ${names.join(', ')}${page.next ? ' … (more available)' : '.'}`;
  return outcome(
    reply(
      text,
      buildPagedListCard({
        list: relation,
        title,
        subject: { id: group.id, displayName: group.displayName },
        ...(transitive ? { transitive: true } : {}),
        items,
        ...(offset ? { offset } : {}),
        ...(nextCursor ? { nextCursor } : {}),
      }),
    ),
  );
}
