/**
 * Canonical printer: hyphenated operators in canonical casing, catalog property names, `null` for `$null`,
 * straight double quotes with backtick and doubled-single-quote escapes. Parentheses are minimal but safe: an
 * -and group inside -or is always parenthesised (older docs state the precedence backwards), the operand of
 * -not and the body of -any/-all always are. parseRule(printRule(ast)) deep-equals ast for every valid rule.
 */
import type { CompareOp, ExprNode, RuleAst, RuleValue } from './rule-ast';

const OP_TEXT: Record<CompareOp, string> = {
  eq: '-eq',
  ne: '-ne',
  startsWith: '-startsWith',
  notStartsWith: '-notStartsWith',
  endsWith: '-endsWith',
  notEndsWith: '-notEndsWith',
  contains: '-contains',
  notContains: '-notContains',
  match: '-match',
  notMatch: '-notMatch',
  in: '-in',
  notIn: '-notIn',
  le: '-le',
  ge: '-ge',
};

/** Quotes text as a rule string literal. */
export function quoteRuleString(value: string): string {
  return `"${value.replace(/"/g, '`"').replace(/'/g, "''")}"`;
}

/** Prints a value as it appears in a rule. */
export function printValue(value: RuleValue): string {
  switch (value.kind) {
    case 'string':
      return quoteRuleString(value.value);
    case 'number':
      return value.text;
    case 'bool':
      return value.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'dateTime':
      return value.text;
    case 'now':
      return value.offset ? `system.now -${value.offset.sign} ${value.offset.duration.text}` : 'system.now';
    case 'array':
      return `[${value.items.map(printValue).join(', ')}]`;
  }
}

/** Prints an expression node in canonical form. */
export function printExpr(node: ExprNode): string {
  switch (node.type) {
    case 'or':
      return node.operands.map((o) => (o.type === 'and' ? `(${printExpr(o)})` : printExpr(o))).join(' -or ');
    case 'and':
      return node.operands.map((o) => (o.type === 'or' ? `(${printExpr(o)})` : printExpr(o))).join(' -and ');
    case 'not':
      return `-not (${printExpr(node.operand)})`;
    case 'collection':
      return `${node.property} -${node.quantifier} (${printExpr(node.body)})`;
    case 'compare':
      return `${node.subject.name} ${OP_TEXT[node.op]} ${printValue(node.value)}`;
  }
}

/** Prints a whole rule in canonical form. Never throws. */
export function printRule(ast: RuleAst): string {
  switch (ast.kind) {
    case 'directReports':
      return `Direct Reports for "${ast.managerId}"`;
    case 'memberOf':
      return `${ast.target}.memberOf -any (group.objectId -in [${ast.groupIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ')}])`;
    case 'expression':
      return printExpr(ast.root);
  }
}
