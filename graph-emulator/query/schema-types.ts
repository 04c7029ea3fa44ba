/**
 * Support modes for one query feature on one property:
 * `D` works by default (and in advanced mode), `A` needs advanced mode, `DO` works by default only
 * (refused in advanced mode).
 */
export type Mode = 'D' | 'A' | 'DO';

/** The value shapes the filter evaluator distinguishes. */
export type ValueType =
  | 'string'
  | 'boolean'
  | 'guid'
  | 'datetime'
  | 'date'
  | 'number'
  | 'stringCollection'
  | 'licenseCollection'
  | 'object'
  | 'collection';

/**
 * Which `$filter` clauses a property supports. `in` is allowed wherever `eq` is;
 * `ne` and `not(...)` wherever the positive clause is, but only in advanced mode.
 */
export interface FilterSupport {
  eq?: Mode;
  startsWith?: Mode;
  endsWith?: Mode;
  /** ge / le */
  range?: Mode;
  eqNull?: Mode;
  /** `p/any(x:x eq '…')` (or `a/skuId eq …` on license collections) */
  any?: Mode;
  anyStartsWith?: Mode;
  anyEndsWith?: Mode;
  /** `p/$count eq 0` and `p/$count ne 0` */
  countZero?: Mode;
}

/**
 * Where a property is returned: `D` by default, `S` only under `$select`, `G` only under `$select` on
 * GET-by-id, `N` never (filter-only), `nav` a navigation property (only via `$expand`).
 */
export type Returned = 'D' | 'S' | 'G' | 'N' | 'nav';

/** One property of an entity. */
export interface PropertySpec {
  type: ValueType;
  ret: Returned;
  filter?: FilterSupport;
  orderby?: Mode;
  /** `words`: `$search` matches word prefixes; `prefix`: matches the start of the value. */
  search?: 'words' | 'prefix';
}

/** The query-relevant description of one entity type. */
export interface EntitySchema {
  /** e.g. `microsoft.graph.group`, used in "Could not find a property" errors and `@odata.type`. */
  typeName: string;
  /** e.g. `Group`, used in "… of resource 'Group'." errors. */
  resource: string;
  /** Properties in the order Graph writes the default shape. */
  properties: Readonly<Record<string, PropertySpec>>;
  /** Filter-only sub-paths such as `onPremisesExtensionAttributes/extensionAttribute1`. */
  paths?: Readonly<Record<string, PropertySpec>>;
}
