/**
 * A group name that matches no live group but a deleted one: "Old Project Phoenix was deleted on …; it can be
 * restored until …" with a Restore button, instead of "not found". Called by the resolver (resolve-step.ts).
 */
import { deletedGroupsNamed } from '../directory/deleted-groups-read';
import type { DirectoryGroup } from '../directory/types';
import { buildGroupDeletedCard } from '../../cards/group-deleted-card';
import { plainTime } from '../../cards/card-time';
import type { CommandContext, Outcome } from './context';
import { outcome, reply } from './reply';
import { toGroupSummary } from './views';
import { logOf } from '../log';

/** Days Entra keeps a deleted group restorable. */
const RESTORABLE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Until when a group deleted at `deleted` can be restored, or undefined when that time has passed. Pure. */
export function restorableUntil(deleted: string | null | undefined, now: Date): string | undefined {
  const at = deleted ? Date.parse(deleted) : NaN;
  if (!Number.isFinite(at)) return undefined;
  const until = at + RESTORABLE_DAYS * DAY_MS;
  return until > now.getTime() ? new Date(until).toISOString() : undefined;
}

/** The answer about one deleted group. Pure. */
export function deletedGroupReply(g: DirectoryGroup, now: Date): Outcome {
  const deletedAt = g.deletedDateTime ?? now.toISOString();
  const until = restorableUntil(g.deletedDateTime, now);
  const text =
    `'${g.displayName}' was deleted on ${plainTime(deletedAt)}; ` +
    (until
      ? `it can be restored until ${plainTime(until)}. Choose Restore to bring it back with its members and owners.`
      : 'it can no longer be restored.');
  const card = buildGroupDeletedCard({
    group: toGroupSummary(g),
    deletedAt,
    ...(until ? { restorableUntil: until } : {}),
  });
  return outcome(reply(text, card));
}

/**
 * The deleted-group answer when `name` is exactly the name of one deleted group (several: the most recently
 * deleted), else undefined. A failed look-up (a guest may not read deleted items) is only logged. Never throws.
 */
export async function offerDeletedGroup(ctx: CommandContext, name: string): Promise<Outcome | undefined> {
  try {
    const found = await deletedGroupsNamed(ctx.graph, name);
    const latest = found.sort((a, b) => (b.deletedDateTime ?? '').localeCompare(a.deletedDateTime ?? ''))[0];
    return latest ? deletedGroupReply(latest, ctx.now()) : undefined;
  } catch (err) {
    logOf(ctx).warn('resolve.deletedLookup.failed', { error: err });
    return undefined;
  }
}
