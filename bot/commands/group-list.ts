import type { Intent } from '../language';
import { listGroups } from '../directory/groups-read';
import { buildPagedListCard } from '../../cards/paged-list-card';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { saveConfirm } from './pending-ops';
import { nextLinkOf, offsetOf } from './paging';
import { outcome, reply, say } from './reply';
import { toGroupSummary } from './views';
import { namesakeOwners } from './namesake-owners';
import { groupButtonTitles } from '../../cards/describe';

const TITLES: Record<string, string> = {
  security: 'Security groups',
  microsoft365: 'Microsoft 365 groups',
  dynamic: 'Dynamic groups',
  deleted: 'Deleted groups',
};

/**
 * "show all security groups", "groups starting with Fin", "groups whose name mentions Finance", "deleted groups":
 * one page, "More" for the next. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const kind = intent.groupType;
  const offset = offsetOf(ctx);
  let page;
  try {
    page = await listGroups(ctx.graph, {
      ...(kind ? { kind } : {}),
      ...(intent.startsWith ? { startsWith: intent.startsWith } : {}),
      ...(intent.nameContains ? { nameContains: intent.nameContains } : {}),
      ...(nextLinkOf(ctx) ? { next: nextLinkOf(ctx) as string } : {}),
    });
  } catch (err) {
    return say(errorText(err, { action: 'list all groups', directoryWide: true }));
  }
  let nextCursor: string | undefined;
  if (page.next)
    nextCursor = (await saveConfirm(ctx, intent, { kind: 'page', next: page.next, offset: offset + page.items.length }))
      .id;
  const owners = await namesakeOwners(ctx, page.items);
  const items = page.items.map((g) => ({ kind: 'group' as const, group: toGroupSummary(g, owners(g.id)) }));
  // Same-named groups are told apart in the text as on the card (kind, mail, owners).
  const lines = groupButtonTitles(items.map((i) => i.group));
  const title =
    `${kind ? TITLES[kind] : 'Groups'}${intent.startsWith ? ` starting with '${intent.startsWith}'` : ''}` +
    (intent.nameContains ? ` whose name mentions '${intent.nameContains}'` : '');
  const text =
    page.items.length === 0 && offset === 0
      ? `No ${title.replace(/^(Security|Dynamic|Deleted|Groups)\b/, (w) => w.toLowerCase())} found.`
      : `${title}${offset ? ` (from ${offset + 1})` : ''}:\n${lines.map((l) => `- ${l}`).join('\n')}${page.next ? '\n… more available.' : ''}`;
  return outcome(
    reply(
      text,
      buildPagedListCard({
        list: kind === 'deleted' ? 'deletedGroups' : 'groups',
        title,
        items,
        ...(offset ? { offset } : {}),
        ...(nextCursor ? { nextCursor } : {}),
      }),
    ),
  );
}
