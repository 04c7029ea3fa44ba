/**
 * Typed domain errors. Everything the directory layer throws is one of these; bot/commands/error-text.ts turns
 * them into one sentence for the user. Graph errors are mapped here, in one place, by status and code.
 */
export type DomainErrorKind =
  | 'notFound'
  | 'forbidden'
  | 'readOnlyGroup'
  | 'dynamicGroup'
  | 'lastOwner'
  | 'alreadyPresent'
  | 'notPresent'
  | 'invalid'
  | 'throttled'
  | 'unavailable'
  | 'unauthenticated'
  | 'conflict'
  | 'unexpected';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Graph's own code and message, kept for logs and for "details" in cards. */
    readonly graph?: { status: number; code: string | null; message: string; requestId?: string | null },
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

const READ_ONLY_TEXTS = [
  'Cannot Update a mail-enabled security groups and or distribution list',
  'originated within an external service',
];

/** What the failing call was about, to phrase ambiguous Graph errors correctly. */
export interface ErrorContext {
  operation?:
    | 'addMember'
    | 'removeMember'
    | 'addOwner'
    | 'removeOwner'
    | 'read'
    | 'create'
    | 'update'
    | 'delete'
    | 'restore'
    | 'license';
  groupIsDynamic?: boolean;
}

interface GraphLikeError {
  statusCode?: number;
  status?: number;
  code?: string | null;
  message?: string;
  requestId?: string | null;
}

/** Maps a GraphError (or a $batch step error body) to a DomainError. Never throws. */
export function mapGraphError(err: unknown, ctx: ErrorContext = {}): DomainError {
  if (err instanceof DomainError) return err;
  const e = (err ?? {}) as GraphLikeError;
  const status = e.statusCode ?? e.status ?? -1;
  const code = e.code ?? null;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const graph = { status, code, message, requestId: e.requestId ?? null };
  if (status === 401) return new DomainError('unauthenticated', 'Your sign-in has expired or is not valid.', graph);
  if (status === 429) return new DomainError('throttled', 'Microsoft Graph is throttling requests.', graph);
  if (status === 503 || status === 504 || status === -1 || status === 0)
    return new DomainError('unavailable', 'Microsoft Graph is not answering right now.', graph);
  if (READ_ONLY_TEXTS.some((t) => message.includes(t))) return new DomainError('readOnlyGroup', message, graph);
  if (status === 403) {
    if (ctx.groupIsDynamic && (ctx.operation === 'addMember' || ctx.operation === 'removeMember')) {
      return new DomainError('dynamicGroup', message, graph);
    }
    return new DomainError('forbidden', message, graph);
  }
  if (status === 404)
    return new DomainError(
      ctx.operation === 'removeMember' || ctx.operation === 'removeOwner' ? 'notPresent' : 'notFound',
      message,
      graph,
    );
  if (status === 400) {
    if (message.startsWith('One or more added object references already exist'))
      return new DomainError('alreadyPresent', message, graph);
    if (message.startsWith('The group must have at least one owner'))
      return new DomainError('lastOwner', message, graph);
    if (message.startsWith('Another object with the same value for property mailNickname'))
      return new DomainError('conflict', message, graph);
    return new DomainError('invalid', message, graph);
  }
  return new DomainError('unexpected', message, graph);
}
