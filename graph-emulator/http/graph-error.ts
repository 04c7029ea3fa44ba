/**
 * Graph errors the emulator returns, with the exact codes and texts of docs/graph-behaviour.md, Errors (E1-E20).
 * Handlers throw GraphHttpError; the server turns it into the Graph error envelope.
 */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'GraphHttpError';
  }
}

type Rel = 'members' | 'owners';

/** One entry of an error's `details` array (validateProperties adds `prefix`/`suffix`). */
export interface ErrorDetail {
  code: string;
  message: string;
  target?: string;
  prefix?: string;
  suffix?: string;
}

/** The catalogue; each entry returns the error to throw. */
export const E = {
  /** E16: an add right after a create, before the directory has replicated the new object (code undocumented). */
  replicationLag: () =>
    new GraphHttpError(
      400,
      'Request_BadRequest',
      "The source resource object or one of the objects being referenced don't exist.",
    ),
  /** E1: member or owner already present. */
  alreadyExists: (rel: Rel) =>
    new GraphHttpError(
      400,
      'Request_BadRequest',
      `One or more added object references already exist for the following modified properties: '${rel}'.`,
    ),
  /** E2: object missing; removing a non-member. */
  notFound: (id: string) =>
    new GraphHttpError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  /** E3: bad `@odata.id`. */
  badReference: (rel: Rel) =>
    new GraphHttpError(
      400,
      'Request_UnsupportedQuery',
      `Unsupported referenced-object resource identifier for link property '${rel}'.`,
    ),
  /** E4: write on a mail-enabled security group or distribution list. */
  readOnlyGroup: () =>
    new GraphHttpError(
      400,
      'Request_BadRequest',
      'Cannot Update a mail-enabled security groups and or distribution list.',
    ),
  /** E5: forbidden. */
  forbidden: () =>
    new GraphHttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  /** E6: last owner. */
  lastOwner: () =>
    new GraphHttpError(
      400,
      'Request_BadRequest',
      'The group must have at least one owner, hence this owner cannot be removed.',
    ),
  /** E7: mail-enabled non-Unified create. */
  mailEnabledCreate: () =>
    new GraphHttpError(
      400,
      'Request_BadRequest',
      'The service does not currently support writes of mail-enabled groups. Please ensure that the mail-enablement property is unset and the security-enablement property is set.',
    ),
  /** E8: required property missing. */
  required: (p: string, resource = 'Group') =>
    new GraphHttpError(400, 'Request_BadRequest', `A value is required for property '${p}' of resource '${resource}'.`),
  /** E9 and friends: invalid value for a property. */
  invalidValue: (p: string, resource = 'Group') =>
    new GraphHttpError(
      400,
      'Request_BadRequest',
      `Invalid value specified for property '${p}' of resource '${resource}'.`,
    ),
  /** E10: duplicate M365 mailNickname. */
  duplicateNickname: () =>
    new GraphHttpError(
      400,
      'Request_BadRequest',
      'Another object with the same value for property mailNickname already exists.',
    ),
  /** E11: non-admin binds self as owner. */
  duplicateValues: () =>
    new GraphHttpError(400, 'Request_BadRequest', 'Request contains a property with duplicate values.'),
  /** E12: read-only property in PATCH. */
  readOnlyProperty: (p: string) =>
    new GraphHttpError(400, 'Request_BadRequest', `Property '${p}' is read-only and cannot be set`),
  /** E13: empty PATCH body. */
  emptyPayload: () => new GraphHttpError(400, 'BadRequest', 'Empty Payload. JSON content expected.'),
  /** E14: malformed id. */
  invalidId: (id: string) => new GraphHttpError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`),
  /** E15: `$top` outside 1-999. */
  pageSize: (top: string) =>
    new GraphHttpError(
      400,
      'Request_UnsupportedQuery',
      `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`,
    ),
  /** E17: method not allowed. */
  methodNotAllowed: () =>
    new GraphHttpError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.'),
  /** E19: missing or bad token. */
  unauthenticated: (message: string) => new GraphHttpError(401, 'InvalidAuthenticationToken', message),
  /** E20 / bad cast. */
  unsupportedCast: () =>
    new GraphHttpError(
      400,
      'Request_UnsupportedQuery',
      'The requested type cast is not supported for this relationship.',
    ),
  /** Unknown path segment (Graph's OData router text). */
  unknownSegment: (segment: string) =>
    new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  /** Body is not valid JSON. */
  badJson: () =>
    new GraphHttpError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    ),
  /** Unknown property in a write body (groups are not open types for unknown names in the emulator). */
  unknownProperty: (p: string, type = 'microsoft.graph.group') =>
    new GraphHttpError(
      400,
      'Request_BadRequest',
      `Property '${p}' does not exist as a declared property or extension property on type '${type}'.`,
    ),
  /** A property with the wrong JSON type. */
  badPropertyType: (p: string) =>
    new GraphHttpError(400, 'Request_BadRequest', `Invalid value specified for property '${p}' of resource 'Group'.`),
  /** E18: naming-policy validation failed (validateProperties). */
  validationFailed: (detail: ErrorDetail) =>
    new GraphHttpError(
      422,
      'Request_UnprocessableEntity',
      'The values provided contain one or more validation errors.',
      {},
      [detail],
    ),
  /** Generic bad request with a given text. */
  badRequest: (message: string, code = 'Request_BadRequest') => new GraphHttpError(400, code, message),
};
