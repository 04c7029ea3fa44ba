import type { FilterNode } from './filter-ast';
import { QueryMessages, unsupportedQuery } from './graph-query-error';

/** Most OR children (an `in` list counts each value) Graph accepts outside advanced mode. */
export const MAX_OR_CHILDREN = 15;
/** Deepest and/or nesting Graph accepts outside advanced mode. */
export const MAX_HEIGHT = 3;

/** Children of an or-chain, flattened; an `in` list counts each value. */
function orWidth(node: FilterNode): number {
  if (node.kind === 'or') return orWidth(node.left) + orWidth(node.right);
  if (node.kind === 'in') return node.values.length;
  return 1;
}

function flatten(node: FilterNode, kind: 'and' | 'or'): FilterNode[] {
  if (node.kind === kind) return [...flatten(node.left, kind), ...flatten(node.right, kind)];
  return [node];
}

/** Height of the and/or tree with same-operator chains flattened; leaves count 1, a multi-value `in` 2. */
export function filterHeight(node: FilterNode): number {
  switch (node.kind) {
    case 'and':
    case 'or':
      return 1 + Math.max(...flatten(node, node.kind).map(filterHeight));
    case 'not':
      return filterHeight(node.operand);
    case 'in':
      return node.values.length > 1 ? 2 : 1;
    default:
      return 1;
  }
}

function checkOrWidths(node: FilterNode): void {
  if (node.kind === 'or' || node.kind === 'in') {
    const width = orWidth(node);
    if (width > MAX_OR_CHILDREN) throw unsupportedQuery(QueryMessages.tooManyOr(width));
    if (node.kind === 'or') for (const child of flatten(node, 'or')) if (child.kind !== 'in') checkOrWidths(child);
    return;
  }
  if (node.kind === 'and') {
    checkOrWidths(node.left);
    checkOrWidths(node.right);
  } else if (node.kind === 'not') {
    checkOrWidths(node.operand);
  }
}

/**
 * Default-mode limits: at most 15 OR children per or-group (docs/graph-behaviour.md, Filter support) and an and/or height of 3.
 * @throws GraphQueryError 400 Request_UnsupportedQuery with Graph's texts when exceeded.
 */
export function checkDefaultLimits(node: FilterNode): void {
  checkOrWidths(node);
  const height = filterHeight(node);
  if (height > MAX_HEIGHT) throw unsupportedQuery(QueryMessages.height(height));
}
