/**
 * Splits rule text into tokens. Knows quoting (backtick and doubled-single-quote escapes), hyphenated operators,
 * numbers and unquoted ISO 8601 instants, and rejects what Entra rejects at this level (curly quotes, missing
 * spaces between words, C-style operators) with a message that says what to write instead.
 */
import { RuleSyntaxError } from './rule-syntax-error';

export type TokenKind =
  | 'word'
  | 'op'
  | 'string'
  | 'sqstring'
  | 'number'
  | 'dateTime'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The text as written. */
  readonly text: string;
  /** Strings: the unescaped value; op: the lower-cased name without hyphen; word: lower-cased text. */
  readonly value: string;
  /** 1-based column of the first character. */
  readonly column: number;
  readonly spaceBefore: boolean;
  /** Strings only: a lone single quote was written (Entra handles these unreliably). */
  readonly loneSingleQuote: boolean;
}

/** An unquoted ISO 8601 instant (date, optional time, optional zone). */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/i;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const DATE_START = /^\d{4}-\d/;
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters, digits, `_`, `.` and `$` make up words (properties, keywords, durations). */
function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 36;
}

/** Digits, letters, `:`, `.`, `+`, `-` make up numbers and unquoted instants. */
function isNumberChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 58 || c === 46 || c === 43 || c === 45;
}
const CURLY = new Set(['\u201C', '\u201D', '\u201E', '\u2018', '\u2019', '\u00AB', '\u00BB']);
type TokenInit = { kind: TokenKind; text: string; value: string; column: number; loneSingleQuote?: boolean };
const WORDLIKE: ReadonlySet<TokenKind> = new Set(['word', 'op', 'string', 'sqstring', 'number', 'dateTime']);

const C_STYLE: Record<string, string> = {
  '==': '-eq',
  '=': '-eq',
  '!=': '-ne',
  '<>': '-ne',
  '&&': '-and',
  '&': '-and',
  '||': '-or',
  '|': '-or',
  '!': '-not',
  '<=': '-le',
  '>=': '-ge',
  '<': '-le',
  '>': '-ge',
};

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00A0';
}

/** Tokenizes a rule. Throws RuleSyntaxError on a character or literal that cannot start a valid token. */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let spaceBefore = true;
  const push = (token: TokenInit): void => {
    const prev = tokens[tokens.length - 1];
    if (prev && !spaceBefore && WORDLIKE.has(prev.kind) && WORDLIKE.has(token.kind)) {
      throw new RuleSyntaxError(
        `put a space between ${prev.text} and ${token.text} (properties, operators and values are separated by spaces)`,
        token.column,
      );
    }
    // One object shape for every token keeps the lexer monomorphic (an object spread here made it 20x slower).
    tokens.push({
      kind: token.kind,
      text: token.text,
      value: token.value,
      column: token.column,
      spaceBefore,
      loneSingleQuote: token.loneSingleQuote === true,
    });
    spaceBefore = false;
  };

  while (i < text.length) {
    const ch = text[i] as string;
    const column = i + 1;
    if (isSpace(ch)) {
      spaceBefore = true;
      i++;
      continue;
    }
    if (CURLY.has(ch)) {
      throw new RuleSyntaxError(
        `curly quote ${ch} is not allowed; use straight double quotes "..." (often pasted from a document)`,
        column,
      );
    }
    if (ch === '(') {
      push({ kind: 'lparen', text: ch, value: ch, column });
      i++;
      continue;
    }
    if (ch === ')') {
      push({ kind: 'rparen', text: ch, value: ch, column });
      i++;
      continue;
    }
    if (ch === '[') {
      push({ kind: 'lbracket', text: ch, value: ch, column });
      i++;
      continue;
    }
    if (ch === ']') {
      push({ kind: 'rbracket', text: ch, value: ch, column });
      i++;
      continue;
    }
    if (ch === ',') {
      push({ kind: 'comma', text: ch, value: ch, column });
      i++;
      continue;
    }
    if (ch === '"') {
      i = lexDoubleQuoted(text, i, push);
      continue;
    }
    if (ch === "'") {
      i = lexSingleQuoted(text, i, push);
      continue;
    }
    const code = text.charCodeAt(i);
    const nextCode = text.charCodeAt(i + 1);
    if (ch === '-' && isLetter(nextCode)) {
      let j = i + 1;
      while (j < text.length && isLetter(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      push({ kind: 'op', text: word, value: word.slice(1).toLowerCase(), column });
      i = j;
      continue;
    }
    if (isDigit(code) || (ch === '-' && isDigit(nextCode))) {
      let j = i + 1;
      while (j < text.length && isNumberChar(text.charCodeAt(j))) j++;
      const raw = text.slice(i, j);
      if (NUMBER.test(raw)) push({ kind: 'number', text: raw, value: raw, column });
      else if (ISO_INSTANT.test(raw)) push({ kind: 'dateTime', text: raw, value: raw, column });
      else if (DATE_START.test(raw))
        throw new RuleSyntaxError(
          `'${raw}' is not a valid date; write an ISO 8601 instant such as 2020-06-10T18:13:20Z`,
          column,
        );
      else throw new RuleSyntaxError(`'${raw}' is not a valid value; put text in double quotes`, column);
      i = j;
      continue;
    }
    if (isWordChar(code)) {
      let j = i + 1;
      while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      push({ kind: 'word', text: word, value: word.toLowerCase(), column });
      i = j;
      continue;
    }
    const two = text.slice(i, i + 2);
    const replacement = C_STYLE[two] ?? C_STYLE[ch];
    if (replacement) {
      const written = C_STYLE[two] ? two : ch;
      throw new RuleSyntaxError(`'${written}' is not a rule operator; write ${replacement}`, column);
    }
    throw new RuleSyntaxError(`unexpected character '${ch}'`, column);
  }
  tokens.push({
    kind: 'eof',
    text: 'end of rule',
    value: '',
    column: text.length + 1,
    spaceBefore: true,
    loneSingleQuote: false,
  });
  return tokens;
}

function lexDoubleQuoted(text: string, start: number, push: (t: TokenInit) => void): number {
  let value = '';
  let loneSingleQuote = false;
  let i = start + 1;
  for (;;) {
    if (i >= text.length) {
      const curly = [...value].some((c) => CURLY.has(c));
      throw new RuleSyntaxError(
        curly
          ? 'unterminated string: it contains a curly quote; close it with a straight double quote "'
          : 'unterminated string: add the closing double quote "',
        start + 1,
      );
    }
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch === '`' && next === '"') {
      value += '"';
      i += 2;
      continue;
    }
    if (ch === "'" && next === "'") {
      value += "'";
      i += 2;
      continue;
    }
    if (ch === "'") loneSingleQuote = true;
    if (ch === '"') {
      i++;
      break;
    }
    value += ch;
    i++;
  }
  push({ kind: 'string', text: text.slice(start, i), value, column: start + 1, loneSingleQuote });
  return i;
}

function lexSingleQuoted(text: string, start: number, push: (t: TokenInit) => void): number {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) throw new RuleSyntaxError("unterminated string: add the closing single quote '", start + 1);
    const ch = text[i] as string;
    if (ch === "'" && text[i + 1] === "'") {
      value += "'";
      i += 2;
      continue;
    }
    if (ch === "'") {
      i++;
      break;
    }
    value += ch;
    i++;
  }
  push({ kind: 'sqstring', text: text.slice(start, i), value, column: start + 1 });
  return i;
}
