/**
 * Translates a .NET regular expression (the dialect Entra's -match uses) into a JavaScript RegExp with the same
 * meaning for the constructs both share, and refuses the constructs JavaScript cannot reproduce rather than guess.
 * Matching is case-insensitive and unanchored (a search, like .NET Regex.IsMatch).
 */

/** A pattern that is either invalid or cannot be evaluated locally; `reason` is the message for the admin. */
export class RegexDialectError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
    this.name = 'RegexDialectError';
  }
}

const JS_SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);
const QUANTIFIER_BRACE = /^\{\d+(?:,\d*)?\}/;

/**
 * Returns the JavaScript source equivalent to a .NET pattern. Throws RegexDialectError for unsupported
 * constructs (atomic groups, possessive quantifiers, class subtraction, \Z, \G, comments, conditionals, inline
 * options other than i) and for patterns that do not compile.
 */
export function translateDotNetRegex(pattern: string): RegExp {
  let out = '';
  let i = 0;
  let inClass = false;
  let classStart = false;
  if (/^\(\?i\)/i.test(pattern)) i = 4;
  const unsupported = (what: string, at: number): never => {
    throw new RegexDialectError(
      `the pattern uses ${what}, which cannot be evaluated locally (JavaScript has no equivalent)`,
      at,
    );
  };
  let lastWasQuantifier = false;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    const next = pattern[i + 1] ?? '';
    const wasClassStart = classStart;
    classStart = false;
    if (ch === '\\') {
      lastWasQuantifier = false;
      if (next === '') throw new RegexDialectError('the pattern ends with a lone backslash', i);
      if (!inClass && next === 'A') {
        out += '^';
        i += 2;
        continue;
      }
      if (!inClass && next === 'z') {
        out += '$';
        i += 2;
        continue;
      }
      if (next === 'Z') unsupported('\\Z (end or before a final newline)', i);
      if (next === 'G') unsupported('\\G (contiguous match)', i);
      if (next === 'e') {
        out += '\\x1B';
        i += 2;
        continue;
      }
      if (next === 'a') {
        out += '\\x07';
        i += 2;
        continue;
      }
      if (/[A-Za-z0-9]/.test(next)) {
        out += ch + next;
        i += 2;
        continue;
      }
      if (JS_SYNTAX.has(next) || (inClass && next === '-')) {
        out += ch + next;
        i += 2;
        continue;
      }
      // .NET lets any non-word character be escaped (\@, \#, \ ); JavaScript's unicode mode does not.
      out += next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (ch === ']' && !wasClassStart) {
        inClass = false;
        out += ch;
        i++;
        continue;
      }
      if (ch === ']' && wasClassStart) {
        out += '\\]';
        i++;
        continue;
      }
      if (ch === '-' && next === '[') unsupported('character class subtraction [a-z-[…]]', i);
      if (ch === '[') {
        out += '\\[';
        i++;
        continue;
      }
      out += ch;
      i++;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      classStart = true;
      lastWasQuantifier = false;
      continue;
    }
    if (ch === '(' && next === '?') {
      lastWasQuantifier = false;
      const rest = pattern.slice(i);
      if (rest.startsWith('(?>')) unsupported('an atomic group (?>…)', i);
      if (rest.startsWith('(?#')) unsupported('an inline comment (?#…)', i);
      if (rest.startsWith('(?(')) unsupported('a conditional (?(…)…)', i);
      if (
        rest.startsWith('(?:') ||
        rest.startsWith('(?=') ||
        rest.startsWith('(?!') ||
        rest.startsWith('(?<=') ||
        rest.startsWith('(?<!')
      ) {
        const len = rest.startsWith('(?<') ? 4 : 3;
        out += rest.slice(0, len);
        i += len;
        continue;
      }
      const named = /^\(\?(?:<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(rest);
      if (named) {
        out += `(?<${named[1] ?? named[2]}>`;
        i += named[0].length;
        continue;
      }
      if (/^\(\?i:/i.test(rest)) {
        out += '(?:';
        i += 4;
        continue;
      }
      if (/^\(\?i\)/i.test(rest)) {
        i += 4;
        continue;
      }
      const options = /^\(\?[-imnsx]+[:)]/.exec(rest);
      if (options) unsupported(`the inline option ${options[0]} (only (?i) is supported)`, i);
      if (/^\(\?<[^>]*-/.test(rest)) unsupported('a balancing group', i);
      throw new RegexDialectError(`unrecognised group construct ${rest.slice(0, 3)}`, i);
    }
    if (ch === '{') {
      const q = QUANTIFIER_BRACE.exec(pattern.slice(i));
      if (q) {
        out += q[0];
        i += q[0].length;
        if (pattern[i] === '+') unsupported('a possessive quantifier', i);
        lastWasQuantifier = true;
        continue;
      }
      out += '\\{';
      i++;
      lastWasQuantifier = false;
      continue;
    }
    if (ch === '}') {
      out += '\\}';
      i++;
      lastWasQuantifier = false;
      continue;
    }
    if (ch === '*' || ch === '+' || ch === '?') {
      if (ch === '+' && lastWasQuantifier) unsupported('a possessive quantifier', i);
      out += ch;
      i++;
      lastWasQuantifier = ch !== '?';
      continue;
    }
    lastWasQuantifier = false;
    out += ch;
    i++;
  }
  if (inClass) throw new RegexDialectError('a character class [ is not closed with ]', pattern.length);
  try {
    return new RegExp(out, 'iu');
  } catch (err) {
    const detail =
      err instanceof Error ? err.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(err);
    throw new RegexDialectError(`invalid regular expression: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}`, 0);
  }
}
