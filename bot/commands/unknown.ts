import { suggestRequests, type Intent } from '../language';
import { buildSuggestionCard } from '../../cards/suggestion-card';
import type { CommandContext, Outcome } from './context';
import { outcome, reply } from './reply';

/**
 * Anything not understood: never silence and never the whole help card; the two or three closest requests as
 * buttons ("Did you mean: who owns Finance Readers?"), and a button for help. Never throws.
 */
export async function run(_intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const said = ctx.text ?? '';
  const suggestions = suggestRequests(said);
  const text = `I'm not sure what you meant. Did you mean: ${suggestions.map((s) => `"${s}"`).join(', ')}? Say "help" to see everything I can do.`;
  return outcome(reply(text, buildSuggestionCard(suggestions)));
}
