import type { CompareOp, FilterNode, LiteralNode, Operand } from './filter-ast';
import { compileCall } from './filter-call';
import { compileLambda } from './filter-lambda';
import { syntaxError } from './filter-lexer';
import { checkDefaultLimits } from './filter-limits';
import {
  COLLECTION_TYPES,
  checkLiteral,
  edmOfProperty,
  equalsLiteral,
  flip,
  getter,
  literalFits,
  orderAgainst,
  requireMode,
  resolvePath,
  typeMismatch,
  type FilterContext,
  type Predicate,
} from './filter-values';
import { QueryMessages, unsupportedQuery } from './graph-query-error';

export type { Predicate } from './filter-values';

/**
 * Validates a parsed `$filter` against the entity's support table and turns it into a predicate.
 * String comparisons are case-insensitive, as in Graph.
 * @throws GraphQueryError 400 Request_UnsupportedQuery for clauses the property or mode does not support
 *   (graph-behaviour.md, Advanced queries texts), 400 Request_BadRequest for unknown properties, 400 BadRequest for type errors.
 */
export function compileFilter(node: FilterNode, ctx: FilterContext): Predicate {
  const predicate = compileNode(node, ctx);
  if (!ctx.advanced) checkDefaultLimits(node);
  return predicate;
}

function compileNode(node: FilterNode, ctx: FilterContext): Predicate {
  switch (node.kind) {
    case 'and': {
      const a = compileNode(node.left, ctx);
      const b = compileNode(node.right, ctx);
      return (o) => a(o) && b(o);
    }
    case 'or': {
      const a = compileNode(node.left, ctx);
      const b = compileNode(node.right, ctx);
      return (o) => a(o) || b(o);
    }
    case 'not': {
      if (!ctx.advanced) throw unsupportedQuery(QueryMessages.advancedOperator('not'));
      const inner = compileNode(node.operand, ctx);
      return (o) => !inner(o);
    }
    case 'compare':
      return compileCompare(node.op, node.left, node.right, ctx);
    case 'in':
      return compileIn(node.left, node.values, ctx);
    case 'call':
      return compileCall(node.name, node.args, ctx);
    case 'lambda':
      return compileLambda(node, ctx);
  }
}

function compileCompare(op0: CompareOp, left0: Operand, right0: Operand, ctx: FilterContext): Predicate {
  let op = op0;
  let left = left0;
  let right = right0;
  if (left.kind === 'literal' && right.kind !== 'literal') {
    [left, right] = [right, left];
    op = flip(op);
  }
  if (left.kind === 'literal') throw syntaxError(ctx.source, left.pos, 'a comparison must name a property');
  if (right.kind !== 'literal') {
    const found = resolvePath(left.segments, ctx);
    throw unsupportedQuery(QueryMessages.unsupportedClause(found.name, ctx.schema.resource));
  }
  if (left.kind === 'count') return compileCount(left.segments, op, right, ctx);
  const found = resolvePath(left.segments, ctx);
  const get = getter(found.name);
  const filter = found.spec.filter ?? {};
  if (op === 'eq' || op === 'ne') {
    const negate = op === 'ne';
    if (right.type === 'null') {
      requireMode(filter.eqNull, found.name, ctx, negate ? 'ne' : undefined);
      return negate ? (o) => get(o) != null : (o) => get(o) == null;
    }
    if (COLLECTION_TYPES.has(found.spec.type)) {
      requireMode(undefined, found.name, ctx, negate ? 'ne' : undefined);
    }
    requireMode(filter.eq, found.name, ctx, negate ? 'ne' : undefined);
    checkLiteral(found, right, op, ctx);
    const eq = equalsLiteral(right);
    return negate ? (o) => !eq(get(o)) : (o) => eq(get(o));
  }
  if (op === 'gt' || op === 'lt') requireMode(undefined, found.name, ctx);
  requireMode(filter.range, found.name, ctx);
  if (right.type === 'null' || !literalFits(found.spec.type, right))
    throw typeMismatch(edmOfProperty(found.spec.type), right, op);
  const order = orderAgainst(right);
  return op === 'ge'
    ? (o) => {
        const c = order(get(o));
        return c !== undefined && c >= 0;
      }
    : (o) => {
        const c = order(get(o));
        return c !== undefined && c <= 0;
      };
}

function compileCount(segments: string[], op: CompareOp, lit: LiteralNode, ctx: FilterContext): Predicate {
  const found = resolvePath(segments, ctx);
  const countZero = found.spec.filter?.countZero;
  const navigation = found.spec.ret === 'nav';
  if (op !== 'eq' && op !== 'ne') requireMode(undefined, found.name, ctx);
  requireMode(countZero, found.name, ctx, op === 'ne' ? 'ne' : undefined);
  // Navigation properties (a group's owners) also take `eq 1` / `ne 1`; stored collections only 0.
  const largest = navigation ? 1 : 0;
  const wanted = lit.type === 'number' ? lit.value : NaN;
  if (!(wanted >= 0 && wanted <= largest && Number.isInteger(wanted))) requireMode(undefined, found.name, ctx);
  let size: (o: Record<string, unknown>) => number;
  if (navigation) {
    const count = ctx.relationCount;
    if (!count) throw unsupportedQuery(QueryMessages.unsupportedClause(found.name, ctx.schema.resource));
    size = (o) => count(o, found.name);
  } else {
    const get = getter(found.name);
    size = (o) => {
      const v = get(o);
      return Array.isArray(v) ? v.length : 0;
    };
  }
  return op === 'eq' ? (o) => size(o) === wanted : (o) => size(o) !== wanted;
}

function compileIn(left: Operand, values: LiteralNode[], ctx: FilterContext): Predicate {
  if (left.kind === 'literal') throw syntaxError(ctx.source, left.pos, "the left side of 'in' must name a property");
  const found = resolvePath(left.segments, ctx);
  if (left.kind === 'count' || COLLECTION_TYPES.has(found.spec.type)) requireMode(undefined, found.name, ctx);
  requireMode(found.spec.filter?.eq, found.name, ctx);
  for (const v of values) checkLiteral(found, v, 'in', ctx);
  const get = getter(found.name);
  const tests = values.map(equalsLiteral);
  return (o) => {
    const v = get(o);
    return tests.some((t) => t(v));
  };
}
