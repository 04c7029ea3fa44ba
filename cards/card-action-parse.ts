/**
 * The one place a payload coming back from a card is checked: the envelope is opened, the bulk card's pick_N inputs
 * are gathered, and the result must be a member of CARD_ACTION (card-verbs.ts). The inputs a client sends along with
 * a button that does not use them (SENT_ALONG) are checked and left out of the action. A refusal is one sentence fit
 * for the user, naming the first thing wrong.
 */
import type { z } from 'zod';
import { CARD_ACTION, SENT_ALONG, type CardAction } from './card-verbs';
import { plainTitle } from './elements';

export type ParsedCardAction = { ok: true; action: CardAction } | { ok: false; error: string };

type Obj = Record<string, unknown>;

const PICK_KEY = /^pick_(\d{1,4})$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class EnvelopeError extends Error {}

function isPlainObject(v: unknown): v is Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The action data: a Submit value or Execute `action.data` as is, or the data of a whole invoke value. */
function dataOf(value: Obj): Obj {
  const wrapper = value['action'];
  if (!isPlainObject(wrapper) || wrapper['type'] !== 'Action.Execute') return value;
  const inner = wrapper['data'] ?? {};
  if (!isPlainObject(inner)) throw new EnvelopeError('The card action data is not an object.');
  const verb = wrapper['verb'];
  if (inner['verb'] !== undefined && inner['verb'] !== verb)
    throw new EnvelopeError('The card action verb does not match its data.');
  return Object.fromEntries([...Object.entries(inner).filter(([k]) => k !== 'verb'), ['verb', verb]]);
}

/** Teams sends every input as a field of its own: the bulk card's pick_N inputs go under `picks` ({N: value}). */
function withPicksGathered(data: Obj): Obj {
  const entries = Object.entries(data);
  const picks = entries.flatMap(([k, v]) => {
    const index = PICK_KEY.exec(k)?.[1];
    return index === undefined ? [] : [[String(Number(index)), v] as const];
  });
  if (picks.length === 0) return data;
  return Object.fromEntries([...entries.filter(([k]) => !PICK_KEY.test(k)), ['picks', Object.fromEntries(picks)]]);
}

/** The field as the card named it: a gathered pick is its input `pick_N` again. */
function fieldName(path: (string | number)[]): string {
  const [first, second] = path;
  return first === 'picks' && second !== undefined ? `pick_${second}` : path.join('.');
}

/** An unknown key as the client sent it: picks gathered from pick_N inputs are named by their first input. */
function inputKey(key: string, sent: Obj): string {
  if (key !== 'picks' || Object.hasOwn(sent, 'picks')) return key;
  return Object.keys(sent).find((k) => PICK_KEY.test(k)) ?? key;
}

/** The sentence for the first issue zod found in `data` (gathered from `sent`). */
function sentenceOf(issue: z.ZodIssue, data: Obj, sent: Obj): string {
  const field = fieldName(issue.path);
  if (issue.code === 'invalid_union_discriminator') {
    const verb = data['verb'];
    return typeof verb === 'string' ? `Unknown card action "${plainTitle(verb, 40)}".` : 'The card action has no verb.';
  }
  if (issue.code === 'unrecognized_keys') {
    const key = inputKey(issue.keys[0] ?? '', sent);
    const where = field ? ` in "${field}"` : '';
    return FORBIDDEN_KEYS.has(key)
      ? `The card action contains a forbidden key "${key}".`
      : `The field "${plainTitle(key, 40)}"${where} is not part of this button.`;
  }
  if (field === '') return 'The card action is not an object.';
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return `The field "${field}" is missing.`;
  return `The field "${field}" ${issue.message}.`;
}

/**
 * Re-validates a payload coming back from a client against CARD_ACTION. Accepts the action data (an Action.Submit
 * `value`, or Action.Execute `action.data`) or a whole `adaptiveCard/action` invoke value
 * (`{action:{type, verb, data}}`, whose verb must agree with its data's). Checks a known verb, no field the verb's
 * button and card inputs do not send (so no `__proto__`/`constructor` keys either), each field's type, GUIDs, ids,
 * enumerations and string lengths (256 unless Graph allows more: description 1,024, rule 3,072, justification
 * 1,000). Text is trimmed, and empty text counts as absent. Bad input never throws: it comes back as
 * `{ok:false, error}` with a sentence fit for the user (only a bug could throw). The card inputs a verb only gets
 * sent along (SENT_ALONG: Teams and the Playground send every input with every Execute button) are checked as text
 * within their input's limit and are not in the action; any other extra field is refused.
 */
export function parseCardAction(value: unknown): ParsedCardAction {
  if (!isPlainObject(value)) return { ok: false, error: 'The card action is not an object.' };
  let sent: Obj;
  try {
    sent = dataOf(value);
  } catch (err) {
    if (err instanceof EnvelopeError) return { ok: false, error: err.message };
    throw err;
  }
  const data = withPicksGathered(sent);
  const parsed = CARD_ACTION.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: first ? sentenceOf(first, data, sent) : 'The card action is not valid.' };
  }
  return { ok: true, action: withoutSentAlong(parsed.data) };
}

/**
 * The action as handlers get it: without the inputs its verb was only sent along, and optional fields sent blank
 * absent rather than `undefined`.
 */
function withoutSentAlong(action: z.output<typeof CARD_ACTION>): CardAction {
  const dropped: readonly string[] = Object.hasOwn(SENT_ALONG, action.verb)
    ? SENT_ALONG[action.verb as keyof typeof SENT_ALONG]
    : [];
  return Object.fromEntries(
    Object.entries(action).filter(([k, v]) => v !== undefined && !dropped.includes(k)),
  ) as CardAction;
}
