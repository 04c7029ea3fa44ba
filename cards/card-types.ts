/**
 * Adaptive Card JSON shapes that groupbot emits (schema 1.5 subset), as plain data types.
 * Builders in this folder produce these; nothing here renders or sends anything.
 */

/** The highest card version Teams renders everywhere; every groupbot card uses it. */
export const CARD_VERSION = '1.5';

export type TextSize = 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
export type TextWeight = 'Lighter' | 'Default' | 'Bolder';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  fontType?: 'Default' | 'Monospace';
  spacing?: Spacing;
  separator?: boolean;
  style?: 'default' | 'heading';
  maxLines?: number;
}

export interface Fact {
  title: string;
  value: string;
}
export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  spacing?: Spacing;
  separator?: boolean;
  id?: string;
}

export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: 'auto' | 'stretch' | number;
  verticalContentAlignment?: 'Top' | 'Center' | 'Bottom';
}
export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface TableCell {
  type: 'TableCell';
  items: CardElement[];
}
export interface TableRow {
  type: 'TableRow';
  cells: TableCell[];
  style?: ContainerStyle;
}
export interface Table {
  type: 'Table';
  columns: { width: number }[];
  rows: TableRow[];
  firstRowAsHeader?: boolean;
  showGridLines?: boolean;
  gridStyle?: ContainerStyle;
  spacing?: Spacing;
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardButton[];
  spacing?: Spacing;
}

export interface InputText {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder?: string;
  value?: string;
  isMultiline?: boolean;
  maxLength?: number;
  isRequired?: boolean;
  errorMessage?: string;
  regex?: string;
  spacing?: Spacing;
}

export interface Choice {
  title: string;
  value: string;
}
export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: Choice[];
  value?: string;
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  placeholder?: string;
  spacing?: Spacing;
}

export type CardElement = TextBlock | FactSet | Container | ColumnSet | Table | ActionSet | InputText | InputChoiceSet;

/** Data carried by every groupbot button: a verb plus its typed fields (see actions.ts). */
export type ButtonData = { verb: string } & Record<string, unknown>;

export interface ActionExecute {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: ButtonData;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
  id?: string;
}

export interface ActionSubmit {
  type: 'Action.Submit';
  title: string;
  data: ButtonData;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
  id?: string;
}

/** Opens a link in the browser (downloads served by the bot's own loopback server). */
export interface ActionOpenUrl {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardButton = ActionExecute | ActionSubmit | ActionOpenUrl;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: typeof CARD_VERSION;
  /** Plain text shown by clients that cannot render the card (and in notifications). */
  fallbackText: string;
  speak?: string;
  body: CardElement[];
  actions?: CardButton[];
  msteams?: { width: 'Full' };
}

/** The attachment content type Teams and the Bot Framework use for Adaptive Cards. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
