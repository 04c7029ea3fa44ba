import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { say } from './reply';

/** "my requests", "pending approvals": placeholder until the requests flow (bot/requests) is wired in. Never throws. */
export async function run(_intent: Intent, _ctx: CommandContext): Promise<Outcome> {
  return say('Requests: access requests and approvals are listed here once the requests service is connected. To ask for access to a group now, say "I need access to <group>".');
}
