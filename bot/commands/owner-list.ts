import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { runRelationList } from './relation-list';

/** "who owns SecurityGroup101". Never throws. */
export function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  return runRelationList(intent, ctx, 'owners');
}
