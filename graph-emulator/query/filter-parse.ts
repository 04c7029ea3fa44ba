import type { CompareOp, FilterNode, LiteralNode, Operand } from './filter-ast';
import { syntaxError, tokenize, type Token } from './filter-lexer';
import { GraphQueryError, QueryMessages } from './graph-query-error';

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set<string>(['startswith', 'endswith', 'contains']);

/**
 * Deepest nesting of parentheses, lambdas and `not` accepted. Graph itself refuses far shallower filters (an and/or
 * height over 3); this bound only keeps the recursive parser off the end of the stack.
 */
export const MAX_FILTER_NESTING = 32;

/** Recursive-descent parser over the token list: or < and < not < comparison. */
class FilterParser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const t = this.peek();
    if (t.kind !== 'eof') throw this.unexpected(t);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  private isKeyword(t: Token, word: string): boolean {
    return t.kind === 'ident' && t.text.toLowerCase() === word;
  }

  private expect(kind: Token['kind']): Token {
    const t = this.next();
    if (t.kind !== kind) throw this.unexpected(t, `'${kind}' expected`);
    return t;
  }

  private unexpected(t: Token, what?: string): GraphQueryError {
    if (t.kind === 'eof')
      return syntaxError(
        this.source,
        t.pos,
        what ? `${what} but the expression ended` : 'unexpected end of expression',
      );
    return syntaxError(this.source, t.pos, what ? `${what}, found '${t.text}'` : `unexpected '${t.text}'`);
  }

  /** Parses one nested level with `parse`. Throws a 400 syntax error past MAX_FILTER_NESTING. */
  private nested<T>(at: Token, parse: () => T): T {
    if (++this.depth > MAX_FILTER_NESTING)
      throw syntaxError(this.source, at.pos, `the expression is nested more than ${MAX_FILTER_NESTING} levels deep`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      const pos = this.next().pos;
      const right = this.parseAnd();
      left = { kind: 'or', left, right, pos };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), 'and')) {
      const pos = this.next().pos;
      const right = this.parseUnary();
      left = { kind: 'and', left, right, pos };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    const t = this.peek();
    if (this.isKeyword(t, 'not')) {
      this.next();
      return { kind: 'not', operand: this.nested(t, () => this.parseUnary()), pos: t.pos };
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterNode {
    const t = this.peek();
    if (t.kind === '(') {
      this.next();
      const inner = this.nested(t, () => this.parseOr());
      this.expect(')');
      return inner;
    }
    const left = this.parseTerm();
    const opTok = this.peek();
    const op = opTok.kind === 'ident' ? opTok.text.toLowerCase() : '';
    if (left.kind === 'call' || left.kind === 'lambda') {
      if (op === 'eq' || op === 'ne') {
        // startsWith(x,'a') eq true  /  … eq false
        this.next();
        const lit = this.parseTerm();
        if (lit.kind !== 'literal' || lit.type !== 'boolean')
          throw this.unexpected(opTok, 'boolean literal expected after function');
        const positive = (op === 'eq') === lit.value;
        return positive ? left : { kind: 'not', operand: left, pos: opTok.pos };
      }
      return left;
    }
    const operand = left as Operand;
    if (COMPARE_OPS.has(op)) {
      this.next();
      const right = this.parseTerm();
      if (right.kind === 'call' || right.kind === 'lambda') throw this.unexpected(opTok, 'value expected');
      return { kind: 'compare', op: op as CompareOp, left: operand, right, pos: opTok.pos };
    }
    if (op === 'in') {
      this.next();
      this.expect('(');
      const values: LiteralNode[] = [];
      for (;;) {
        const v = this.parseTerm();
        if (v.kind !== 'literal') throw this.unexpected(this.peek(), 'literal expected in the in list');
        values.push(v);
        const sep = this.next();
        if (sep.kind === ')') break;
        if (sep.kind !== ',') throw this.unexpected(sep, "',' or ')' expected");
      }
      return { kind: 'in', left: operand, values, pos: opTok.pos };
    }
    if (opTok.kind === 'eof' || opTok.kind === ')' || this.isKeyword(opTok, 'and') || this.isKeyword(opTok, 'or')) {
      throw new GraphQueryError(400, 'BadRequest', QueryMessages.notBoolean);
    }
    throw this.unexpected(opTok);
  }

  /** A literal, a property path (with an optional lambda or `/$count`), or a function call. */
  private parseTerm(): Operand | Extract<FilterNode, { kind: 'call' | 'lambda' }> {
    const t = this.next();
    switch (t.kind) {
      case 'string':
        return { kind: 'literal', type: 'string', value: t.text, pos: t.pos };
      case 'guid':
        return { kind: 'literal', type: 'guid', value: t.text.toLowerCase(), pos: t.pos };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: t.text, pos: t.pos };
      case 'number':
        return { kind: 'literal', type: 'number', value: Number(t.text), pos: t.pos };
      case 'ident':
        break;
      default:
        throw this.unexpected(t, 'value expected');
    }
    const lower = t.text.toLowerCase();
    if (lower === 'true' || lower === 'false')
      return { kind: 'literal', type: 'boolean', value: lower === 'true', pos: t.pos };
    if (lower === 'null') return { kind: 'literal', type: 'null', value: null, pos: t.pos };
    if (this.peek().kind === '(') {
      if (!FUNCTIONS.has(lower)) throw syntaxError(this.source, t.pos, `unknown function '${t.text}'`);
      this.next();
      const args: Operand[] = [];
      if (this.peek().kind !== ')') {
        for (;;) {
          const a = this.parseTerm();
          if (a.kind === 'call' || a.kind === 'lambda') throw this.unexpected(this.peek(), 'value expected');
          args.push(a);
          const sep = this.next();
          if (sep.kind === ')') break;
          if (sep.kind !== ',') throw this.unexpected(sep, "',' or ')' expected");
        }
      } else {
        this.next();
      }
      const name = lower === 'startswith' ? 'startsWith' : lower === 'endswith' ? 'endsWith' : 'contains';
      return { kind: 'call', name, args, pos: t.pos };
    }
    const segments = [t.text];
    while (this.peek().kind === '/') {
      this.next();
      const seg = this.next();
      if (seg.kind !== 'ident') throw this.unexpected(seg, 'property name expected');
      const segLower = seg.text.toLowerCase();
      if ((segLower === 'any' || segLower === 'all') && this.peek().kind === '(') {
        this.next();
        const v = this.next();
        if (v.kind !== 'ident') throw this.unexpected(v, 'lambda variable expected');
        this.expect(':');
        const body = this.nested(seg, () => this.parseOr());
        this.expect(')');
        return { kind: 'lambda', quantifier: segLower, segments, variable: v.text, body, pos: t.pos };
      }
      if (segLower === '$count') return { kind: 'count', segments, pos: t.pos };
      segments.push(seg.text);
    }
    return { kind: 'path', segments, pos: t.pos };
  }
}

/**
 * Parses a decoded `$filter` expression into a tree.
 * @throws GraphQueryError 400 BadRequest ("Invalid filter clause: …") on any syntax error.
 */
export function parseFilter(source: string): FilterNode {
  if (source.trim() === '') throw syntaxError(source, 0, 'empty expression');
  return new FilterParser(source, tokenize(source)).parse();
}
