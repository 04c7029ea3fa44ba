/** The kinds of directory object the query engine knows how to filter, sort and project. */
export type EntityKind = 'group' | 'user' | 'directoryObject' | 'subscribedSku' | 'directoryRole';

/**
 * The kind of collection a request reads. `relationship` covers members, owners, memberOf and the
 * transitive lists, whose query parameters are gated more strictly than top-level collections;
 * `roleMembers` is the members list of a directory role, which takes `$select` only.
 */
export type CollectionKind =
  'groups' | 'users' | 'relationship' | 'deletedItems' | 'subscribedSkus' | 'directoryRoles' | 'roleMembers';

/** Everything the engine needs to know about one collection GET. */
export interface QueryInput {
  entity: EntityKind;
  collection: CollectionKind;
  /** The decoded query string (URLSearchParams already turns `+` into a space). */
  params: URLSearchParams;
  /** True when the request carried `ConsistencyLevel: eventual`. */
  consistencyEventual: boolean;
  /** True for `.../$count` path segments (the answer is a text/plain integer). */
  isCountSegment?: boolean;
  /** Counts an object's relationship for `owners/$count` filters; absent where the collection has none. */
  relationCount?: (obj: Record<string, unknown>, relation: string) => number;
}

/** A top-level AND-conjunct the store may answer from an index. Values are lower-cased. */
export interface IndexableClause {
  property: string;
  op: 'eq' | 'startsWith' | 'in';
  values: string[];
}

/** What the store and the HTTP layer must do to answer a collection GET. */
export interface QueryPlan {
  /** Full `$filter` predicate; always apply it, even when `indexable` narrowed the candidates. */
  filter?: (obj: Record<string, unknown>) => boolean;
  indexable?: IndexableClause;
  /** `$search` predicate. */
  search?: (obj: Record<string, unknown>) => boolean;
  /** `$orderby` comparator (ties broken by id so pages are stable). */
  compare?: (a: Record<string, unknown>, b: Record<string, unknown>) => number;
  /** Page size: `$top`, else 100. */
  top: number;
  /** `$select` as requested (validated, de-duplicated, request order). */
  select?: string[];
  /** True when the response must carry `@odata.count` (advanced mode with `$count=true`, or a `$count` segment). */
  count: boolean;
  skipToken?: string;
  /** Navigation properties named in `$expand` (nested options are dropped). */
  expand?: string[];
  /** True when the request ran in advanced-query mode (ConsistencyLevel eventual + $count). */
  advanced: boolean;
}
