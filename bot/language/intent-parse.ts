/**
 * parseIntent: text → Intent, pure and deterministic. A message is read as text: split into sentences and
 * clauses, greetings, courtesy and sign-offs dropped, bot words with typos corrected, and each clause matched
 * against the patterns (tried in a fixed order, most specific first). The clause that asks for something wins;
 * pronouns ("add her to it") take the person or group the message names elsewhere; several requests in one
 * message become a `multi` intent with `steps`.
 */
import type { Intent } from './intent';
import { makeIntent } from './intent-build';
import type { Gazetteer } from './entity-gazetteer';
import { withDirectoryNames } from './intent-directory';
import { isQuestion, readsWholeText } from './intent-table';
import { maskQuotes, toUtterance } from './quote-mask';
import { normalizeMarkup, normalizeUtterance, stripCourtesy } from './text-normalize';
import { fixTypos } from './typo-fix';
import { tidySlots } from './slot-tidy';
import { readSegments } from './message-read';
import { MATCHERS } from './matcher-order';
import { firstMatch } from './patterns/keyword-filter';
import { matchSmallTalk } from './patterns/small-talk';

/** Longest text the parser reads; longer text is `unknown` (the bot refuses it politely). */
export const MAX_UTTERANCE_LENGTH = 10_000;

const TRAILING_WORDS =
  /[\s,;:.!?]+$|\s+(?:then|now|please|pls|plz|instead|for\s+now|as\s+well|too|thx|ty|thanks|asap|anymore|right\s+now|if\s+(?:you\s+can|possible))$/i;

const SECOND_QUESTION = /^(?<a>.+?)\s*,?\s+and\s+(?<b>(?:when|who|what|which|how|where|is|are|does|do)\b.+)$/is;
const IT = /\b(?:it|its|it['’]s)\b/gi;
/** A person pronoun in the second question stands for the first question's person ("is she in B too?"). */
const PERSON = /\b(?:she|he|her|him|they|them|his|hers|their)\b/gi;

/** "who is in Project Falcon and when does it expire?": both questions, "it" read as the first one's group. */
function twoQuestions(text: string): Intent | undefined {
  const m = SECOND_QUESTION.exec(maskQuotes(text));
  if (!m?.groups) return undefined;
  const cut = (m.groups.a ?? '').length;
  const first = parseClause(text.slice(0, cut));
  const group = first.groups?.[0];
  if (!isQuestion(first.intent) || group === undefined) return undefined;
  const person = first.users?.join(' and ');
  const rest = text
    .slice(text.length - (m.groups.b ?? '').length)
    .replace(IT, (w) => (/s$/i.test(w) ? `${group}'s` : group))
    .replace(PERSON, (w) => (person === undefined ? w : /^(?:his|hers|their)$/i.test(w) ? `${person}'s` : person));
  const second = secondQuestion(rest, group);
  if (!isQuestion(second.intent)) return undefined;
  return makeIntent('multi', { steps: [first, second] });
}

/** Questions that, asked without a group after one about a group, are about that group. */
const ABOUT_THE_SAME_GROUP = new Set(['unknown', 'checkMembership', 'listMembers', 'listOwners']);

/** "… and is Bob a member": the second question, about the first one's group when it names none. */
function secondQuestion(rest: string, group: string): Intent {
  const second = parseClause(rest);
  if (!ABOUT_THE_SAME_GROUP.has(second.intent) || second.groups !== undefined) return second;
  const about = parseClause(`${rest.replace(/[\s?.!]+$/, '')} of ${group}`);
  return isQuestion(about.intent) && about.groups !== undefined ? about : second;
}

/** Non-native openings before the request: "Please to add …", "Is possible to put …", "you can to tell me …". */
const LEADING =
  /^(?:please\s*,?\s*)?(?:(?:you\s+can|can\s+you|could\s+you)\s+(?:please\s+)?to\s+|you\s+can\s+(?=(?:verify|check|tell|add|remove|put|make|give|show|list)\b)|(?:it\s+)?is\s+(?:it\s+)?possible\s+(?:for\s+you\s+)?to\s+|to\s+(?=(?:add|remove|put|make|give|delete|create)\b))/i;

/** Matches one clause (already free of greetings) against the patterns; `unknown` when none fits. */
export function parseClause(raw: string): Intent {
  let text = stripCourtesy(raw).replace(LEADING, '');
  for (let guard = 0; guard < 6; guard += 1) {
    const next = text.replace(TRAILING_WORDS, '');
    if (next === text || next.trim().length === 0) break;
    text = next;
  }
  if (text.length === 0) return makeIntent('unknown');
  const u = toUtterance(text);
  const pair = text.length > 12 && / and /i.test(text) ? twoQuestions(text) : undefined;
  if (pair) return pair;
  const intent = firstMatch(MATCHERS, u);
  return intent ? tidySlots(intent) : makeIntent('unknown');
}

/** Options of {@link parseIntent}. */
export interface ParseOptions {
  /** The tenant's known names: a group or person the reading lacks is taken from the one the message names. */
  gazetteer?: Gazetteer;
}

/**
 * Turns one chat message into an Intent. Pure: no I/O, the same output for the same input (and gazetteer). Text
 * that is empty, not a string, longer than {@link MAX_UTTERANCE_LENGTH} characters or not understood gives
 * `{ intent: 'unknown' }`. Never throws.
 */
export function parseIntent(text: string, options: ParseOptions = {}): Intent {
  const intent = parseText(text);
  return options.gazetteer && typeof text === 'string' && text.length <= MAX_UTTERANCE_LENGTH
    ? withDirectoryNames(intent, text, options.gazetteer)
    : intent;
}

/** The parse without the directory. */
function parseText(text: string): Intent {
  if (typeof text !== 'string' || text.length > MAX_UTTERANCE_LENGTH) return makeIntent('unknown');
  const chat = matchSmallTalk(toUtterance(normalizeMarkup(text)));
  if (chat) return chat;
  const normalized = normalizeUtterance(text);
  if (normalized.length === 0) return makeIntent(/<at\b/i.test(text) ? 'help' : 'unknown');
  const whole = parseClause(normalized);
  if (readsWholeText(whole.intent) || whole.justification !== undefined || isBulk(normalized)) return whole;
  const fixed = fixTypos(normalized);
  return readSegments(fixed, parseClause, fixed === normalized ? whole : undefined);
}

/** A pasted list ("add these to Marketing:" then one name a line) is one request, whatever its lines say. */
function isBulk(text: string): boolean {
  const firstLine = text.split('\n', 1)[0] ?? '';
  return (
    text.includes('\n') &&
    /^(?:add|put|include|invite|enrol+|remove|delete|drop|kick|take)\b/i.test(firstLine) &&
    /:\s*$|^\S+\s+(?:these|those|the\s+following|following|all\s+of\s+these)\b[^:]*$/i.test(firstLine)
  );
}
