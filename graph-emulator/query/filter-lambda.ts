import type { CompareOp, FilterNode, LiteralNode, Operand } from './filter-ast';
import { stringArgument } from './filter-call';
import {
  MAX_LITERAL_LENGTH,
  checkLiteral,
  equalsLiteral,
  getter,
  requireMode,
  resolvePath,
  typeMismatch,
  type FilterContext,
  type Predicate,
} from './filter-values';
import { GraphQueryError, QueryMessages, unsupportedQuery } from './graph-query-error';
import type { FoundProperty } from './schema-lookup';

type ElementTest = (el: unknown) => boolean;

function isVariable(op: Operand | undefined, variable: string, tail: string[] = []): boolean {
  if (!op || op.kind !== 'path' || op.segments.length !== tail.length + 1 || op.segments[0] !== variable) return false;
  return tail.every((t, i) => (op.segments[i + 1] as string).toLowerCase() === t.toLowerCase());
}

function compileStringElement(
  body: FilterNode,
  variable: string,
  found: FoundProperty,
  ctx: FilterContext,
): ElementTest {
  const filter = found.spec.filter ?? {};
  const clause = (): GraphQueryError =>
    unsupportedQuery(QueryMessages.unsupportedClause(found.name, ctx.schema.resource));
  const element: FoundProperty = { name: found.name, spec: { type: 'string', ret: 'N' } };
  if (body.kind === 'compare' && body.op === 'eq' && isVariable(body.left, variable) && body.right.kind === 'literal') {
    requireMode(filter.any, found.name, ctx);
    checkLiteral(element, body.right, 'eq', ctx);
    return equalsLiteral(body.right);
  }
  if (body.kind === 'in' && isVariable(body.left, variable)) {
    requireMode(filter.any, found.name, ctx);
    for (const v of body.values) checkLiteral(element, v, 'in', ctx);
    const tests = body.values.map(equalsLiteral);
    return (el) => tests.some((t) => t(el));
  }
  if (body.kind === 'call' && (body.name === 'startsWith' || body.name === 'endsWith')) {
    const { path, lit } = stringArgument(body.args, ctx, body.pos);
    if (!isVariable(path, variable)) throw clause();
    if (body.name === 'endsWith') requireMode(filter.anyEndsWith, found.name, ctx, 'endsWith');
    else requireMode(filter.anyStartsWith, found.name, ctx);
    if (lit.value.length > MAX_LITERAL_LENGTH) throw clause();
    const want = lit.value.toLowerCase();
    return body.name === 'endsWith'
      ? (el) => typeof el === 'string' && el.toLowerCase().endsWith(want)
      : (el) => typeof el === 'string' && el.toLowerCase().startsWith(want);
  }
  throw clause();
}

function compileLicenseElement(
  body: FilterNode,
  variable: string,
  found: FoundProperty,
  ctx: FilterContext,
): ElementTest {
  const clause = (): GraphQueryError =>
    unsupportedQuery(QueryMessages.unsupportedClause(found.name, ctx.schema.resource));
  const skuId: FoundProperty = { name: found.name, spec: { type: 'guid', ret: 'N' } };
  const strictGuid = (lit: LiteralNode, op: CompareOp | 'in'): void => {
    if (lit.type !== 'guid') throw typeMismatch('Edm.Guid', lit, op);
    checkLiteral(skuId, lit, op, ctx);
  };
  const skuOf = (el: unknown): unknown =>
    el !== null && typeof el === 'object' ? (el as Record<string, unknown>).skuId : undefined;
  if (
    body.kind === 'compare' &&
    body.op === 'eq' &&
    isVariable(body.left, variable, ['skuId']) &&
    body.right.kind === 'literal'
  ) {
    requireMode(found.spec.filter?.any, found.name, ctx);
    strictGuid(body.right, 'eq');
    const eq = equalsLiteral(body.right);
    return (el) => eq(skuOf(el));
  }
  if (body.kind === 'in' && isVariable(body.left, variable, ['skuId'])) {
    requireMode(found.spec.filter?.any, found.name, ctx);
    for (const v of body.values) strictGuid(v, 'in');
    const tests = body.values.map(equalsLiteral);
    return (el) => tests.some((t) => t(skuOf(el)));
  }
  throw clause();
}

/**
 * Compiles `p/any(x: …)`: string collections take `x eq`, `x in`, `startsWith(x,…)` and (advanced)
 * `endsWith(x,…)`; license collections take `x/skuId eq <GUID>` or `x/skuId in (…)`. `all()` is refused.
 * @throws GraphQueryError 400 Request_UnsupportedQuery for other shapes.
 */
export function compileLambda(node: Extract<FilterNode, { kind: 'lambda' }>, ctx: FilterContext): Predicate {
  const found = resolvePath(node.segments, ctx);
  if (node.quantifier === 'all') requireMode(undefined, found.name, ctx);
  let test: ElementTest;
  if (found.spec.type === 'stringCollection') test = compileStringElement(node.body, node.variable, found, ctx);
  else if (found.spec.type === 'licenseCollection') test = compileLicenseElement(node.body, node.variable, found, ctx);
  else throw unsupportedQuery(QueryMessages.unsupportedClause(found.name, ctx.schema.resource));
  const get = getter(found.name);
  return (o) => {
    const v = get(o);
    return Array.isArray(v) && v.some(test);
  };
}
