/**
 * `GET /auditLogs/directoryAudits` (docs/graph-behaviour.md, Directory audit log): newest first (or
 * `$orderby=activityDateTime asc`), `$filter` (audit/audit-filter.ts), `$top` 1-999 (default 1,000 a page),
 * `@odata.nextLink` with an opaque `$skiptoken`. Delegated access needs the AuditLog.Read.All and
 * Directory.Read.All scopes (E5 otherwise) and a directory role that reads audit logs (403
 * Authentication_RequestFromUnsupportedUserRole otherwise).
 */
import { createHash } from 'node:crypto';
import { auditJson } from '../audit/audit-log';
import { compileAuditFilter } from '../audit/audit-filter';
import { E, GraphHttpError } from '../http/graph-error';
import type { EmuResponse, HandlerContext } from '../http/request-context';
import { AUDIT_READER_ROLES } from '../directory/directory-roles';
import { requireScope } from '../permissions/authorize';

const ALLOWED = new Set(['$filter', '$top', '$orderby', '$skiptoken']);
const DEFAULT_PAGE = 1000;
const READ_DIRECTORY = ['Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];

interface PageState {
  f: string;
  o: 'asc' | 'desc';
  top: number;
  n: number;
  at: number;
}

function checksum(json: string): string {
  return createHash('sha256').update(`groupbot-emulator-audit:${json}`).digest('base64url').slice(0, 12);
}

function encode(state: PageState): string {
  const json = JSON.stringify(state);
  return `${Buffer.from(json).toString('base64url')}.${checksum(json)}`;
}

function decode(token: string): PageState {
  const [payload, sum] = token.split('.');
  const json = payload ? Buffer.from(payload, 'base64url').toString('utf8') : '';
  if (!sum || checksum(json) !== sum)
    throw E.badRequest('The specified page token value has expired or is invalid.', 'Directory_ExpiredPageToken');
  return JSON.parse(json) as PageState;
}

/** Throws 403 unless the caller's token and directory roles may read the audit log. */
function requireAuditReader(ctx: HandlerContext): void {
  requireScope(ctx.caller, ['AuditLog.Read.All']);
  requireScope(ctx.caller, READ_DIRECTORY);
  if (![...ctx.caller.roles].some((r) => AUDIT_READER_ROLES.has(r))) {
    throw new GraphHttpError(403, 'Authentication_RequestFromUnsupportedUserRole', 'User is not in the allowed roles');
  }
}

/** Handler of GET /auditLogs/directoryAudits. Throws 403 (see above) and 400 for unsupported options. */
export function listDirectoryAudits(ctx: HandlerContext): EmuResponse {
  requireAuditReader(ctx);
  for (const k of ctx.req.query.keys()) {
    if (!ALLOWED.has(k))
      throw E.badRequest(`The query option '${k}' is not supported on directoryAudits.`, 'Request_UnsupportedQuery');
  }
  const log = ctx.services.store.audits.all();
  const skip = ctx.req.query.get('$skiptoken');
  let state: PageState;
  if (skip) state = decode(skip);
  else {
    const topText = ctx.req.query.get('$top');
    const top = topText === null ? DEFAULT_PAGE : Number(topText);
    if (topText !== null && (!Number.isInteger(top) || top < 1 || top > 999))
      throw E.badRequest(
        `Invalid page size specified: '${topText ?? ''}'. Must be between 1 and 999 inclusive.`,
        'Request_UnsupportedQuery',
      );
    const orderText = (ctx.req.query.get('$orderby') ?? 'activityDateTime desc').trim();
    const order = /^activityDateTime(\s+(asc|desc))?$/i.exec(orderText);
    if (!order)
      throw E.badRequest(`Sorting on '${orderText}' is not supported on directoryAudits.`, 'Request_UnsupportedQuery');
    state = {
      f: ctx.req.query.get('$filter') ?? '',
      o: order[2]?.toLowerCase() === 'asc' ? 'asc' : 'desc',
      top,
      n: log.length,
      at: 0,
    };
  }
  const keep = state.f ? compileAuditFilter(state.f) : () => true;
  const matching = log.slice(0, state.n).filter(keep);
  if (state.o === 'desc') matching.reverse();
  const page = matching.slice(state.at, state.at + state.top);
  const more = state.at + state.top < matching.length;
  const base = `${ctx.services.baseUrl}/v1.0/auditLogs/directoryAudits`;
  return {
    status: 200,
    body: {
      '@odata.context': `${ctx.services.baseUrl}/v1.0/$metadata#auditLogs/directoryAudits`,
      value: page.map(auditJson),
      ...(more ? { '@odata.nextLink': `${base}?$skiptoken=${encode({ ...state, at: state.at + state.top })}` } : {}),
    },
  };
}
