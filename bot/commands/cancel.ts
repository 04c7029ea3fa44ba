import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { say } from './reply';

/** "never mind": nothing runs without a confirmation, so nothing is pending a write. Never throws. */
export async function run(_intent: Intent, _ctx: CommandContext): Promise<Outcome> {
  return say('OK, cancelled. Nothing was changed; any confirmation card still open will expire on its own.');
}
