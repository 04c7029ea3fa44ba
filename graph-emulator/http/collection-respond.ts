/**
 * Answers collection GETs: runs the QUERY part's planner, narrows candidates through the store's indexes when
 * the filter allows it, filters, searches, sorts and pages (absolute https `@odata.nextLink` carrying every
 * original parameter plus `$skiptoken`; `@odata.count` on the first page only; `$count` segments as
 * text/plain). Candidates are never copied wholesale: without `$orderby` and `$count` the scan stops as soon
 * as the page and one more match (for `@odata.nextLink`) are found; otherwise only matches are collected.
 */
import {
  contextUrl,
  planQuery,
  projectObject,
  type EntityKind,
  type CollectionKind,
  type IndexableClause,
  type QueryPlan,
} from '../query';
import { E } from './graph-error';
import { isEventual, type EmuResponse, type HandlerContext } from './request-context';

type Obj = Record<string, unknown>;

export interface CollectionSpec {
  entity: EntityKind;
  collection: CollectionKind;
  /** Entity set for `@odata.context`, e.g. `groups`, `directoryObjects`, `users`. */
  contextPath: string;
  /** Every candidate object (already typed with `@odata.type` for directoryObject lists). */
  all: () => Iterable<Obj>;
  /** Candidates for an indexable clause (may be lazy); undefined when no index serves it (then `all` is used). */
  lookup?: (clause: IndexableClause) => Iterable<Obj> | undefined;
  /** Count-segment request (`.../$count`). */
  countSegment?: boolean;
  /** Projection hook for extra per-item shaping (e.g. hiding members' properties). */
  project?: (obj: Obj, plan: QueryPlan) => Obj;
  /** The size of an object's relationship, for `owners/$count eq 0` filters. */
  relationCount?: (obj: Obj, relation: string) => number;
}

function encodeSkipToken(offset: number): string {
  return Buffer.from(`emu:${offset}`).toString('base64url');
}

function decodeSkipToken(token: string): number {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const m = /^emu:(\d+)$/.exec(text);
  if (!m) throw E.badRequest('The specified page token value has expired or is invalid.', 'Directory_ExpiredPageToken');
  return Number(m[1]);
}

/** A query string with `$` option names kept literal and values percent-encoded. Never throws. */
export function queryString(params: URLSearchParams): string {
  return [...params]
    .map(([k, v]) => `${encodeURIComponent(k).replace(/^%24/, '$')}=${encodeURIComponent(v)}`)
    .join('&');
}

/** The plan for a collection GET. Throws GraphQueryError/GraphHttpError with Graph's 400s. */
export function planFor(
  ctx: HandlerContext,
  spec: Pick<CollectionSpec, 'entity' | 'collection' | 'countSegment' | 'relationCount'>,
): QueryPlan {
  return planQuery({
    entity: spec.entity,
    collection: spec.collection,
    params: ctx.req.query,
    consistencyEventual: isEventual(ctx.req),
    isCountSegment: spec.countSegment === true,
    ...(spec.relationCount ? { relationCount: spec.relationCount } : {}),
  });
}

/**
 * Runs the query and builds the response.
 * Throws GraphQueryError (query refused) or GraphHttpError (bad skip token).
 */
export function respondCollection(ctx: HandlerContext, spec: CollectionSpec): EmuResponse {
  const plan = planFor(ctx, spec);
  const candidates: Iterable<Obj> =
    (plan.indexable && spec.lookup ? spec.lookup(plan.indexable) : undefined) ?? spec.all();
  const { filter, search } = plan;
  const matches = (o: Obj): boolean => (!filter || filter(o)) && (!search || search(o));
  if (spec.countSegment) {
    let n = 0;
    for (const o of candidates) if (matches(o)) n++;
    return { status: 200, text: String(n) };
  }

  const offset = plan.skipToken ? decodeSkipToken(plan.skipToken) : 0;
  const end = offset + plan.top;
  let page: Obj[];
  let hasMore: boolean;
  let total = 0;
  if (!plan.compare && !plan.count) {
    // Unsorted and uncounted: stop at the first match past the page.
    page = [];
    hasMore = false;
    let seen = 0;
    for (const o of candidates) {
      if (!matches(o)) continue;
      if (seen >= end) {
        hasMore = true;
        break;
      }
      if (seen >= offset) page.push(o);
      seen++;
    }
  } else {
    const items: Obj[] = [];
    for (const o of candidates) if (matches(o)) items.push(o);
    if (plan.compare) items.sort(plan.compare);
    total = items.length;
    page = items.slice(offset, end);
    hasMore = end < items.length;
  }
  const body: Obj = { '@odata.context': contextUrl(ctx.services.baseUrl, spec.contextPath, plan.select) };
  if (plan.count && offset === 0) body['@odata.count'] = total;
  if (hasMore) {
    const params = new URLSearchParams(ctx.req.query);
    params.set('$skiptoken', encodeSkipToken(end));
    body['@odata.nextLink'] = `${ctx.services.baseUrl}/v1.0${ctx.req.path}?${queryString(params)}`;
  }
  body.value = page.map((o) =>
    spec.project ? spec.project(o, plan) : projectObject(spec.entity, o, plan.select, { getById: false }),
  );
  return { status: 200, body };
}
