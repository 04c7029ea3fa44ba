import type { GraphSession } from './graph-session';
import { groupLicenses } from './licenses';
import type { PreviousLicense } from './directory-operation';
import { processLogger } from '../log';

/**
 * The group's state for one licence before a change (for Undo): absent, or present with its disabled plans.
 * Resolves to undefined when it can't be read (the change then has no Undo); never throws.
 */
export async function readPreviousLicense(
  graph: GraphSession,
  groupId: string,
  skuId: string,
): Promise<PreviousLicense | undefined> {
  try {
    const found = (await groupLicenses(graph, groupId)).find((l) => l.skuId.toLowerCase() === skuId.toLowerCase());
    return found ? { had: true, disabledPlans: found.disabledPlans } : { had: false };
  } catch (err) {
    // The change then has no Undo.
    processLogger().warn('license.previous.unreadable', { groupId, error: err });
    return undefined;
  }
}
