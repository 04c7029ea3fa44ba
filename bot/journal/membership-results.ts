import type { ChangeOutcome } from '../directory/members-write';
import type { PrincipalResult } from './change-records';

/**
 * The per-principal results of a membership write that reached Graph, for the journal (rows refused before any
 * call, such as a group added to a Microsoft 365 group, are left out). Statuses are those Graph answers for each
 * outcome (docs/graph-behaviour.md, Members and owners: 204 on success, 400 for an existing reference, 404 for a missing one, 403 when refused).
 */
export function principalResults(outcomes: ChangeOutcome[], relation: 'members' | 'owners'): PrincipalResult[] {
  const role = relation === 'members' ? 'member' : 'owner';
  const out: PrincipalResult[] = [];
  for (const o of outcomes) {
    const principal = { id: o.principal.id, name: o.principal.displayName };
    switch (o.result) {
      case 'added':
      case 'removed':
        out.push({ principal, result: 'succeeded', status: 204 });
        break;
      case 'alreadyPresent':
        out.push({
          principal,
          result: 'no-op',
          status: 400,
          detail: `already ${role === 'member' ? 'a member' : 'an owner'}`,
        });
        break;
      case 'notPresent':
        out.push({
          principal,
          result: 'no-op',
          status: 404,
          detail: `not ${role === 'member' ? 'a member' : 'an owner'}`,
        });
        break;
      case 'notFound':
        out.push({ principal, result: 'failed', status: 404, detail: 'not found' });
        break;
      case 'lastOwner':
        out.push({
          principal,
          result: 'failed',
          status: 400,
          detail: o.reason ?? 'a group must keep at least one owner',
        });
        break;
      case 'refused':
        if (o.kind)
          out.push({
            principal,
            result: 'failed',
            status: o.kind === 'forbidden' ? 403 : null,
            detail: o.reason ?? 'refused',
          });
        break;
      case 'failed':
        out.push({ principal, result: 'failed', status: null, detail: o.reason ?? 'failed' });
        break;
    }
  }
  return out;
}
