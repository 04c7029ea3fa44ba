import type { CompareOp, LiteralNode } from './filter-ast';
import { GraphQueryError, QueryMessages, badRequest, unsupportedQuery } from './graph-query-error';
import { findProperty, type FoundProperty } from './schema-lookup';
import type { EntitySchema, Mode, ValueType } from './schema-types';

// Shared pieces of $filter compilation: context, support checks, literal typing and value comparison.

/** A compiled `$filter`: true when the object matches. */
export type Predicate = (obj: Record<string, unknown>) => boolean;

export interface FilterContext {
  schema: EntitySchema;
  /** Advanced-query mode (ConsistencyLevel eventual + $count). */
  advanced: boolean;
  /** The `$filter` text, for syntax messages. */
  source: string;
  /**
   * How many objects a navigation property of an object holds (`owners/$count eq 0` on groups); absent where the
   * collection cannot count relationships, and then such clauses are refused.
   */
  relationCount?: RelationCount;
}

/** The size of the relationship `relation` (a navigation property name) of `obj`. */
export type RelationCount = (obj: Record<string, unknown>, relation: string) => number;

/** Longest string literal Graph accepts in eq / startsWith clauses. */
export const MAX_LITERAL_LENGTH = 120;

type AdvancedOperator = 'ne' | 'not' | 'endsWith';

export const COLLECTION_TYPES = new Set<ValueType>(['stringCollection', 'licenseCollection', 'collection', 'object']);

const OPERATOR_KIND: Record<CompareOp | 'in', string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
  in: 'In',
};

/** Resolves a path to a schema property. */
export function resolvePath(segments: string[], ctx: FilterContext): FoundProperty {
  const joined = segments.join('/');
  const found = findProperty(ctx.schema, joined);
  if (found) return found;
  const head = findProperty(ctx.schema, segments[0] as string);
  if (head) throw unsupportedQuery(QueryMessages.unsupportedClause(head.name, ctx.schema.resource));
  throw badRequest(QueryMessages.unknownProperty(segments[0] as string, ctx.schema.typeName));
}

/** Throws the Graph error when a clause is not allowed in this mode. */
export function requireMode(
  mode: Mode | undefined,
  property: string,
  ctx: FilterContext,
  operator?: AdvancedOperator,
): void {
  if (operator && !ctx.advanced) throw unsupportedQuery(QueryMessages.advancedOperator(operator));
  const clause = (): GraphQueryError =>
    unsupportedQuery(QueryMessages.unsupportedClause(property, ctx.schema.resource));
  if (mode === undefined) throw clause();
  if (mode === 'A' && !ctx.advanced) throw clause();
  if (mode === 'DO' && ctx.advanced) throw clause();
}

export function getter(name: string): (o: Record<string, unknown>) => unknown {
  if (!name.includes('/')) return (o) => o[name];
  const parts = name.split('/');
  return (o) => {
    let v: unknown = o;
    for (const p of parts) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string, unknown>)[p];
    }
    return v;
  };
}

export function edmOfProperty(type: ValueType): string {
  switch (type) {
    case 'boolean':
      return 'Edm.Boolean';
    case 'datetime':
      return 'Edm.DateTimeOffset';
    case 'date':
      return 'Edm.Date';
    case 'number':
      return 'Edm.Int32';
    default:
      return 'Edm.String';
  }
}

function edmOfLiteral(lit: LiteralNode): string {
  switch (lit.type) {
    case 'string':
      return 'Edm.String';
    case 'guid':
      return 'Edm.Guid';
    case 'datetime':
      return lit.value.includes('T') ? 'Edm.DateTimeOffset' : 'Edm.Date';
    case 'number':
      return 'Edm.Int32';
    case 'boolean':
      return 'Edm.Boolean';
    case 'null':
      return 'null';
  }
}

export function literalFits(type: ValueType, lit: LiteralNode): boolean {
  switch (type) {
    case 'string':
      return lit.type === 'string';
    case 'guid':
      // directoryObject ids are Edm.String; an unquoted GUID is accepted as well.
      return lit.type === 'string' || lit.type === 'guid';
    case 'boolean':
      return lit.type === 'boolean';
    case 'datetime':
    case 'date':
      return lit.type === 'datetime';
    case 'number':
      return lit.type === 'number';
    default:
      return false;
  }
}

export function typeMismatch(propEdm: string, lit: LiteralNode, op: CompareOp | 'in'): GraphQueryError {
  return new GraphQueryError(
    400,
    'BadRequest',
    QueryMessages.filterSyntax(
      `A binary operator with incompatible types was detected. Found operand types '${propEdm}' and '${edmOfLiteral(lit)}' for operator kind '${OPERATOR_KIND[op]}'.`,
    ),
  );
}

export function checkLiteral(found: FoundProperty, lit: LiteralNode, op: CompareOp | 'in', ctx: FilterContext): void {
  if (!literalFits(found.spec.type, lit)) throw typeMismatch(edmOfProperty(found.spec.type), lit, op);
  if (lit.type === 'string' && lit.value.length > MAX_LITERAL_LENGTH) {
    throw unsupportedQuery(QueryMessages.unsupportedClause(found.name, ctx.schema.resource));
  }
}

/** Equality on one stored value (case-insensitive for strings). */
export function equalsLiteral(lit: LiteralNode): (v: unknown) => boolean {
  switch (lit.type) {
    case 'string':
    case 'guid': {
      const want = lit.value.toLowerCase();
      return (v) => typeof v === 'string' && v.toLowerCase() === want;
    }
    case 'datetime': {
      const want = Date.parse(lit.value);
      return (v) => typeof v === 'string' && Date.parse(v) === want;
    }
    case 'null':
      return (v) => v === null || v === undefined;
    default: {
      const want = lit.value;
      return (v) => v === want;
    }
  }
}

/** Orders a stored value against a literal: negative, zero, positive, or undefined when not comparable. */
export function orderAgainst(lit: LiteralNode): (v: unknown) => number | undefined {
  if (lit.type === 'datetime') {
    const want = Date.parse(lit.value);
    return (v) => {
      if (typeof v !== 'string') return undefined;
      const t = Date.parse(v);
      return Number.isNaN(t) ? undefined : t - want;
    };
  }
  if (lit.type === 'string') {
    const want = lit.value.toLowerCase();
    return (v) => {
      if (typeof v !== 'string') return undefined;
      const s = v.toLowerCase();
      return s < want ? -1 : s > want ? 1 : 0;
    };
  }
  return (v) => (typeof v === 'number' && typeof lit.value === 'number' ? v - lit.value : undefined);
}

export function flip(op: CompareOp): CompareOp {
  switch (op) {
    case 'ge':
      return 'le';
    case 'le':
      return 'ge';
    case 'gt':
      return 'lt';
    case 'lt':
      return 'gt';
    default:
      return op;
  }
}
