/**
 * `$filter` of `GET /auditLogs/directoryAudits` (docs/graph-behaviour.md, Directory audit log): clauses joined by
 * `and`, each one of `activityDateTime ge|gt|le|lt <date>`, `<p> eq '<text>'` for activityDisplayName, category,
 * loggedByService, result, correlationId, id, `initiatedBy/user/id|userPrincipalName|displayName eq '…'`, and
 * `targetResources/any(t:t/id eq '…')` (or `t/displayName`), `startswith(<p>, '…')` on the same properties. Anything else is 400 Request_UnsupportedQuery.
 */
import { E } from '../http/graph-error';
import type { AuditRecord } from './audit-log';

/** A compiled filter. */
export type AuditPredicate = (r: AuditRecord) => boolean;

const DATE = /^activityDateTime\s+(ge|gt|le|lt)\s+(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?)$/i;
const EQ = /^([A-Za-z/]+)\s+eq\s+'((?:[^']|'')*)'$/i;
const STARTS = /^startswith\(\s*([A-Za-z/]+)\s*,\s*'((?:[^']|'')*)'\s*\)$/i;
const ANY = /^targetResources\/any\(\s*(\w+)\s*:\s*(\w+)\/(id|displayName)\s+eq\s+'((?:[^']|'')*)'\s*\)$/i;

const PROPS: Record<string, (r: AuditRecord) => string | null> = {
  activitydisplayname: (r) => r.activityDisplayName,
  category: () => 'GroupManagement',
  loggedbyservice: () => 'Core Directory',
  result: () => 'success',
  correlationid: (r) => r.correlationId,
  id: (r) => r.id,
  'initiatedby/user/id': (r) => r.initiatedBy.id,
  'initiatedby/user/userprincipalname': (r) => r.initiatedBy.userPrincipalName,
  'initiatedby/user/displayname': (r) => r.initiatedBy.displayName,
};

function unsupported(clause: string): Error {
  return E.badRequest(
    `Invalid filter clause: '${clause}' is not supported on directoryAudits.`,
    'Request_UnsupportedQuery',
  );
}

/** Splits on ` and ` outside quotes and parentheses. Never throws. */
function clauses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && /^\sand\s/i.test(text.slice(i, i + 5))) {
      out.push(text.slice(start, i).trim());
      start = i + 5;
      i += 4;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

function compileClause(clause: string): AuditPredicate {
  const bare = clause.replace(/^\((.*)\)$/, '$1').trim();
  const d = DATE.exec(bare);
  if (d) {
    const at = Date.parse(d[2] as string);
    if (Number.isNaN(at)) throw unsupported(clause);
    const op = (d[1] as string).toLowerCase();
    return (r) => {
      const t = Date.parse(r.activityDateTime);
      return op === 'ge' ? t >= at : op === 'gt' ? t > at : op === 'le' ? t <= at : t < at;
    };
  }
  const a = ANY.exec(bare);
  if (a) {
    if (a[1] !== a[2]) throw unsupported(clause);
    const value = (a[4] as string).replace(/''/g, "'");
    const byId = (a[3] as string).toLowerCase() === 'id';
    return (r) =>
      r.targetResources.some((t) => (byId ? t.id.toLowerCase() === value.toLowerCase() : t.displayName === value));
  }
  const st = STARTS.exec(bare);
  const readStart = st ? PROPS[(st[1] as string).toLowerCase()] : undefined;
  if (st && readStart) {
    const prefix = (st[2] as string).replace(/''/g, "'").toLowerCase();
    return (r) => readStart(r)?.toLowerCase().startsWith(prefix) ?? false;
  }
  const e = EQ.exec(bare);
  const read = e ? PROPS[(e[1] as string).toLowerCase()] : undefined;
  if (e && read) {
    const value = (e[2] as string).replace(/''/g, "'");
    return (r) => read(r)?.toLowerCase() === value.toLowerCase();
  }
  throw unsupported(clause);
}

/** Compiles a `$filter` text. Throws 400 Request_UnsupportedQuery for anything the list does not support. */
export function compileAuditFilter(text: string): AuditPredicate {
  const parts = clauses(text).map(compileClause);
  return (r) => parts.every((p) => p(r));
}
