import { sendTextButton } from './actions';
import type { AdaptiveCard } from './card-types';
import { actionSets, adaptiveCard, heading, textBlock } from './elements';
import { Markdown } from './markdown';

/**
 * "Did you mean": a short card with the closest requests as buttons that send their text, and a pointer to
 * help. Never throws.
 */
export function buildSuggestionCard(suggestions: readonly string[]): AdaptiveCard {
  const shown = suggestions.slice(0, 3);
  return adaptiveCard({
    fallbackText: `I'm not sure what you meant. Did you mean: ${shown.map((s) => `"${s}"`).join(', ')}? Say "help" to see everything I can do.`,
    speak: "I'm not sure what you meant. Here are the closest things I can do.",
    body: [
      heading(Markdown.plain("I'm not sure what you meant. Did you mean:")),
      ...actionSets([...shown.map((s) => sendTextButton(s, s)), sendTextButton('Show everything I can do', 'help')]),
      textBlock(Markdown.plain('Or say it in other words, for example "add Ana to Marketing".'), {
        isSubtle: true,
        spacing: 'Small',
      }),
    ],
  });
}
