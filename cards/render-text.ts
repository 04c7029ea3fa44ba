/**
 * Renders any Adaptive Card as plain text for the terminal chat: TextBlocks as lines, FactSets as
 * "name: value", tables as rows joined by " | ", inputs as "[input: label]", and buttons numbered
 * "1) Approve", returning the buttons and inputs so the terminal can map a number to its payload.
 */
import { expandCardTimes } from './card-time';
import { unescapeMarkdown } from './escape-markdown';

export interface RenderedAction {
  /** 1-based, in the order shown. */
  number: number;
  title: string;
  type: 'Action.Execute' | 'Action.Submit' | 'other';
  verb?: string;
  /** The action's own data (without input values); see actionPayload. */
  data: Record<string, unknown>;
  /** False when the action ignores the card's inputs (associatedInputs: 'none'). */
  usesInputs: boolean;
}

export interface RenderedInput {
  id: string;
  label: string;
  kind: 'text' | 'choice' | 'other';
  value?: string;
  choices?: { title: string; value: string }[];
  isRequired: boolean;
  isMultiline: boolean;
}

export interface RenderedCard {
  text: string;
  actions: RenderedAction[];
  inputs: RenderedInput[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Card markdown to terminal text: times expanded, bold markers dropped, escapes removed. */
export function markdownToText(text: string): string {
  return unescapeMarkdown(
    expandCardTimes(text)
      .replace(/(?<!\\)\*\*/g, '')
      .replace(/\n\n/g, '\n'),
  );
}

class Renderer {
  readonly lines: string[] = [];
  readonly actions: RenderedAction[] = [];
  readonly inputs: RenderedInput[] = [];

  element(el: unknown, indent: string): void {
    if (!isObj(el)) return;
    switch (el['type']) {
      case 'TextBlock':
        for (const line of markdownToText(str(el['text'])).split('\n')) this.lines.push(indent + line);
        break;
      case 'FactSet':
        for (const f of arr(el['facts']))
          if (isObj(f))
            this.lines.push(`${indent}${markdownToText(str(f['title']))}: ${markdownToText(str(f['value']))}`);
        break;
      case 'Container':
        if (el['separator'] === true && this.lines.length > 0) this.lines.push('');
        for (const item of arr(el['items'])) this.element(item, indent);
        break;
      case 'ColumnSet':
        for (const col of arr(el['columns']))
          if (isObj(col)) for (const item of arr(col['items'])) this.element(item, indent);
        break;
      case 'Table':
        for (const row of arr(el['rows'])) {
          if (!isObj(row)) continue;
          const cells = arr(row['cells']).map((c) => (isObj(c) ? this.inline(arr(c['items'])) : ''));
          this.lines.push(indent + cells.join(' | '));
        }
        break;
      case 'ActionSet':
        for (const a of arr(el['actions'])) this.action(a, indent);
        break;
      case 'Input.Text':
      case 'Input.ChoiceSet':
      case 'Input.Number':
      case 'Input.Date':
      case 'Input.Time':
      case 'Input.Toggle':
        this.input(el, indent);
        break;
      case 'Image':
        this.lines.push(`${indent}[image: ${str(el['altText']) || 'no description'}]`);
        break;
      default:
        break;
    }
  }

  /** Cell contents on one line. */
  private inline(items: unknown[]): string {
    const sub = new Renderer();
    for (const i of items) sub.element(i, '');
    return sub.lines.filter((l) => l.trim() !== '').join(' ');
  }

  private input(el: Obj, indent: string): void {
    const type = str(el['type']);
    const label = str(el['label']) || str(el['placeholder']) || str(el['id']);
    const input: RenderedInput = {
      id: str(el['id']),
      label,
      kind: type === 'Input.Text' ? 'text' : type === 'Input.ChoiceSet' ? 'choice' : 'other',
      isRequired: el['isRequired'] === true,
      isMultiline: el['isMultiline'] === true,
    };
    if (el['value'] !== undefined) input.value = str(el['value']);
    let line = `${indent}[input: ${label}]`;
    if (input.kind === 'choice') {
      input.choices = arr(el['choices'])
        .filter(isObj)
        .map((c) => ({ title: str(c['title']), value: str(c['value']) }));
      line += ` choices: ${input.choices.map((c) => c.title).join(' / ')}`;
      const current = input.choices.find((c) => c.value === input.value);
      if (current) line += ` (now: ${current.title})`;
    } else if (input.value) {
      line += ` (now: ${input.value})`;
    }
    this.inputs.push(input);
    this.lines.push(line);
  }

  action(a: unknown, indent: string): void {
    if (!isObj(a)) return;
    const type = a['type'] === 'Action.Execute' || a['type'] === 'Action.Submit' ? a['type'] : 'other';
    const data = isObj(a['data']) ? { ...a['data'] } : {};
    const rendered: RenderedAction = {
      number: this.actions.length + 1,
      title: str(a['title']),
      type,
      data,
      usesInputs: a['associatedInputs'] !== 'none',
    };
    const verb = type === 'Action.Execute' ? str(a['verb']) : str(data['verb']);
    if (verb) rendered.verb = verb;
    this.actions.push(rendered);
    this.lines.push(
      `${indent}${rendered.number}) ${rendered.title}${a['type'] === 'Action.OpenUrl' && typeof a['url'] === 'string' ? ` (${a['url']})` : ''}`,
    );
  }
}

/** Renders a card as text with numbered actions. Tolerates any JSON; never throws. */
export function renderCardText(card: unknown): RenderedCard {
  const r = new Renderer();
  if (!isObj(card)) return { text: '', actions: [], inputs: [] };
  for (const el of arr(card['body'])) r.element(el, '');
  const top = arr(card['actions']);
  if (top.length > 0) {
    r.lines.push('');
    for (const a of top) r.action(a, '');
  }
  const text = r.lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, actions: r.actions, inputs: r.inputs };
}

/**
 * The value a client would send for an action: its data plus the input values (unless the action
 * ignores inputs), in the shape parseCardAction accepts. Never throws.
 */
export function actionPayload(
  action: RenderedAction,
  inputValues: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (action.usesInputs) for (const [k, v] of Object.entries(inputValues)) out[k] = v;
  for (const [k, v] of Object.entries(action.data)) out[k] = v;
  if (action.type === 'Action.Execute' && action.verb) out['verb'] = action.verb;
  return out;
}
