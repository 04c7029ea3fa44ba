/**
 * Small builders for card elements. Text parameters are Markdown (see markdown.ts), so user text can only
 * arrive escaped; titles of buttons, choices, labels and placeholders are plain text by the schema.
 */
import {
  type ActionSet,
  type AdaptiveCard,
  type CardButton,
  type CardElement,
  type Choice,
  type Column,
  type ColumnSet,
  type Container,
  type ContainerStyle,
  type Fact,
  type FactSet,
  type InputChoiceSet,
  type InputText,
  type Table,
  type TableRow,
  type TextBlock,
  CARD_VERSION,
} from './card-types';
import { Markdown } from './markdown';

/** Longest text groupbot puts in a plain-text property (titles, labels, choice titles). */
const MAX_PLAIN = 200;

/** Plain-text properties: single line, no control characters, bounded length. Never throws. */
export function plainTitle(text: string, max = MAX_PLAIN): string {
  const s = String(text)
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A TextBlock that always wraps. Never throws. */
export function textBlock(text: Markdown, opts: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text: text.value, wrap: true, ...opts };
}

/** A card title: large, bold, marked as a heading for screen readers. */
export function heading(text: Markdown): TextBlock {
  return textBlock(text, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}

/** Small, subtle text (secondary details). Never throws. */
export function subtle(text: Markdown): TextBlock {
  return textBlock(text, { isSubtle: true, size: 'Small', spacing: 'Small' });
}

/** Facts as name/value pairs; pairs whose value is undefined or empty are left out. Never throws. */
export function factSet(facts: readonly (readonly [Markdown, Markdown | undefined])[]): FactSet {
  const out: Fact[] = [];
  for (const [title, value] of facts)
    if (value !== undefined && value.value !== '') out.push({ title: title.value, value: value.value });
  return { type: 'FactSet', facts: out };
}

/** A Container of elements. Never throws. */
export function container(items: CardElement[], opts: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', items, ...opts };
}

/** A ColumnSet; columns stretch unless a width is given. Never throws. */
export function columns(cols: { items: CardElement[]; width?: Column['width'] }[]): ColumnSet {
  return {
    type: 'ColumnSet',
    columns: cols.map((c) => ({ type: 'Column', items: c.items, width: c.width ?? 'stretch' })),
  };
}

/** A table with a header row; every cell is one TextBlock. */
export function table(
  header: readonly string[],
  rows: readonly (readonly Markdown[])[],
  widths?: readonly number[],
  rowStyles?: readonly (ContainerStyle | undefined)[],
): Table {
  const cell = (m: Markdown, bold = false) => ({
    type: 'TableCell' as const,
    items: [textBlock(m, bold ? { weight: 'Bolder' } : {})],
  });
  const headerRow: TableRow = { type: 'TableRow', cells: header.map((h) => cell(Markdown.plain(h), true)) };
  const bodyRows: TableRow[] = rows.map((r, i) => {
    const row: TableRow = { type: 'TableRow', cells: r.map((m) => cell(m)) };
    const style = rowStyles?.[i];
    if (style) row.style = style;
    return row;
  });
  return {
    type: 'Table',
    columns: header.map((_, i) => ({ width: widths?.[i] ?? 1 })),
    rows: [headerRow, ...bodyRows],
    firstRowAsHeader: true,
    showGridLines: false,
  };
}

/** Most buttons one ActionSet shows (the default host config's maxActions). */
export const MAX_ACTIONS_PER_SET = 5;

/** Buttons inside the body (at most MAX_ACTIONS_PER_SET are shown; see actionSets). Never throws. */
export function actionSet(actions: CardButton[]): ActionSet {
  return { type: 'ActionSet', actions };
}

/** Buttons split into ActionSets of at most MAX_ACTIONS_PER_SET, so none is dropped by the client. */
export function actionSets(actions: readonly CardButton[]): ActionSet[] {
  const sets: ActionSet[] = [];
  for (let i = 0; i < actions.length; i += MAX_ACTIONS_PER_SET)
    sets.push(actionSet(actions.slice(i, i + MAX_ACTIONS_PER_SET)));
  return sets;
}

/** A labelled Input.Text (label made plain text). Never throws. */
export function inputText(id: string, label: string, opts: Omit<InputText, 'type' | 'id' | 'label'> = {}): InputText {
  const input: InputText = { type: 'Input.Text', id, label: plainTitle(label), ...opts };
  if (input.value !== undefined) input.value = String(input.value);
  return input;
}

/** A labelled Input.ChoiceSet, compact unless a style is given; titles made plain text. Never throws. */
export function choiceSet(
  id: string,
  label: string,
  choices: readonly Choice[],
  opts: Omit<InputChoiceSet, 'type' | 'id' | 'label' | 'choices'> = {},
): InputChoiceSet {
  return {
    type: 'Input.ChoiceSet',
    id,
    label: plainTitle(label),
    choices: choices.map((c) => ({ title: plainTitle(c.title), value: c.value })),
    style: 'compact',
    ...opts,
  };
}

/**
 * The card envelope: version 1.5, fallback text (plain, trimmed to 1,000 characters), optional speak text.
 */
export function adaptiveCard(parts: {
  fallbackText: string;
  body: CardElement[];
  actions?: CardButton[];
  speak?: string;
  fullWidth?: boolean;
}): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    fallbackText: plainTitle(parts.fallbackText, 1000),
    body: parts.body,
  };
  if (parts.actions && parts.actions.length > 0) card.actions = parts.actions;
  if (parts.speak) card.speak = plainTitle(parts.speak, 1000);
  if (parts.fullWidth) card.msteams = { width: 'Full' };
  return card;
}
