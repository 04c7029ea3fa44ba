/**
 * Checks a card the way Teams would see it, using the `adaptivecards` package (parse errors, property
 * validation) plus groupbot's own rules: version 1.5 or lower, fallback text, alt text on images, no
 * external URLs, labelled inputs, wrapped text, known action verbs, and Teams' size limit.
 */
import { isCardVerb } from './card-verbs';

/** The parts of the adaptivecards UMD build this file uses. */
interface ParseEvent {
  message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ParseEvent[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ParseEvent };
}

let adaptiveCards: AdaptiveCardsModule | undefined;

/**
 * Loads the validator on first use only: `adaptivecards` is a devDependency (tests and tools validate cards; the
 * running bot never does), so importing cards/ in production must not load it.
 * @throws Error (MODULE_NOT_FOUND) where devDependencies are not installed.
 */
function loadAdaptiveCards(): AdaptiveCardsModule {
  // The package's ESM `lib/` build does not load on Node 20 (extension-less imports); the UMD build works
  // without a DOM for parsing and validation (docs/cards-and-conversation.md, Validation), and only `require` reaches it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  adaptiveCards ??= require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;
  return adaptiveCards;
}

/** Highest card version groupbot sends (what Teams renders on every client). */
export const MAX_CARD_VERSION = 1.5;
/** Teams rejects messages larger than about 28 KB; cards stay under this. */
export const MAX_CARD_BYTES = 28 * 1024;

/** Minimum schema version of each element and action type groupbot may use. */
const TYPE_VERSIONS: Record<string, number> = {
  TextBlock: 1.0,
  Image: 1.0,
  Container: 1.0,
  ColumnSet: 1.0,
  Column: 1.0,
  FactSet: 1.0,
  ImageSet: 1.0,
  ActionSet: 1.2,
  RichTextBlock: 1.2,
  TextRun: 1.2,
  Table: 1.5,
  TableRow: 1.5,
  TableCell: 1.5,
  'Input.Text': 1.0,
  'Input.Number': 1.0,
  'Input.Date': 1.0,
  'Input.Time': 1.0,
  'Input.Toggle': 1.0,
  'Input.ChoiceSet': 1.0,
  'Action.Submit': 1.0,
  'Action.ShowCard': 1.0,
  'Action.ToggleVisibility': 1.2,
  'Action.Execute': 1.4,
  'Action.OpenUrl': 1.0,
};

/** TextBlocks longer than this must wrap. */
const WRAP_THRESHOLD = 30;

export interface CardValidation {
  ok: boolean;
  errors: string[];
}

export interface ValidateOptions {
  /** Allow a `refresh` block (not used by groupbot today). Default false. */
  allowRefresh?: boolean;
  /**
   * Allow Action.OpenUrl actions whose `url` is https (the export card's link to the file in the user's own
   * OneDrive). Default false: no other card links anywhere.
   */
  allowFileLinks?: boolean;
}

/** True for an Action.OpenUrl the options allow. */
function allowedLink(node: Obj, opts: ValidateOptions): boolean {
  return opts.allowFileLinks === true && typeof node['url'] === 'string' && /^https:\/\/[^\s]+$/.test(node['url']);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function parseVersion(v: unknown): number | undefined {
  if (typeof v !== 'string' || !/^\d+\.\d+$/.test(v)) return undefined;
  const [major, minor] = v.split('.').map(Number) as [number, number];
  return major + minor / 10;
}

/** groupbot's own rules, checked on the raw JSON tree. */
function walk(node: unknown, path: string, version: number, errors: string[], opts: ValidateOptions): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walk(n, `${path}[${i}]`, version, errors, opts));
    return;
  }
  if (!isObj(node)) return;
  const type = node['type'];
  if (typeof type === 'string' && type !== 'AdaptiveCard') {
    const min = TYPE_VERSIONS[type];
    if (type === 'Action.OpenUrl' && !allowedLink(node, opts))
      errors.push(`${path}: Action.OpenUrl is not allowed (no external URLs).`);
    else if (min === undefined) errors.push(`${path}: element type "${type}" is not allowed.`);
    else if (min > version) errors.push(`${path}: ${type} needs card version ${min.toFixed(1)}.`);
    if (type === 'Image' && (typeof node['altText'] !== 'string' || node['altText'].trim() === ''))
      errors.push(`${path}: an Image needs altText.`);
    if (type === 'TextBlock') {
      const text = node['text'];
      if (typeof text !== 'string' || text.trim() === '') errors.push(`${path}: a TextBlock needs text.`);
      else if (text.length > WRAP_THRESHOLD && node['wrap'] !== true)
        errors.push(`${path}: a long TextBlock needs wrap: true.`);
    }
    if (type.startsWith('Input.') && (typeof node['label'] !== 'string' || node['label'].trim() === ''))
      errors.push(`${path}: an input needs a label.`);
    if (type.startsWith('Action.')) {
      if (typeof node['title'] !== 'string' || node['title'].trim() === '')
        errors.push(`${path}: an action needs a title.`);
      const data = node['data'];
      if (type === 'Action.Execute' || type === 'Action.Submit') {
        const verb = isObj(data) ? data['verb'] : undefined;
        if (!isCardVerb(verb)) errors.push(`${path}: action data needs a known verb (got ${JSON.stringify(verb)}).`);
        if (type === 'Action.Execute' && node['verb'] !== verb)
          errors.push(`${path}: Action.Execute verb and data.verb differ.`);
      }
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'url' && type === 'Action.OpenUrl' && allowedLink(node, opts)) continue;
    if (key === 'url' || key === 'iconUrl' || key === 'backgroundImage')
      errors.push(`${path}.${key}: URLs are not allowed in groupbot cards.`);
    if (key === 'refresh' && !opts.allowRefresh) errors.push(`${path}: a refresh block is not allowed here.`);
    // Action data is a payload, not card elements (it may hold msteams: {type: 'imBack'}).
    if (key !== 'data') walk(value, `${path}.${key}`, version, errors, opts);
  }
}

/**
 * Validates a card: adaptivecards parse and property-validation events, version ≤ 1.5, fallbackText,
 * the rules above, and size ≤ 28 KB. Problems come back as sentences in `errors`.
 * @throws Error only when the `adaptivecards` devDependency is not installed (a production install).
 */
export function validateCard(card: unknown, opts: ValidateOptions = {}): CardValidation {
  const errors: string[] = [];
  if (!isObj(card) || card['type'] !== 'AdaptiveCard') return { ok: false, errors: ['Not an AdaptiveCard object.'] };
  const version = parseVersion(card['version']);
  if (version === undefined) errors.push(`Card version ${JSON.stringify(card['version'])} is not a version string.`);
  else if (version > MAX_CARD_VERSION)
    errors.push(`Card version ${String(card['version'])} is above ${MAX_CARD_VERSION.toFixed(1)}.`);
  if (typeof card['fallbackText'] !== 'string' || card['fallbackText'].trim() === '')
    errors.push('The card has no fallbackText.');
  if (!Array.isArray(card['body']) || card['body'].length === 0) errors.push('The card has no body.');

  const AC = loadAdaptiveCards();
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) errors.push(`adaptivecards: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) errors.push(`adaptivecards: ${e.message}`);

  walk(card, '$', version ?? MAX_CARD_VERSION, errors, opts);
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes > MAX_CARD_BYTES) errors.push(`The card is ${bytes} bytes; Teams allows about ${MAX_CARD_BYTES}.`);
  return { ok: errors.length === 0, errors };
}
