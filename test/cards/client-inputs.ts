/**
 * The input values a Teams client (or the Agents Playground's web client) sends with a card's button: every input
 * of the card, as strings. Text as typed (or filled up to the input's maxLength), "true"/"false" (valueOn/valueOff)
 * for a toggle, the values joined by commas for a multi-select choice set, the first choice for a single one.
 */

type Obj = Record<string, unknown>;

/** How full the text inputs are: a short answer each, or every one filled to its maxLength. */
export type Fill = 'typical' | 'full';

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every Input.* element of a card, in order (body, containers, columns, tables). */
export function inputElements(card: unknown): Obj[] {
  const out: Obj[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isObj(node)) {
      if (typeof node['type'] === 'string' && node['type'].startsWith('Input.') && typeof node['id'] === 'string')
        out.push(node);
      // Buttons and refresh blocks hold no inputs of the card.
      for (const [key, value] of Object.entries(node)) if (key !== 'actions' && key !== 'refresh') walk(value);
    }
  };
  walk(card);
  return out;
}

function choiceValues(input: Obj): string[] {
  const choices = Array.isArray(input['choices']) ? input['choices'] : [];
  return choices.filter(isObj).map((c) => String(c['value'] ?? ''));
}

function textValue(input: Obj, fill: Fill, position: number): string {
  const max = typeof input['maxLength'] === 'number' ? input['maxLength'] : 256;
  if (fill === 'full') return 'x'.repeat(max);
  const typed = typeof input['value'] === 'string' && input['value'] !== '' ? input['value'] : `typed text ${position}`;
  return typed.slice(0, max);
}

/** The string a client sends for one input. */
function clientValue(input: Obj, fill: Fill, position: number): string {
  switch (input['type']) {
    case 'Input.Toggle':
      return position % 2 === 0 ? String(input['valueOn'] ?? 'true') : String(input['valueOff'] ?? 'false');
    case 'Input.ChoiceSet': {
      const values = choiceValues(input);
      return input['isMultiSelect'] === true ? values.join(',') : (values[0] ?? '');
    }
    case 'Input.Number':
      return '3';
    case 'Input.Date':
      return '2026-12-08';
    case 'Input.Time':
      return '09:30';
    default:
      return textValue(input, fill, position);
  }
}

/** Every input id of the card with the value a client sends for it. */
export function clientInputValues(card: unknown, fill: Fill = 'typical'): Record<string, string> {
  return Object.fromEntries(inputElements(card).map((input, i) => [String(input['id']), clientValue(input, fill, i)]));
}
