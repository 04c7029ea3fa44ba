import { GraphQueryError, QueryMessages } from './graph-query-error';

/** Token kinds of the `$filter` language. */
export type TokenKind = 'ident' | 'string' | 'guid' | 'datetime' | 'number' | '(' | ')' | ',' | ':' | '/' | 'eof';

export interface Token {
  kind: TokenKind;
  /** For `string` the unescaped value; otherwise the source text. */
  text: string;
  /** 0-based offset in the source. */
  pos: number;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?(?![\w:])/;
const NUMBER = /^-?\d+(?:\.\d+)?(?![\w.])/;
const IDENT = /^[$A-Za-z_][\w$]*/;
const LITERALS: ReadonlyArray<[TokenKind, RegExp]> = [
  ['guid', GUID],
  ['datetime', DATETIME],
  ['number', NUMBER],
  ['ident', IDENT],
];

/** Builds the "Invalid filter clause" error used for every syntax problem. */
export function syntaxError(source: string, pos: number, what: string): GraphQueryError {
  return new GraphQueryError(
    400,
    'BadRequest',
    QueryMessages.filterSyntax(`Syntax error: ${what} at position ${pos} in '${source}'.`),
  );
}

/**
 * Splits a decoded `$filter` into tokens. String literals use single quotes with `''` as an escaped quote;
 * GUIDs, datetimes and numbers are unquoted literals.
 * @throws GraphQueryError 400 BadRequest on an unterminated string or an unexpected character.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i++;
      continue;
    }
    if (ch === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw syntaxError(source, start, 'unterminated string literal');
        const c = source[i] as string;
        if (c === "'") {
          if (source[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += c;
        i++;
      }
      tokens.push({ kind: 'string', text: value, pos: start });
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === ':' || ch === '/') {
      tokens.push({ kind: ch, text: ch, pos: i });
      i++;
      continue;
    }
    const rest = source.slice(i);
    let matched: Token | undefined;
    for (const [kind, pattern] of LITERALS) {
      const m = pattern.exec(rest);
      if (m) {
        matched = { kind, text: m[0], pos: i };
        break;
      }
    }
    if (!matched) throw syntaxError(source, i, `character '${ch}' is not valid`);
    tokens.push(matched);
    i += matched.text.length;
  }
  tokens.push({ kind: 'eof', text: '', pos: source.length });
  return tokens;
}
