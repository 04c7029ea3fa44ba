/**
 * Pure OData query engine of the Graph emulator: validates `$filter`, `$search`, `$orderby`, `$select`,
 * `$expand`, `$top`, `$count` and `$skiptoken` the way Microsoft Graph v1.0 does for directory objects
 * (docs/graph-behaviour.md: Properties, Reading and querying, Errors), and turns them into predicates, a comparator and a projection. No I/O.
 *
 * Typical use in a list handler:
 * ```ts
 * const plan = planQuery({ entity: 'group', collection: 'groups', params: url.searchParams,
 *   consistencyEventual: req.headers['consistencylevel'] === 'eventual' });   // throws GraphQueryError
 * let rows = plan.indexable ? store.lookup(plan.indexable) : store.all();     // optional index narrowing
 * rows = rows.filter((o) => (!plan.filter || plan.filter(o)) && (!plan.search || plan.search(o)));
 * if (plan.compare) rows.sort(plan.compare);
 * const page = rows.slice(offsetFrom(plan.skipToken), offset + plan.top);
 * body = { '@odata.context': contextUrl(baseUrl, 'groups', plan.select),
 *   ...(plan.count && firstPage ? { '@odata.count': rows.length } : {}),
 *   value: page.map((o) => projectObject('group', o, plan.select, { getById: false })) };
 * ```
 * A GraphQueryError carries `status`, `code` and `message` for the standard error envelope.
 */
export type { CollectionKind, EntityKind, IndexableClause, QueryPlan } from './query-types';
export { GraphQueryError } from './graph-query-error';
export { ROLE_MEMBERS_PAGE_SIZE, isAdvancedQuery, planQuery, planSingleObject } from './query-plan';
export { projectObject } from './object-project';
export { contextUrl } from './context-url';
export { schemaFor } from './schema-lookup';
