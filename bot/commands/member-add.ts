import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { runMembershipChange } from './membership-change';

/** "add ... members": resolve, confirm, then write with per-person outcomes. Never throws. */
export function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  return runMembershipChange(intent, ctx, { operation: 'addMembers', relation: 'members', op: 'add' });
}
