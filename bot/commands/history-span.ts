/**
 * What the questions over time share: the time a question names, the recorded history of a group (caught up
 * first), names of the people it holds, and the sentence that says from when history exists.
 */
import { displayNamesOf } from '../directory/group-history-read';
import { resolveTimePhrase, type ResolvedTime } from '../language/time-phrase';
import { formatTime } from '../../cards/card-time';
import type { HistoryCursor } from '../store';
import type { CommandContext } from './context';
import { logOf } from '../log';

/** The time of `when` at the context's clock, or the sentence to answer when it is not understood. Never throws. */
export function timeOf(when: string | undefined, ctx: CommandContext, example: string): ResolvedTime | string {
  if (!when) return `When? For example: "${example}".`;
  const r = resolveTimePhrase(when, ctx.now());
  return (
    r ??
    `I don't understand the time '${when}'. Try a date like 2026-11-02, "last Monday 09:00", "yesterday" or "this week" (times are UTC).`
  );
}

/**
 * The cursor of a watched group after a catch-up round with the asker's token (a change a minute ago is then
 * there); undefined when nobody watches it or history has not begun. Throws on database errors.
 */
export async function recordedHistory(ctx: CommandContext, groupId: string): Promise<HistoryCursor | undefined> {
  const history = ctx.history;
  const before = await history.repo.cursor(groupId);
  if (!before) return undefined;
  if ((await history.repo.watchersOf(groupId)).length > 0) await history.catchUp(groupId, ctx.graph);
  const cursor = await history.repo.cursor(groupId);
  return cursor?.historyFrom ? cursor : undefined;
}

/** "I've recorded Marketing's membership since Sun 6 Dec 2026 02:14 UTC." Never throws. */
export function sinceSentence(groupName: string, cursor: HistoryCursor): string {
  return `I've recorded the membership of '${groupName}' since ${formatTime(cursor.historyFrom as Date)}.`;
}

/** "Say "watch Marketing" to start recording." for a group nobody watches. Never throws. */
export function notWatchedSentence(groupName: string): string {
  return `Nobody watches '${groupName}', so I have no record of its membership over time. An owner or administrator can say "watch ${groupName}" to start recording it (changes made outside groupbot included).`;
}

/**
 * Display names for ids (known names first, the rest from Graph in one call per 1,000); an id Graph does not know
 * (a deleted user) keeps its id. Never throws: names that cannot be read stay ids.
 */
export async function namesFor(
  ctx: CommandContext,
  ids: readonly string[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const id of ids) {
    const name = known.get(id);
    if (name) out.set(id, name);
    else missing.push(id);
  }
  if (missing.length) {
    try {
      for (const [id, name] of await displayNamesOf(ctx.graph, missing)) out.set(id, name);
    } catch (err) {
      logOf(ctx).warn('history.names.unreadable', { error: err });
    }
  }
  for (const id of ids) if (!out.has(id)) out.set(id, `${id} (no longer in the directory)`);
  return out;
}
