import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { runMembershipChange } from './membership-change';

/** "remove ... owners": resolve, confirm, then write with per-person outcomes. Never throws. */
export function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  return runMembershipChange(intent, ctx, { operation: 'removeOwners', relation: 'owners', op: 'remove' });
}
