/**
 * Recursive-descent parser for Entra dynamic membership rules (docs/dynamic-rules.md, Grammar): precedence -or < -and < -not <
 * comparisons, parentheses, -any/-all bodies, and the two whole-rule forms (Direct Reports, memberOf).
 * Property names resolve through the catalog; operator/value types are checked per property type (docs/dynamic-rules.md, Operators).
 */
import { parseIsoDuration } from './iso-duration';
import { lookupProperty, suggestProperty, type PropertyDef, type RuleTarget } from './property-catalog';
import { RegexDialectError, translateDotNetRegex } from './regex-dialect';
import type { CollectionNode, CompareNode, CompareOp, ExprNode, RuleAst, RuleValue } from './rule-ast';
import { ISO_INSTANT, lex, type Token } from './rule-lexer';
import { RuleSyntaxError } from './rule-syntax-error';

/** Maximum rule length accepted by Entra (docs/dynamic-rules.md, Forms). */
export const MAX_RULE_LENGTH = 3072;
/** Maximum source groups in a memberOf rule (docs/dynamic-rules.md, Forms). */
export const MAX_MEMBEROF_GROUPS = 50;

export interface ParsedRule {
  readonly ast: RuleAst;
  /** Caveats about how far a local evaluation can be trusted for this rule (deduplicated, in order found). */
  readonly warnings: readonly string[];
}

const COMPARE_OPS: Record<string, CompareOp> = {
  eq: 'eq',
  ne: 'ne',
  startswith: 'startsWith',
  notstartswith: 'notStartsWith',
  endswith: 'endsWith',
  notendswith: 'notEndsWith',
  contains: 'contains',
  notcontains: 'notContains',
  match: 'match',
  notmatch: 'notMatch',
  in: 'in',
  notin: 'notIn',
  le: 'le',
  ge: 'ge',
};

const NOT_RULE_OPERATORS: Record<string, string> = {
  lt: 'there is no -lt in rules; use -le (dates only)',
  gt: 'there is no -gt in rules; use -ge (dates only)',
  like: '-like is not a rule operator; use -contains, -startsWith or -match',
  notlike: '-notLike is not a rule operator; use -notContains, -notStartsWith or -notMatch',
  neq: '-neq is not a rule operator; use -ne',
  equals: '-equals is not a rule operator; use -eq',
  is: '-is is not a rule operator; use -eq',
  has: '-has is not a rule operator; use -contains, or -any for multi-valued properties',
  includes: '-includes is not a rule operator; use -contains, or -any for multi-valued properties',
};

const PLAN_FIELDS = ['servicePlanId', 'service', 'capabilityStatus'];
const MEMBEROF = /^(user|device)\.memberof$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The word an operator-ish token stands for: `-EQ` and `eq` both give `eq`. */
function keyword(tok: Token): string | undefined {
  return tok.kind === 'op' || tok.kind === 'word' ? tok.value : undefined;
}

/** Operator spelling for messages: as written, with a hyphen. */
function opText(tok: Token): string {
  return tok.kind === 'op' ? tok.text : `-${tok.text}`;
}

function flatten(type: 'and' | 'or', operands: ExprNode[]): ExprNode {
  if (operands.length === 1) return operands[0] as ExprNode;
  const flat: ExprNode[] = [];
  for (const o of operands) {
    if (o.type === type) flat.push(...o.operands);
    else flat.push(o);
  }
  return { type, operands: flat };
}

interface ItemScope {
  readonly def: PropertyDef;
  readonly label: string;
}

/** Deepest nesting of parentheses and -not accepted (Entra's own rules stay far shallower); keeps recursion bounded. */
export const MAX_RULE_NESTING = 32;

class Parser {
  private pos = 0;
  private depth = 0;
  private target: RuleTarget | undefined;
  private bare: { node: CollectionNode; column: number; label: string } | undefined;
  readonly warnings: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private warn(text: string): void {
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }

  private fail(reason: string, column: number): never {
    throw new RuleSyntaxError(reason, column);
  }

  parse(): RuleAst {
    const first = this.peek();
    if (first.kind === 'eof') this.fail('the rule is empty', 1);
    if (first.kind === 'word' && first.value === 'direct') return this.parseDirectReports();
    let k = 0;
    while (this.peek(k).kind === 'lparen') k++;
    const lead = this.peek(k);
    if (lead.kind === 'word' && MEMBEROF.test(lead.value)) return this.parseMemberOf(k);

    const root = this.parseOr(undefined);
    if (this.peek().kind !== 'eof') this.failUnexpected(this.peek());
    if (this.bare && root !== this.bare.node) {
      const { label, column } = this.bare;
      this.fail(
        `${label} -any/-all without parentheses must be the whole rule; write ${label} -any (_ -op "value") to combine it`,
        column,
      );
    }
    return { kind: 'expression', target: this.target ?? 'user', root };
  }

  private failUnexpected(tok: Token): never {
    if (tok.kind === 'rparen') this.fail('unexpected ) with no matching (', tok.column);
    if (tok.kind === 'word' || tok.kind === 'lparen') this.fail(`missing -and or -or before ${tok.text}`, tok.column);
    const kw = keyword(tok);
    if (kw && (COMPARE_OPS[kw] || kw === 'any' || kw === 'all'))
      this.fail(`unexpected ${opText(tok)}: a comparison has one operator between a property and a value`, tok.column);
    this.fail(`unexpected ${tok.text}; expected -and, -or or the end of the rule`, tok.column);
  }

  private parseDirectReports(): RuleAst {
    const form = 'the direct reports rule is written Direct Reports for "<manager object id>"';
    this.next();
    const reports = this.next();
    if (reports.kind !== 'word' || reports.value !== 'reports') this.fail(form, reports.column);
    const forTok = this.next();
    if (keyword(forTok) !== 'for') this.fail(form, forTok.column);
    const idTok = this.next();
    if (idTok.kind === 'sqstring')
      this.fail('put the manager id in double quotes: Direct Reports for "<id>"', idTok.column);
    if (idTok.kind !== 'string') this.fail(`${form}; expected the manager id in double quotes`, idTok.column);
    const id = idTok.value.trim();
    if (!GUID.test(id))
      this.fail(
        `"${idTok.value}" is not an object id; Direct Reports for needs the manager's object id (a GUID)`,
        idTok.column + 1,
      );
    const end = this.peek();
    if (end.kind !== 'eof')
      this.fail(
        'Direct Reports for "…" must be the whole rule; it cannot be combined with other conditions',
        end.column,
      );
    return { kind: 'directReports', target: 'user', managerId: id.toLowerCase() };
  }

  private parseMemberOf(parens: number): RuleAst {
    for (let i = 0; i < parens; i++) this.next();
    const propTok = this.next();
    const target = propTok.value.startsWith('device') ? 'device' : 'user';
    const form = `a memberOf rule has the form ${target}.memberOf -any (group.objectId -in ['<group id>', …])`;
    const quant = this.next();
    if (keyword(quant) !== 'any') this.fail(form, quant.column);
    const open = this.next();
    if (open.kind !== 'lparen') this.fail(form, open.column);
    const ref = this.next();
    if (ref.kind !== 'word' || ref.value !== 'group.objectid') {
      this.fail(`a memberOf rule can only test group.objectId -in [...]; ${ref.text} is not supported`, ref.column);
    }
    const op = this.next();
    if (keyword(op) !== 'in')
      this.fail(`a memberOf rule can only test group.objectId -in [...]; ${opText(op)} is not supported`, op.column);
    const listTok = this.peek();
    if (listTok.kind !== 'lbracket')
      this.fail(`expected a list of group ids in square brackets after ${opText(op)}`, listTok.column);
    const items = this.parseArray(true);
    const ids: string[] = [];
    for (const item of items) {
      if (item.value.kind !== 'string' || item.value.value.trim() === '')
        this.fail('memberOf group ids must be quoted, non-empty ids', item.column);
      const id = item.value.value.trim();
      ids.push(GUID.test(id) ? id.toLowerCase() : id);
    }
    if (ids.length === 0) this.fail('the memberOf list is empty; name at least one group id', listTok.column);
    if (ids.length > MAX_MEMBEROF_GROUPS)
      this.fail(
        `a memberOf rule can list at most ${MAX_MEMBEROF_GROUPS} groups; this one lists ${ids.length}`,
        listTok.column,
      );
    const close = this.next();
    if (close.kind !== 'rparen') this.fail(`missing ) to close the ( at column ${open.column}`, close.column);
    for (let i = 0; i < parens; i++) {
      const t = this.next();
      if (t.kind !== 'rparen')
        this.fail(
          t.kind === 'eof'
            ? 'missing ) at the end of the rule'
            : 'a memberOf rule cannot be combined with other conditions',
          t.column,
        );
    }
    const end = this.peek();
    if (end.kind !== 'eof') this.fail('a memberOf rule cannot be combined with other conditions', end.column);
    this.warn(
      'memberOf rules are a preview feature: only direct members of the source groups count, and Microsoft recommends against new memberOf groups',
    );
    return { kind: 'memberOf', target, groupIds: ids };
  }

  private parseOr(scope: ItemScope | undefined): ExprNode {
    const operands = [this.parseAnd(scope)];
    while (keyword(this.peek()) === 'or' && this.peek().kind !== 'eof') {
      this.next();
      operands.push(this.parseAnd(scope));
    }
    return flatten('or', operands);
  }

  private parseAnd(scope: ItemScope | undefined): ExprNode {
    const operands = [this.parseNot(scope)];
    while (keyword(this.peek()) === 'and') {
      this.next();
      operands.push(this.parseNot(scope));
    }
    return flatten('and', operands);
  }

  /** Parses one nested level with `parse`. Throws RuleSyntaxError past MAX_RULE_NESTING. */
  private nested<T>(at: Token, parse: () => T): T {
    if (++this.depth > MAX_RULE_NESTING)
      this.fail(`the rule nests parentheses or -not more than ${MAX_RULE_NESTING} levels deep`, at.column);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private parseNot(scope: ItemScope | undefined): ExprNode {
    const tok = this.peek();
    if (keyword(tok) === 'not') {
      this.next();
      return { type: 'not', operand: this.nested(tok, () => this.parseNot(scope)) };
    }
    return this.parsePrimary(scope);
  }

  private parsePrimary(scope: ItemScope | undefined): ExprNode {
    const tok = this.peek();
    const prev = this.tokens[this.pos - 1];
    if (tok.kind === 'lparen') {
      this.next();
      const inner = this.nested(tok, () => this.parseOr(scope));
      this.expectClose(tok);
      return inner;
    }
    if (tok.kind === 'eof') {
      this.fail(prev ? `expected a condition after ${prev.text}` : 'the rule is empty', tok.column);
    }
    if (tok.kind === 'word') {
      if (tok.value === 'direct' && keyword(this.peek(1)) === 'reports') {
        this.fail(
          'Direct Reports for "…" must be the whole rule; it cannot be combined with other conditions',
          tok.column,
        );
      }
      if (MEMBEROF.test(tok.value)) {
        this.fail('a memberOf rule cannot be combined with other conditions; it must be the whole rule', tok.column);
      }
      const kw = tok.value;
      if (!kw.includes('.') && !(scope && kw === '_') && (COMPARE_OPS[kw] || kw === 'and' || kw === 'or')) {
        this.fail(`expected a condition such as user.department -eq "Sales", found ${tok.text}`, tok.column);
      }
      return scope ? this.parseItemCompare(scope) : this.parsePropertyExpr();
    }
    if (tok.kind === 'rparen')
      this.fail(
        prev && prev.kind === 'lparen'
          ? 'empty parentheses: expected a condition inside ( )'
          : `expected a condition before )`,
        tok.column,
      );
    const kw = keyword(tok);
    if (kw && COMPARE_OPS[kw]) this.fail(`expected a property such as user.department before ${tok.text}`, tok.column);
    if (kw === 'and' || kw === 'or') {
      this.fail(
        prev ? `expected a condition between ${prev.text} and ${tok.text}` : `a rule cannot start with ${tok.text}`,
        tok.column,
      );
    }
    this.fail(`expected a condition such as user.department -eq "Sales", found ${tok.text}`, tok.column);
  }

  private expectClose(open: Token): void {
    const tok = this.peek();
    if (tok.kind === 'rparen') {
      this.next();
      return;
    }
    if (tok.kind === 'word' || tok.kind === 'lparen') this.fail(`missing -and or -or before ${tok.text}`, tok.column);
    this.fail(`missing ) to close the ( at column ${open.column}`, tok.column);
  }

  private resolveProperty(tok: Token): { def: PropertyDef; label: string } {
    const dot = tok.text.indexOf('.');
    if (dot < 0) {
      if (tok.text === '_')
        this.fail("'_' is the current item and can only be used inside -any (…) or -all (…)", tok.column);
      if (lookupProperty('user', tok.text) || lookupProperty('device', tok.text)) {
        const def = lookupProperty('user', tok.text) ?? lookupProperty('device', tok.text);
        this.fail(
          `'${tok.text}' needs an object prefix: write ${def?.target ?? 'user'}.${def?.name ?? tok.text}`,
          tok.column,
        );
      }
      this.fail(`expected a property such as user.department, found '${tok.text}'`, tok.column);
    }
    const prefix = tok.text.slice(0, dot);
    const name = tok.text.slice(dot + 1);
    const lowerPrefix = prefix.toLowerCase();
    if (lowerPrefix === 'assignedplan' || lowerPrefix === 'group') {
      this.fail(`${tok.text} refers to an item and can only be used inside -any (…)`, tok.column);
    }
    if (lowerPrefix === 'system')
      this.fail(`${tok.text} can only be a value (e.g. user.employeeHireDate -ge system.now -minus P30D)`, tok.column);
    if (lowerPrefix !== 'user' && lowerPrefix !== 'device') {
      this.fail(`'${prefix}.' is not an object type; properties start with user. or device.`, tok.column);
    }
    const target: RuleTarget = lowerPrefix;
    if (this.target && this.target !== target) {
      this.fail(
        `a rule targets users or devices, never both: ${tok.text} cannot be used in a ${this.target} rule`,
        tok.column,
      );
    }
    const def = lookupProperty(target, name);
    if (!def) {
      if (target === 'device' && name.toLowerCase() === 'organizationalunit')
        this.fail('device.organizationalUnit is no longer supported in rules', tok.column);
      const hint = suggestProperty(target, name);
      this.fail(`unknown property '${tok.text}'${hint ? ` (did you mean ${hint}?)` : ''}`, tok.column);
    }
    this.target = target;
    const label = `${target}.${def.name}`;
    if ((prefix !== lowerPrefix || name !== def.name) && def.type !== 'memberOf') {
      this.warn(
        `property names are case-sensitive in Microsoft's documentation: write ${label} rather than ${tok.text}`,
      );
    }
    if (def.caveat) this.warn(def.caveat);
    return { def, label };
  }

  private parsePropertyExpr(): ExprNode {
    const propTok = this.next();
    const { def, label } = this.resolveProperty(propTok);
    const opTok = this.peek();
    const kw = keyword(opTok);
    if (kw === 'any' || kw === 'all') {
      if (def.type !== 'stringCollection' && def.type !== 'planCollection') {
        this.fail(
          `${opText(opTok)} applies only to multi-valued properties such as ${def.target}.${def.target === 'user' ? 'proxyAddresses' : 'devicePhysicalIds'}; ${label} has a single value`,
          opTok.column,
        );
      }
      return this.parseCollection(def, label, opTok, kw);
    }
    if (kw && COMPARE_OPS[kw]) {
      const op = COMPARE_OPS[kw];
      if (def.type === 'planCollection') {
        this.fail(
          `${label} is a list of plans; write ${label} -any (assignedPlan.servicePlanId -eq "…")`,
          opTok.column,
        );
      }
      this.next();
      const value = this.parseValue(opTok);
      const checked = this.checkOperand(def, label, op, opTok, value.value, value.column);
      if (def.type === 'stringCollection') {
        this.warn(
          `${label} ${opText(opTok)} is applied to each item (positive operators: any item; negated: no item); Entra documents only ${label} -any (_ ${opText(opTok)} …)`,
        );
      }
      return { type: 'compare', subject: { kind: 'property', name: label }, op, value: checked };
    }
    if (kw === 'not') this.fail(`-not is not a comparison operator; write -not (${label} -eq …)`, opTok.column);
    if (kw && NOT_RULE_OPERATORS[kw] && opTok.kind === 'op') this.fail(NOT_RULE_OPERATORS[kw] ?? '', opTok.column);
    if (opTok.kind === 'eof') this.fail(`expected an operator such as -eq after ${propTok.text}`, opTok.column);
    if (opTok.kind === 'op')
      this.fail(
        `${opTok.text} is not a rule operator; use -eq, -ne, -startsWith, -contains, -match, -in, …`,
        opTok.column,
      );
    this.fail(`expected an operator such as -eq after ${propTok.text}, found ${opTok.text}`, opTok.column);
  }

  private parseCollection(def: PropertyDef, label: string, quantTok: Token, kw: 'any' | 'all'): CollectionNode {
    this.next();
    const scope: ItemScope = { def, label };
    const open = this.peek();
    let body: ExprNode;
    let bare = false;
    if (open.kind === 'lparen') {
      this.next();
      body = this.nested(open, () => this.parseOr(scope));
      this.expectClose(open);
    } else if (open.kind === 'word') {
      body = this.parseItemCompare(scope);
      bare = true;
    } else {
      this.fail(
        `expected a condition in parentheses after ${opText(quantTok)}, e.g. ${label} ${opText(quantTok)} (_ -eq "value")`,
        open.column,
      );
    }
    const node: CollectionNode = { type: 'collection', property: label, quantifier: kw, body };
    if (bare && !this.bare) this.bare = { node, column: quantTok.column, label };
    return node;
  }

  private parseItemCompare(scope: ItemScope): ExprNode {
    const tok = this.next();
    let itemName: string;
    if (scope.def.type === 'stringCollection') {
      if (tok.text !== '_') {
        this.fail(
          `inside ${scope.label} -any (…) refer to each item as _, e.g. (_ -contains "value"); found ${tok.text}`,
          tok.column,
        );
      }
      itemName = '_';
    } else {
      const m = /^assignedplan\.(\w+)$/i.exec(tok.text);
      const field = m ? PLAN_FIELDS.find((f) => f.toLowerCase() === (m[1] ?? '').toLowerCase()) : undefined;
      if (!field) {
        this.fail(
          `inside ${scope.label} -any (…) use assignedPlan.servicePlanId, assignedPlan.service or assignedPlan.capabilityStatus; found ${tok.text}`,
          tok.column,
        );
      }
      itemName = `assignedPlan.${field}`;
    }
    const opTok = this.peek();
    const kw = keyword(opTok);
    const op = kw ? COMPARE_OPS[kw] : undefined;
    if (!op) {
      if (kw === 'any' || kw === 'all')
        this.fail(`${opText(opTok)} cannot be nested inside another -any/-all`, opTok.column);
      this.fail(`expected an operator such as -eq after ${tok.text}`, opTok.column);
    }
    this.next();
    const value = this.parseValue(opTok);
    const itemDef: PropertyDef = { target: scope.def.target, name: itemName, type: 'string', path: [], filter: 'none' };
    const checked = this.checkOperand(itemDef, itemName, op, opTok, value.value, value.column);
    return { type: 'compare', subject: { kind: 'item', name: itemName }, op, value: checked } satisfies CompareNode;
  }

  private parseValue(opTok: Token): { value: RuleValue; column: number } {
    const tok = this.peek();
    const column = tok.column;
    switch (tok.kind) {
      case 'string':
        this.next();
        if (tok.loneSingleQuote) {
          this.warn(
            `a single ' inside ${tok.text} is unreliable in Entra; write it twice: ${tok.text.replace(/(?<!')'(?!')/g, "''")}`,
          );
        }
        return { value: { kind: 'string', value: tok.value }, column };
      case 'number':
        this.next();
        return { value: { kind: 'number', value: Number(tok.text), text: tok.text }, column };
      case 'dateTime':
        this.next();
        return { value: this.dateValue(tok.text, column), column };
      case 'lbracket': {
        const items = this.parseArray(false);
        return { value: { kind: 'array', items: items.map((i) => i.value) }, column };
      }
      case 'sqstring':
        this.fail(`single-quoted text is only allowed in memberOf lists; use double quotes: "${tok.value}"`, column);
        break;
      case 'word': {
        const v = tok.value;
        if (v === 'null' || v === '$null') {
          this.next();
          return { value: { kind: 'null' }, column };
        }
        if (v === 'true' || v === 'false') {
          this.next();
          return { value: { kind: 'bool', value: v === 'true' }, column };
        }
        if (v === 'system.now') return { value: this.parseNow(), column };
        if (/^(user|device)\./.test(v))
          this.fail(
            `comparing two properties is not supported; the value after ${opText(opTok)} must be a literal such as "text"`,
            column,
          );
        const kw = keyword(tok);
        if (kw === 'and' || kw === 'or' || kw === 'not') this.fail(`expected a value after ${opText(opTok)}`, column);
        this.fail(`text values need double quotes: write "${tok.text}"`, column);
        break;
      }
      case 'lparen':
        if (this.peek(1).kind === 'word' && this.peek(1).value === 'system.now') {
          this.next();
          const now = this.parseNow();
          const close = this.next();
          if (close.kind !== 'rparen') this.fail(`missing ) to close the ( at column ${tok.column}`, close.column);
          return { value: now, column };
        }
        break;
      default:
        break;
    }
    this.fail(`expected a value after ${opText(opTok)}`, column);
  }

  private dateValue(text: string, column: number): RuleValue {
    const hasZone = /(?:Z|[+-]\d{2}:\d{2})$/i.test(text);
    const iso = text.includes('T') && !hasZone ? `${text}Z` : text;
    const epochMs = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    if (Number.isNaN(epochMs)) this.fail(`'${text}' is not a valid date`, column);
    return { kind: 'dateTime', text: text.toUpperCase(), epochMs };
  }

  private parseNow(): RuleValue {
    this.next();
    const signTok = this.peek();
    if (signTok.kind === 'op' && (signTok.value === 'plus' || signTok.value === 'minus')) {
      this.next();
      const durTok = this.next();
      const duration = durTok.kind === 'word' ? parseIsoDuration(durTok.text) : undefined;
      if (!duration)
        this.fail(`expected an ISO 8601 duration such as P30D or PT12H after ${signTok.text}`, durTok.column);
      return { kind: 'now', offset: { sign: signTok.value, duration } };
    }
    return { kind: 'now', offset: null };
  }

  private parseArray(allowSingleQuoted: boolean): { value: RuleValue; column: number }[] {
    const open = this.next();
    const items: { value: RuleValue; column: number }[] = [];
    if (this.peek().kind === 'rbracket') {
      this.next();
      return items;
    }
    for (;;) {
      const tok = this.next();
      const column = tok.column;
      if (tok.kind === 'string') items.push({ value: { kind: 'string', value: tok.value }, column });
      else if (tok.kind === 'sqstring' && allowSingleQuoted)
        items.push({ value: { kind: 'string', value: tok.value }, column });
      else if (tok.kind === 'sqstring')
        this.fail(`single-quoted text is only allowed in memberOf lists; use double quotes: "${tok.value}"`, column);
      else if (tok.kind === 'number')
        items.push({ value: { kind: 'number', value: Number(tok.text), text: tok.text }, column });
      else if (tok.kind === 'word' && (tok.value === 'null' || tok.value === '$null'))
        items.push({ value: { kind: 'null' }, column });
      else if (tok.kind === 'word' && (tok.value === 'true' || tok.value === 'false'))
        items.push({ value: { kind: 'bool', value: tok.value === 'true' }, column });
      else if (tok.kind === 'eof') this.fail(`missing ] to close the list opened at column ${open.column}`, column);
      else if (tok.kind === 'rbracket') this.fail('expected a value after , in the list', column);
      else if (tok.kind === 'word') this.fail(`text values need double quotes: write "${tok.text}"`, column);
      else this.fail(`expected a value in the list, found ${tok.text}`, column);
      const sep = this.next();
      if (sep.kind === 'rbracket') return items;
      if (sep.kind === 'comma') continue;
      if (sep.kind === 'eof') this.fail(`missing ] to close the list opened at column ${open.column}`, sep.column);
      this.fail(`expected , or ] in the list, found ${sep.text}`, sep.column);
    }
  }

  /** Checks a value against the property type and operator; returns the value (dates normalised). */
  private checkOperand(
    def: PropertyDef,
    label: string,
    op: CompareOp,
    opTok: Token,
    value: RuleValue,
    column: number,
  ): RuleValue {
    const o = opText(opTok);
    if (value.kind === 'array' && op !== 'in' && op !== 'notIn') {
      this.fail(`a list [...] can only follow -in or -notIn, not ${o}`, column);
    }
    if ((op === 'in' || op === 'notIn') && value.kind !== 'array') {
      this.fail(`${o} needs a list in square brackets, e.g. ${o} ["a", "b"]`, column);
    }
    switch (def.type) {
      case 'bool': {
        if (op !== 'eq' && op !== 'ne')
          this.fail(`operator ${o} isn't supported on ${label}: it is true/false, so use -eq or -ne`, opTok.column);
        if (value.kind === 'string' && /^(true|false)$/i.test(value.value))
          this.fail(`write ${value.value.toLowerCase()} without quotes: ${label} is true/false`, column);
        if (value.kind !== 'bool' && value.kind !== 'null')
          this.fail(`${label} is true/false; compare it with true or false`, column);
        if (op === 'ne' && value.kind === 'bool') this.noteNegated(label, o);
        return value;
      }
      case 'dateTime': {
        if (op !== 'eq' && op !== 'ne' && op !== 'le' && op !== 'ge') {
          this.fail(
            `operator ${o} isn't supported on ${label}: it is a date, so use -eq, -ne, -le or -ge`,
            opTok.column,
          );
        }
        let v = value;
        if (v.kind === 'string' && ISO_INSTANT.test(v.value.trim())) {
          this.warn(`dates are written without quotes: ${v.value.trim()} rather than "${v.value}"`);
          v = this.dateValue(v.value.trim(), column);
        }
        if (v.kind === 'null' && (op === 'le' || op === 'ge')) this.fail(`${o} needs a date, not null`, column);
        if (v.kind !== 'dateTime' && v.kind !== 'now' && v.kind !== 'null') {
          this.fail(
            `${label} is a date; compare it with an instant such as 2020-06-10T18:13:20Z or system.now`,
            column,
          );
        }
        if (v.kind === 'now')
          this.warn('system.now is the time of evaluation; a local preview pins it to the moment it runs');
        if (op === 'ne' && v.kind !== 'null') this.noteNegated(label, o);
        return v;
      }
      default: {
        if (op === 'le' || op === 'ge') {
          this.fail(`${o} compares dates and applies only to user.employeeHireDate; ${label} is text`, opTok.column);
        }
        if (value.kind === 'array') {
          if (value.items.length === 0) this.fail(`the list after ${o} is empty`, column);
          for (const item of value.items) {
            if (item.kind === 'bool')
              this.fail(`${label} is text; put the values in the list in double quotes`, column);
          }
        } else if (op === 'eq' || op === 'ne') {
          if (value.kind === 'bool')
            this.fail(`${label} is text; write "${String(value.value)}" in double quotes to compare text`, column);
          if (value.kind === 'dateTime' || value.kind === 'now')
            this.fail(`${label} is text; put the value in double quotes`, column);
        } else if (value.kind !== 'string') {
          this.fail(`${o} needs a text value in double quotes`, column);
        }
        if ((op === 'match' || op === 'notMatch') && value.kind === 'string') {
          try {
            translateDotNetRegex(value.value);
          } catch (err) {
            if (err instanceof RegexDialectError) this.fail(`${o} pattern "${value.value}": ${err.reason}`, column);
            throw err;
          }
          this.warn(
            '-match uses .NET regular expressions in Entra; this preview translates them to JavaScript (\\w and \\d match ASCII only here)',
          );
        }
        if (
          def.type === 'string' &&
          def.path.length > 0 &&
          (op === 'ne' || op.startsWith('not')) &&
          value.kind !== 'null'
        )
          this.noteNegated(label, o);
        return value;
      }
    }
  }

  private noteNegated(label: string, o: string): void {
    this.warn(
      `${label} ${o}: objects with no ${label} value are counted as matching; Entra's behaviour for empty values is undocumented`,
    );
  }
}

/**
 * Parses rule text into its tree and the caveats of evaluating it locally.
 * Throws RuleSyntaxError (with a 1-based column) when the text is not a valid rule.
 */
export function parseRule(text: string): ParsedRule {
  if (text.length > MAX_RULE_LENGTH) {
    throw new RuleSyntaxError(
      `the rule is ${text.length.toLocaleString('en-US')} characters long; the limit is 3,072`,
      MAX_RULE_LENGTH + 1,
    );
  }
  const parser = new Parser(lex(text));
  const ast = parser.parse();
  return { ast, warnings: parser.warnings };
}
