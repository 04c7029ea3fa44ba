import { featuredExamples, helpLines, type Intent } from '../language';
import { buildWelcomeCard } from '../../cards/welcome-card';
import type { CommandContext, Outcome } from './context';
import { outcome, reply } from './reply';

/** What groupbot can do, one line per help line of the intent table (also the text of unknown requests). */
export const CAPABILITIES: readonly string[] = helpLines();

/** "hi", "help": the welcome card with example buttons. Never throws. */
export async function run(_intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const text = `Hi ${ctx.actor.displayName}! I manage Microsoft Entra and Microsoft 365 groups with your own permissions. I can: ${CAPABILITIES.join('; ')}.`;
  return outcome(
    reply(
      text,
      buildWelcomeCard({
        userDisplayName: ctx.actor.displayName,
        mode: 'help',
        capabilities: CAPABILITIES.map(capitalized),
        examples: featuredExamples(),
      }),
    ),
  );
}

/** "add or remove …" → "Add or remove …" (the card's bullets start with a capital). */
function capitalized(line: string): string {
  return line.charAt(0).toUpperCase() + line.slice(1);
}
