import type { AdaptiveCard } from '../../cards/card-types';
import type { Outcome, Reply } from './context';

/** One reply: the text is always there (fallback, terminal chat, accessibility); the card when there is one. */
export function reply(text: string, card?: AdaptiveCard): Reply {
  // AdaptiveCard is a closed interface; Reply carries cards as plain JSON objects.
  return card ? { text, card: card as unknown as Record<string, unknown> } : { text };
}

/** An Outcome of the given replies. */
export function outcome(...replies: Reply[]): Outcome {
  return { replies };
}

/** An Outcome of one plain sentence. */
export function say(text: string): Outcome {
  return { replies: [{ text }] };
}

/**
 * An answer for the one who clicked only, leaving the clicked card as it is (a refusal, "already done"): in Teams
 * an Action.Execute gets it as a message response (shown to the clicker; the card stays), an Action.Submit as a
 * new message. `more` replies go as new messages after it.
 */
export function clickerOnly(text: string, ...more: Reply[]): Outcome {
  return { replies: [{ text, keepCard: true }, ...more] };
}
