import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { runLicenseChange } from './license-change';

/** "assign the E5 license to Marketing". Never throws. */
export function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  return runLicenseChange(intent, ctx, 'add');
}
