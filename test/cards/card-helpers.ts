/** Test helpers for cards: validation assertions, rendered text, button payloads. */
import assert from 'node:assert/strict';
import { parseCardAction } from '../../cards/card-action-parse';
import type { CardAction } from '../../cards/card-verbs';
import type { AdaptiveCard } from '../../cards/card-types';
import { actionPayload, type RenderedAction, renderCardText } from '../../cards/render-text';
import { validateCard } from '../../cards/validate-card';

/** Asserts the card passes validate-card, is version 1.5 or lower and has fallback text. */
export function assertValidCard(card: AdaptiveCard): void {
  const result = validateCard(card);
  assert.deepEqual(result.errors, [], `card errors:\n${result.errors.join('\n')}`);
  assert.ok(Number(card.version) <= 1.5, `version ${card.version}`);
  assert.ok(card.fallbackText.trim().length > 0, 'fallbackText');
}

export function actionsOf(card: AdaptiveCard): RenderedAction[] {
  return renderCardText(card).actions;
}

export function textOf(card: AdaptiveCard): string {
  return renderCardText(card).text;
}

/** Raw TextBlock / Fact strings as they would reach the client (still escaped). */
export function rawTexts(card: unknown): string[] {
  const out: string[] = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) {
      n.forEach(visit);
      return;
    }
    if (n === null || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o['type'] === 'TextBlock' && typeof o['text'] === 'string') out.push(o['text']);
    if (typeof o['title'] === 'string' && typeof o['value'] === 'string' && o['type'] === undefined)
      out.push(o['title'], o['value']);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') visit(v);
  };
  visit(card);
  return out;
}

/** Finds the button with this title, or fails. */
export function button(card: AdaptiveCard, title: string): RenderedAction {
  const a = actionsOf(card).find((x) => x.title === title);
  assert.ok(
    a,
    `no button "${title}" in ${actionsOf(card)
      .map((x) => x.title)
      .join(', ')}`,
  );
  return a;
}

/** The parsed action a client would send for a button, with these input values; fails if it does not parse. */
export function clickPayload(action: RenderedAction, inputs: Record<string, string> = {}): CardAction {
  const parsed = parseCardAction(actionPayload(action, inputs));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.action;
}
