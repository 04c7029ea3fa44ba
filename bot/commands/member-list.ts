import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { runRelationList } from './relation-list';

/** "who is in Marketing" (direct; `transitive` includes nested groups). Never throws. */
export function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  return runRelationList(intent, ctx, 'members');
}
