import { GraphQueryError, QueryMessages, badRequest, unsupportedQuery } from './graph-query-error';
import { findProperty } from './schema-lookup';
import type { EntitySchema } from './schema-types';

/** Comparator over stored objects. */
export type Comparator = (a: Record<string, unknown>, b: Record<string, unknown>) => number;

export interface OrderByContext {
  schema: EntitySchema;
  advanced: boolean;
  /** `$filter` is present too (needs advanced mode: docs/graph-behaviour.md, Advanced queries). */
  withFilter: boolean;
  /** The collection is a relationship (members, memberOf…): sorting needs advanced mode. */
  relationship: boolean;
}

const sortKeys = new Map<string, string>();
const SORT_KEY_CACHE_LIMIT = 200_000;

/** Case- and accent-insensitive sort key ("Équipe" sorts with "equipe"), cached because sorts compare often. */
export function sortKey(text: string): string {
  let key = sortKeys.get(text);
  if (key === undefined) {
    key = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (sortKeys.size >= SORT_KEY_CACHE_LIMIT) sortKeys.clear();
    sortKeys.set(text, key);
  }
  return key;
}

/** Orders two stored values: nulls first, strings case- and accent-insensitively, then numbers and booleans. */
export function compareValues(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = sortKey(a);
    const y = sortKey(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return 0;
}

/**
 * Parses `$orderby` ("displayName", "displayName desc", comma-separated keys) into a comparator whose last
 * tie-breaker is the object id, so paging is stable.
 * @throws GraphQueryError 400 Request_BadRequest for an unknown property or a malformed key;
 *   400 Request_UnsupportedQuery "Sorting not supported for current query." when the property or the mode
 *   does not allow sorting.
 */
export function parseOrderBy(source: string, ctx: OrderByContext): Comparator {
  const keys: { name: string; desc: boolean }[] = [];
  for (const rawKey of source.split(',')) {
    const parts = rawKey
      .trim()
      .split(/\s+/)
      .filter((p) => p.length > 0);
    const [name, direction, ...rest] = parts;
    if (!name || rest.length > 0 || (direction && !/^(asc|desc)$/i.test(direction))) {
      throw badRequest(`Invalid $orderby expression: '${source}'.`);
    }
    const found = findProperty(ctx.schema, name);
    if (!found || found.spec.ret === 'nav' || name.includes('/'))
      throw badRequest(QueryMessages.unknownProperty(name, ctx.schema.typeName));
    keys.push({ name: found.name, desc: direction?.toLowerCase() === 'desc' });
    const mode = found.spec.orderby;
    const sortingRefused = (): GraphQueryError => unsupportedQuery(QueryMessages.sorting);
    if (mode === undefined) throw sortingRefused();
    if (!ctx.advanced && (mode === 'A' || ctx.withFilter || ctx.relationship)) throw sortingRefused();
  }
  return (a, b) => {
    for (const key of keys) {
      const c = compareValues(a[key.name], b[key.name]);
      if (c !== 0) return key.desc ? -c : c;
    }
    return compareValues(a.id, b.id);
  };
}
