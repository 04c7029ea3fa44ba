import type { Intent } from '../language';
import { buildWelcomeCard } from '../../cards/welcome-card';
import type { CommandContext, Outcome } from './context';
import { CAPABILITIES } from './help';
import { outcome, reply } from './reply';

/** Anything not understood: never silence; say what the bot can do, with example buttons. Never throws. */
export async function run(_intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const text = `Sorry, I didn't understand that. I manage groups: I can ${CAPABILITIES.join('; ')}.`;
  return outcome(reply(text, buildWelcomeCard({ userDisplayName: ctx.actor.displayName, mode: 'notUnderstood' })));
}
