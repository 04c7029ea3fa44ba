import type { AdaptiveCard } from './card-types';
import { adaptiveCard, textBlock } from './elements';
import { plain } from './markdown';

/**
 * A card holding one plain sentence. The bot answers a card button with it when the outcome is only text,
 * so that the clicked card is replaced (its buttons go away) instead of staying live beside a toast.
 */
export function buildNoticeCard(text: string): AdaptiveCard {
  return adaptiveCard({ fallbackText: text, speak: text, body: [textBlock(plain(text))], actions: [] });
}
