/**
 * What a test needs from a pushed card without a browser: its buttons (title, verb, data) and its inputs' current
 * values, so a click through the Playground's API sends what the UI would send (data plus the input values).
 */

export interface CardButton {
  title: string;
  type: string;
  verb?: string;
  data: Record<string, unknown>;
}

function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node as Record<string, unknown>).forEach((n) => walk(n, visit));
  }
}

/** Every Action.Execute / Action.Submit of a card, in order. */
export function cardButtons(card: unknown): CardButton[] {
  const out: CardButton[] = [];
  walk(card, (o) => {
    if ((o['type'] === 'Action.Execute' || o['type'] === 'Action.Submit') && typeof o['title'] === 'string')
      out.push({
        title: o['title'],
        type: o['type'],
        ...(typeof o['verb'] === 'string' ? { verb: o['verb'] } : {}),
        data: (o['data'] as Record<string, unknown>) ?? {},
      });
  });
  return out;
}

/** The inputs of a card with their current values (what the UI sends with a click when nobody types). */
export function cardInputs(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  walk(card, (o) => {
    if (typeof o['type'] === 'string' && o['type'].startsWith('Input.') && typeof o['id'] === 'string')
      out[o['id']] = typeof o['value'] === 'string' ? o['value'] : '';
  });
  return out;
}

/** The labels of a card's inputs. */
export function inputLabels(card: unknown): string[] {
  const out: string[] = [];
  walk(card, (o) => {
    if (typeof o['type'] === 'string' && o['type'].startsWith('Input.') && typeof o['label'] === 'string')
      out.push(o['label']);
  });
  return out;
}

/**
 * The button whose title matches `title`.
 * @throws Error naming the titles there are, when none matches.
 */
export function buttonOf(card: unknown, title: string | RegExp): CardButton {
  const buttons = cardButtons(card);
  const found = buttons.find((b) => (typeof title === 'string' ? b.title === title : title.test(b.title)));
  if (!found)
    throw new Error(
      `no button ${String(title)} on the card; its buttons: ${buttons.map((b) => b.title).join(', ') || 'none'}`,
    );
  return found;
}
