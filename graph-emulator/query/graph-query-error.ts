/**
 * A query the emulator must refuse, with the HTTP status, Graph error code and message Graph gives.
 * The HTTP layer turns it into the standard `{"error":{code,message,innerError}}` envelope.
 */
export class GraphQueryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GraphQueryError';
  }
}

/** Stable Graph texts used by the query engine (docs/graph-behaviour.md: Advanced queries, Errors E15; observed responses). */
export const QueryMessages = {
  countSegment: '$count is not currently supported.',
  searchNeedsHeader:
    "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
  searchAmpersand: "Unrecognized query argument specified: ''.",
  advancedOperator: (op: string): string =>
    `Operator '${op}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
  unsupportedClause: (property: string, resource: string): string =>
    `Unsupported or invalid query filter clause specified for property '${property}' of resource '${resource}'.`,
  pageSize: (raw: string): string => `Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`,
  skip: "'$skip' is not supported by the service.",
  unknownProperty: (property: string, typeName: string): string =>
    `Could not find a property named '${property}' on type '${typeName}'.`,
  sorting: 'Sorting not supported for current query.',
  relationshipFilter: 'The specified filter to the reference property query is currently not supported.',
  tooManyOr: (n: number): string =>
    `Too many child clauses specified in search filter expression containing 'OR' operators: ${n}. Max allowed: 15`,
  height: (h: number): string => `Search filter expression has excessive height: ${h}. Max allowed: 3.`,
  filterSyntax: (detail: string): string => `Invalid filter clause: ${detail}`,
  notBoolean: 'Invalid filter clause: The $filter expression must evaluate to a single boolean value.',
  expandAdvanced: '$expand is not supported with advanced queries (ConsistencyLevel:eventual and $count=true).',
  searchSyntax: (detail: string): string => `Invalid $search clause: ${detail}`,
  searchProperty: (property: string, resource: string): string =>
    `Unsupported or invalid query search clause specified for property '${property}' of resource '${resource}'.`,
} as const;

/** 400 Request_UnsupportedQuery with the given text. */
export function unsupportedQuery(message: string): GraphQueryError {
  return new GraphQueryError(400, 'Request_UnsupportedQuery', message);
}

/** 400 Request_BadRequest with the given text. */
export function badRequest(message: string): GraphQueryError {
  return new GraphQueryError(400, 'Request_BadRequest', message);
}
