/**
 * Turning captured phrases into slot values: trimmed, unquoted, without leading articles or a trailing
 * generic "group"/"team"; users split on commas, "and", "&" and newlines; "me"/"I"/"myself"/"my" → "me".
 */
import { MASK, maskQuotes } from './quote-mask';

/** True when the whole phrase is one quoted span (`"a" and "b"` is two spans, so false). */
export function isQuoted(text: string): boolean {
  if (text.length < 3) return false;
  const masked = maskQuotes(text);
  for (let i = 1; i < masked.length - 1; i += 1) if (masked[i] !== MASK) return false;
  return masked[0] !== MASK && masked[masked.length - 1] !== MASK;
}

/** Removes one pair of surrounding quotes (straight, curly, guillemets, backticks), then trims. */
export function unquote(text: string): string {
  const t = text.trim();
  return isQuoted(t) ? t.slice(1, -1).trim() : t;
}

/** Collapses whitespace (line breaks included) and trims edge punctuation that is never part of a name. */
export function cleanEdges(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,;:\-–—]+/, '')
    .replace(/[\s,;:.!?…]+$/, '')
    .trim();
}

const EMPTY_GROUP =
  /^(?:a|an|the|it|this|that|one|some|any|my|our|new|group|groups|team|teams|this group|that group|the group|a group)$/i;
const TRAILING_GROUP_WORD =
  /\s+(?:(?:security|microsoft\s*365|m365|ms\s*365|office\s*365|o365|unified|dynamic|distribution|mail[- ]enabled(?: security)?)\s+)?(?:group|groups|team|teams)$/i;

/** A group phrase as a slot value; undefined when nothing specific is left ("the group"). */
export function cleanGroup(phrase: string | undefined): string | undefined {
  if (phrase === undefined) return undefined;
  let t = cleanEdges(phrase);
  t = t.replace(/^(?:the|a|an)\s+(?=\S)/i, '');
  if (isQuoted(t)) return unquote(t) || undefined;
  t = t.replace(/^(?:(?:(?:group|team)\s+)?(?:called|named)|group)\s+(?=\S)/i, '');
  if (isQuoted(t)) return unquote(t) || undefined;
  t = t.replace(/^of\s+(?=\S)/i, '');
  t = t.replace(/^(?:deleted|removed)\s+(?:group|team)\s+(?=\S)/i, '');
  t = t.replace(/\s+(?:with|and)\s+(?:all\s+)?(?:its|their)\s+(?:members|owners|membership)$/i, '');
  t = t.replace(/\s+(?:(?:in|on)\s+(?:microsoft\s+)?teams|to|from|in|into|as|of|for|with|on|since)$/i, '');
  const stripped = t.replace(TRAILING_GROUP_WORD, '').replace(TRAILING_GROUP_WORD, '');
  if (stripped.length > 0) t = stripped;
  t = unquote(t);
  if (t.length === 0 || EMPTY_GROUP.test(t)) return undefined;
  return t;
}

/** The `groups` slot: one entry holding the whole phrase (never split on "and"), or undefined. */
export function groupsSlot(phrase: string | undefined): string[] | undefined {
  const g = cleanGroup(phrase);
  return g === undefined ? undefined : [g];
}

/** A new name (createGroup, renameGroup): unquoted, without a leading "the". */
export function cleanName(phrase: string | undefined): string | undefined {
  if (phrase === undefined) return undefined;
  let t = cleanEdges(phrase);
  if (!isQuoted(t)) t = t.replace(/^the\s+(?=\S)/i, '');
  t = unquote(t);
  return t.length > 0 ? t : undefined;
}

/** Free text (description, justification, licence, rule text): trimmed and unquoted. */
export function cleanFree(phrase: string | undefined): string | undefined {
  if (phrase === undefined) return undefined;
  const t = unquote(cleanEdges(phrase));
  return t.length > 0 ? t : undefined;
}

const ME = /^(?:me|i|myself|my\s?self|my|moi)$/i;
const PLACEHOLDER =
  /^(?:these|those|them|this|that|the following|following|these users|those users|these people|the following users|the following people|everyone below|below|him|her|they|it|someone|somebody|users?|people|members?)$/i;
const SEPARATOR =
  /\s*(?:[,;\n]|&|\s\+(?=\s)|(?<=\p{L})\/(?=\p{L})|(?<![\p{L}\p{N}_@.])(?:and|plus|as well as|along with|together with)(?![\p{L}\p{N}_]))\s*/giu;

const ROLE_BEFORE_NAME =
  /^(?:[Oo]ur|[Mm]y|[Tt]he)\s+(?:new\s+)?(?:intern|trainee|apprentice|contractor|consultant|temp|colleague|co-?worker|teammate|manager|boss|hire|assistant)\s+(?=\p{Lu})/u;

/** One person as a slot value, or undefined for placeholders ("these", "them"). */
export function cleanUser(phrase: string): string | undefined {
  let t = cleanEdges(phrase);
  t = t.replace(/^(?:[-*•·▪◦]|\d{1,4}[.)])\s+/, '');
  t = t.replace(/^(?:please|pls|plz|kindly)\s+(?=\S)/i, '');
  // "could Miriam please be added": the politeness word after the name is not part of it.
  if (!isQuoted(t)) t = t.replace(/(?<=\S)\s+(?:please|pls|plz|kindly)$/i, '');
  // A role before a capitalised name: "our intern Kim", "my colleague Bob" (not "our interns").
  t = t.replace(ROLE_BEFORE_NAME, '');
  t = t.replace(/^(?:the|a|an)\s+(?=\S)/i, '');
  // "give to Pradeep the access": the words around a name that a non-native order leaves on it.
  if (!isQuoted(t)) t = t.replace(/^(?:to|for)\s+(?=\p{Lu})/u, '').replace(/(?<=\S)\s+(?:the|a|an)$/, '');
  t = t.replace(/^(?:mr|mrs|ms|miss|mister|missus|dr|prof)\.?\s+(?=\S)/i, '');
  if (!isQuoted(t))
    t = t.replace(/^(?:(?:the\s+)?(?:users?|members?|people|persons?|guests?|employees?|colleagues?))\s+(?=\S)/i, '');
  t = unquote(t);
  const angle = /^(?:.*?)\s*[<(\[]\s*([^\s<>()\[\]]+@[^\s<>()\[\]]+)\s*[>)\]]$/.exec(t);
  if (angle?.[1]) t = angle[1];
  t = t.replace(/^mailto:/i, '');
  if (t.startsWith('@') && !t.slice(1).includes('@')) t = t.slice(1).trim();
  t = t.replace(/['’]s$/i, (m) => (ME.test(t.slice(0, -m.length)) ? '' : m));
  if (t.length === 0 || PLACEHOLDER.test(t)) return undefined;
  return ME.test(t) ? 'me' : t;
}

/**
 * The `users` slot: split on commas, semicolons, newlines, "&" and "and" (outside quotes), cleaned and
 * de-duplicated in order; undefined when nobody is left.
 */
export function usersSlot(phrase: string | undefined): string[] | undefined {
  if (phrase === undefined) return undefined;
  const masked = maskQuotes(phrase);
  const parts: string[] = [];
  let start = 0;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(masked); m; m = SEPARATOR.exec(masked)) {
    if (m[0].length === 0) {
      SEPARATOR.lastIndex += 1;
      continue;
    }
    parts.push(phrase.slice(start, m.index));
    start = m.index + m[0].length;
  }
  parts.push(phrase.slice(start));
  const out: string[] = [];
  for (const part of parts) {
    const u = cleanUser(part);
    if (u !== undefined && !out.includes(u)) out.push(u);
  }
  return out.length > 0 ? out : undefined;
}
