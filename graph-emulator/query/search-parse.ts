import { GraphQueryError, QueryMessages } from './graph-query-error';
import { findProperty } from './schema-lookup';
import type { EntitySchema } from './schema-types';
import type { Predicate } from './filter-compile';

type SearchNode =
  | { kind: 'term'; property: string; mode: 'words' | 'prefix'; words: string[]; text: string }
  | { kind: 'and' | 'or'; left: SearchNode; right: SearchNode };

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

function searchError(detail: string): GraphQueryError {
  return new GraphQueryError(400, 'Request_UnsupportedQuery', QueryMessages.searchSyntax(detail));
}

/** Splits text into lower-case words on anything that is not a letter or a digit. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((w) => w.length > 0);
}

function tokenizeSearch(source: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '"') {
      const end = source.indexOf('"', i + 1);
      if (end < 0) throw searchError(`unterminated quoted clause at position ${i} in '${source}'.`);
      tokens.push(source.slice(i, end + 1));
      i = end + 1;
    } else {
      let j = i;
      while (j < source.length && source[j] !== ' ' && source[j] !== '"') j++;
      tokens.push(source.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

class SearchParser {
  private i = 0;
  constructor(
    private readonly tokens: string[],
    private readonly schema: EntitySchema,
    private readonly source: string,
  ) {}

  parse(): SearchNode {
    if (this.tokens.length === 0) throw searchError(`empty $search in '${this.source}'.`);
    const node = this.parseOr();
    if (this.i < this.tokens.length) throw searchError(`unexpected '${this.tokens[this.i]}' in '${this.source}'.`);
    return node;
  }

  private keyword(word: string): boolean {
    return (this.tokens[this.i] ?? '').toUpperCase() === word;
  }

  private parseOr(): SearchNode {
    let left = this.parseAnd();
    while (this.keyword('OR')) {
      this.i++;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): SearchNode {
    let left = this.parseTerm();
    while (this.keyword('AND')) {
      this.i++;
      left = { kind: 'and', left, right: this.parseTerm() };
    }
    return left;
  }

  private parseTerm(): SearchNode {
    const tok = this.tokens[this.i++];
    if (tok === undefined) throw searchError(`a clause is missing at the end of '${this.source}'.`);
    if (!tok.startsWith('"') || tok.length < 2) {
      throw searchError(`clauses must be quoted as "property:value"; found '${tok}' in '${this.source}'.`);
    }
    const inner = tok.slice(1, -1);
    const colon = inner.indexOf(':');
    if (colon <= 0) throw searchError(`clauses must name a property as "property:value"; found '${tok}'.`);
    const name = inner.slice(0, colon).trim();
    const text = inner.slice(colon + 1).trim();
    const found = findProperty(this.schema, name);
    if (!found || !found.spec.search) {
      throw new GraphQueryError(
        400,
        'Request_UnsupportedQuery',
        QueryMessages.searchProperty(found?.name ?? name, this.schema.resource),
      );
    }
    return {
      kind: 'term',
      property: found.name,
      mode: found.spec.search,
      words: searchWords(text),
      text: text.toLowerCase(),
    };
  }
}

function prefixMatches(value: unknown, text: string): boolean {
  if (typeof value === 'string') {
    const v = value.toLowerCase();
    if (v.startsWith(text)) return true;
    const colon = v.indexOf(':');
    return colon >= 0 && v.slice(colon + 1).startsWith(text);
  }
  if (Array.isArray(value)) return value.some((el) => prefixMatches(el, text));
  return false;
}

function wordsMatch(value: unknown, words: string[]): boolean {
  if (typeof value !== 'string') return false;
  const have = searchWords(value);
  return words.every((w) => have.some((h) => h.startsWith(w)));
}

function compileSearch(node: SearchNode): Predicate {
  switch (node.kind) {
    case 'and': {
      const a = compileSearch(node.left);
      const b = compileSearch(node.right);
      return (o) => a(o) && b(o);
    }
    case 'or': {
      const a = compileSearch(node.left);
      const b = compileSearch(node.right);
      return (o) => a(o) || b(o);
    }
    case 'term': {
      const { property, words, text } = node;
      if (node.mode === 'words') return (o) => wordsMatch(o[property], words);
      return (o) => prefixMatches(o[property], text);
    }
  }
}

/**
 * Parses `$search` (`"displayName:Video" OR "description:prod"`, AND binds tighter than OR) into a predicate.
 * displayName and description match word prefixes (words split on non-alphanumerics); other properties
 * match the start of the value (or of any element, ignoring an `smtp:`-style prefix). Case-insensitive.
 * @throws GraphQueryError 400 Request_BadRequest for a decoded `&` (Graph's known bug), 400
 *   Request_UnsupportedQuery for malformed clauses or properties that cannot be searched.
 */
export function parseSearch(source: string, schema: EntitySchema): Predicate {
  if (source.includes('&')) throw new GraphQueryError(400, 'Request_BadRequest', QueryMessages.searchAmpersand);
  return compileSearch(new SearchParser(tokenizeSearch(source.trim()), schema, source).parse());
}
