/**
 * One Graph request from authentication to response, shared by top-level requests and `$batch` steps:
 * token → caller, fault injection, routing, handler, errors → Graph error envelope, standard headers.
 */
import { randomUUID } from 'node:crypto';
import { TokenRejected, verifyAccessToken } from '../auth/access-token';
import type { SigningKey } from '../auth/signing-key';
import type { FaultInjector } from '../control/fault-injector';
import type { RequestStats } from '../control/request-stats';
import { E, GraphHttpError } from './graph-error';
import { errorBody, toGraphError } from './error-envelope';
import type { Router } from './router';
import { splitPath } from './router';
import type { Caller, EmuRequest, EmuResponse, Services } from './request-context';

export class GraphPipeline {
  readonly services: Services;

  constructor(
    services: Omit<Services, 'dispatch'>,
    private readonly router: Router,
    private readonly faults: FaultInjector,
    private readonly stats: RequestStats,
    private readonly key: SigningKey,
    private readonly onError: (err: unknown) => void,
  ) {
    this.services = { ...services, dispatch: (req, caller) => this.dispatch(req, caller) };
  }

  /** Resolves the caller of an `Authorization` header. Throws GraphHttpError 401 (E19). */
  authenticate(authorization: string | undefined): Caller {
    const m = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
    let claims;
    try {
      claims = verifyAccessToken(this.key, m?.[1]?.trim());
    } catch (err) {
      if (err instanceof TokenRejected) throw E.unauthenticated(err.message);
      throw err;
    }
    const store = this.services.store;
    const user =
      store.users.get(claims.oid) ?? store.users.get(store.userIndex.userPrincipalName.exact(claims.upn)[0] ?? '');
    if (!user)
      throw E.unauthenticated('Access token validation failure: the signed-in user does not exist in this directory.');
    if (claims.tid !== this.services.tenant.tenantId)
      throw E.unauthenticated('Access token validation failure: the token was issued for another tenant.');
    if (user.accountEnabled === false)
      throw E.unauthenticated('Access token validation failure: the user account is disabled.');
    return {
      user,
      scopes: new Set(claims.scp.split(' ').filter(Boolean)),
      roles: new Set(store.roles.get(user.id) ?? []),
    };
  }

  /** Runs a request as a caller. Never rejects: every failure becomes a Graph error response. */
  async dispatch(req: EmuRequest, caller: Caller): Promise<EmuResponse> {
    const requestId = randomUUID();
    const base: Record<string, string> = {
      'request-id': requestId,
      'client-request-id': req.headers['client-request-id'] ?? requestId,
      'x-ms-ags-diagnostic':
        '{"ServerInfo":{"DataCenter":"Loopback","Slice":"E","Ring":"0","ScaleUnit":"000","RoleInstance":"graph-emulator"}}',
      'x-ms-resource-unit': '1',
    };
    let routeKey = `${req.method} (unmatched)`;
    let res: EmuResponse;
    try {
      const fault = await this.faults.apply(req.method, `/v1.0${req.path}`, req.inBatch === true);
      if (fault) throw fault;
      const match = this.router.match(req.method, splitPath(req.path));
      routeKey = match.pattern;
      res = await match.handler({ req, caller, params: match.params, services: this.services });
    } catch (err) {
      const g = toGraphError(err);
      if (g.status >= 500 && !(err instanceof GraphHttpError)) this.onError(err);
      res = { status: g.status, headers: g.headers, body: errorBody(g, req, requestId) };
    }
    this.stats.route(routeKey, res.status, req.inBatch === true);
    return { ...res, headers: { ...base, ...(res.headers ?? {}) } };
  }

  /** An error response for failures before dispatch (401, bad version). Never throws. */
  errorResponse(err: GraphHttpError, req: EmuRequest): EmuResponse {
    const requestId = randomUUID();
    return {
      status: err.status,
      headers: {
        ...err.headers,
        'request-id': requestId,
        'client-request-id': req.headers['client-request-id'] ?? requestId,
      },
      body: errorBody(err, req, requestId),
    };
  }
}
