import { compileFilter } from './filter-compile';
import { findIndexable } from './filter-indexable';
import { parseFilter } from './filter-parse';
import { QueryMessages, badRequest, unsupportedQuery } from './graph-query-error';
import { parseOrderBy } from './orderby-parse';
import type { EntityKind, QueryInput, QueryPlan } from './query-types';
import { schemaFor } from './schema-lookup';
import { parseSearch } from './search-parse';
import { parseExpand, parseSelect } from './select-parse';

/** Page size when `$top` is absent. */
export const DEFAULT_PAGE_SIZE = 100;
/** Largest `$top` Graph accepts. */
export const MAX_PAGE_SIZE = 999;
/** Page size of a directory role's members: 1,000, and `$top` does not change it (directoryrole-list-members page). */
export const ROLE_MEMBERS_PAGE_SIZE = 1000;

const SINGLE_OPTIONS = [
  '$filter',
  '$search',
  '$orderby',
  '$select',
  '$expand',
  '$top',
  '$count',
  '$skiptoken',
  '$skip',
];

/** `$count=true` in the query string (case-insensitive value). */
export function hasCountTrue(params: URLSearchParams): boolean {
  return (params.get('$count') ?? '').trim().toLowerCase() === 'true';
}

/**
 * Advanced-query mode: `ConsistencyLevel: eventual` plus `$count=true` (or a `/$count` segment, which
 * itself needs the header). `$search` alone needs only the header and does not switch the mode on.
 */
export function isAdvancedQuery(input: QueryInput): boolean {
  return input.consistencyEventual && (input.isCountSegment === true || hasCountTrue(input.params));
}

/**
 * Parses `$top`.
 * @throws GraphQueryError 400 Request_UnsupportedQuery (E15) when it is not an integer in 1..999.
 */
export function parseTop(raw: string | null): number {
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const text = raw.trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw unsupportedQuery(QueryMessages.pageSize(raw));
  return n;
}

/**
 * Validates a collection GET's query options and returns how to answer it.
 * @throws GraphQueryError with Graph's status, code and text: `$skip` (400 Request_BadRequest), `/$count`
 *   without ConsistencyLevel (400 Request_BadRequest), `$search` without it (400 Request_UnsupportedQuery),
 *   `$top` out of range (E15), unknown `$select`/`$orderby`/`$expand` properties (400 Request_BadRequest),
 *   `$expand` in advanced mode, `$filter`/`$orderby` on relationships outside advanced mode, and every
 *   `$filter` support error of docs/graph-behaviour.md, Advanced queries and Filter support.
 */
export function planQuery(input: QueryInput): QueryPlan {
  const { params } = input;
  const schema = schemaFor(input.entity);
  const advanced = isAdvancedQuery(input);
  const relationship = input.collection === 'relationship';

  for (const option of SINGLE_OPTIONS) {
    if (params.getAll(option).length > 1) {
      throw badRequest(`Query option '${option}' was specified more than once, but it must be specified at most once.`);
    }
  }
  if (params.has('$skip')) throw badRequest(QueryMessages.skip);
  if (input.isCountSegment && !input.consistencyEventual) throw badRequest(QueryMessages.countSegment);

  const skipToken = params.get('$skiptoken') ?? undefined;
  const count = advanced && (input.isCountSegment === true || hasCountTrue(params));
  const rawSelect = params.get('$select');
  const select = rawSelect === null ? undefined : parseSelect(rawSelect, schema);

  if (input.collection === 'subscribedSkus') {
    // $filter, $top and $search are ignored on subscribedSkus: every SKU comes back in one page (docs/graph-behaviour.md, Licensing).
    const plan: QueryPlan = { top: Number.MAX_SAFE_INTEGER, count, advanced };
    if (select) plan.select = select;
    return plan;
  }

  if (input.collection === 'roleMembers') {
    // The directoryrole-list-members page documents `$select` only; other options are ignored, as on subscribedSkus.
    const plan: QueryPlan = { top: ROLE_MEMBERS_PAGE_SIZE, count: false, advanced };
    if (select) plan.select = select;
    if (skipToken !== undefined) plan.skipToken = skipToken;
    return plan;
  }

  const top = parseTop(params.get('$top'));
  const plan: QueryPlan = { top, count, advanced };
  if (select) plan.select = select;
  if (skipToken !== undefined) plan.skipToken = skipToken;

  const rawExpand = params.get('$expand');
  if (rawExpand !== null) {
    if (advanced) throw unsupportedQuery(QueryMessages.expandAdvanced);
    plan.expand = parseExpand(rawExpand, schema);
  }

  const rawSearch = params.get('$search');
  if (rawSearch !== null) {
    if (rawSearch.includes('&')) throw badRequest(QueryMessages.searchAmpersand);
    if (!input.consistencyEventual) throw unsupportedQuery(QueryMessages.searchNeedsHeader);
    plan.search = parseSearch(rawSearch, schema);
  }

  const rawFilter = params.get('$filter');
  if (rawFilter !== null) {
    if (relationship && !advanced) throw unsupportedQuery(QueryMessages.relationshipFilter);
    const tree = parseFilter(rawFilter);
    const counts = input.relationCount ? { relationCount: input.relationCount } : {};
    plan.filter = compileFilter(tree, { schema, advanced, source: rawFilter, ...counts });
    const indexable = findIndexable(tree, schema);
    if (indexable) plan.indexable = indexable;
  }

  const rawOrderBy = params.get('$orderby');
  if (rawOrderBy !== null) {
    plan.compare = parseOrderBy(rawOrderBy, { schema, advanced, withFilter: rawFilter !== null, relationship });
  }
  return plan;
}

/** What a single-object GET (`/groups/{id}`, `/users/{id}`, `/me`) needs from its query string. */
export interface SingleObjectPlan {
  select?: string[];
  expand?: string[];
}

/**
 * Validates the query options of a single-object GET: `$select` and `$expand` are honoured; list options
 * (`$filter`, `$top`, `$orderby`, `$search`, `$count`) are ignored, as Graph ignores unsupported parameters.
 * Project the object with `projectObject(entity, obj, plan.select, { getById: true })`.
 * @throws GraphQueryError 400 Request_BadRequest for unknown `$select`/`$expand` properties or a repeated option.
 */
export function planSingleObject(entity: EntityKind, params: URLSearchParams): SingleObjectPlan {
  const schema = schemaFor(entity);
  for (const option of ['$select', '$expand']) {
    if (params.getAll(option).length > 1) {
      throw badRequest(`Query option '${option}' was specified more than once, but it must be specified at most once.`);
    }
  }
  const out: SingleObjectPlan = {};
  const rawSelect = params.get('$select');
  if (rawSelect !== null) out.select = parseSelect(rawSelect, schema);
  const rawExpand = params.get('$expand');
  if (rawExpand !== null) out.expand = parseExpand(rawExpand, schema);
  return out;
}
