/**
 * The buttons of groupbot cards. Their data is typed by the card-verb registry (card-verbs.ts, VerbData), so a card
 * can only emit what parseCardAction (card-action-parse.ts) accepts.
 */
import type { ActionExecute, ActionSubmit } from './card-types';
import { LIMITS, type VerbData } from './card-verbs';
import { plainTitle } from './elements';

export type ButtonStyle = 'default' | 'positive' | 'destructive';

interface ButtonOptions {
  style?: ButtonStyle;
  ignoreInputs?: boolean;
}

function dataOf(data: VerbData): ActionExecute['data'] {
  const out: ActionExecute['data'] = { verb: data.verb };
  for (const [k, v] of Object.entries(data)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * An Action.Execute button (Universal Actions): the bot learns who clicked, and can replace the card in
 * its invoke response. Use it for every button whose handler needs the clicker's identity. Never throws.
 */
export function executeButton(title: string, data: VerbData, opts: ButtonOptions = {}): ActionExecute {
  const b: ActionExecute = {
    type: 'Action.Execute',
    title: plainTitle(title, 80),
    verb: data.verb,
    data: dataOf(data),
  };
  if (opts.style && opts.style !== 'default') b.style = opts.style;
  if (opts.ignoreInputs) b.associatedInputs = 'none';
  return b;
}

/**
 * A button that sends `text` as if typed. Teams posts it as the user's message (msteams imBack); a client
 * that ignores `msteams` sends the data instead, which parses as `{verb:'sendText', text}`. Never throws.
 */
export function sendTextButton(title: string, text: string): ActionSubmit {
  const value = plainTitle(text, LIMITS.string);
  return {
    type: 'Action.Submit',
    title: plainTitle(title, 80),
    data: { verb: 'sendText', text: value, msteams: { type: 'imBack', value } },
    associatedInputs: 'none',
  };
}

/** The Action.Execute of a card's Universal Actions `refresh` block (Teams runs it by itself, so it has no title). */
export type RefreshAction = Omit<ActionExecute, 'title'>;

/** The refresh action for this data (typed by the registry like every button). Never throws. */
export function refreshAction(data: VerbData): RefreshAction {
  return { type: 'Action.Execute', verb: data.verb, data: dataOf(data) };
}
