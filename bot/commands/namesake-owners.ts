/** Owners of groups that share a display name, for the cards that list them together (choice cards, lists). */
import { logOf } from '../log';
import type { GroupSummary } from '../../cards/view-models';
import { ownerNamesOf, sharingNames } from '../directory/namesakes';
import type { DirectoryGroup } from '../directory/types';
import type { CommandContext } from './context';

/**
 * For the groups of `groups` that share a display name with another of them, their owners (one $batch); for the
 * others nothing is read. Returns what to add to each group's summary. A failed read leaves the owners out (warned):
 * the cards still tell the groups apart by kind, mail and creation date. Never throws.
 */
export async function namesakeOwners(
  ctx: CommandContext,
  groups: readonly DirectoryGroup[],
): Promise<(groupId: string) => Partial<GroupSummary>> {
  const shared = sharingNames(groups);
  if (shared.length === 0) return () => ({});
  try {
    const owners = await ownerNamesOf(
      ctx.graph,
      shared.map((g) => g.id),
    );
    return (id) => {
      const names = owners.get(id);
      return names ? { owners: names.map((displayName, i) => ({ id: `${id}#${i}`, displayName })) } : {};
    };
  } catch (err) {
    logOf(ctx).warn('namesakes.ownersUnreadable', { error: err });
    return () => ({});
  }
}
