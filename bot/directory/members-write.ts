import { GraphSession, stepError, type BatchStep } from './graph-session';
import { DomainError, mapGraphError, type DomainErrorKind } from './errors';
import { groupKind, isDynamic, isReadOnlyKind, type DirectoryGroup } from './types';

export type Relation = 'members' | 'owners';

/** A user or group about to be added or removed. */
export interface Principal {
  id: string;
  displayName: string;
  type: 'user' | 'group';
}

export type ChangeResult = 'added' | 'alreadyPresent' | 'removed' | 'notPresent' | 'notFound' | 'refused' | 'lastOwner' | 'failed';

export interface ChangeOutcome {
  principal: Principal;
  result: ChangeResult;
  /** Graph's message or our reason, for "refused" and "failed". */
  reason?: string;
  /** The domain error behind a "refused" or "failed" result (e.g. `forbidden`, `throttled`), for the reply's wording. */
  kind?: DomainErrorKind;
}

const DIRECTORY_OBJECTS = 'https://graph.microsoft.com/v1.0/directoryObjects/';

/**
 * Checks what Graph would refuse for the whole group before any write, so that the user gets one clear
 * sentence instead of N identical failures. Throws DomainError (readOnlyGroup, dynamicGroup).
 */
export function assertWritableMembership(group: DirectoryGroup, relation: Relation): void {
  const kind = groupKind(group);
  if (isReadOnlyKind(kind)) {
    throw new DomainError('readOnlyGroup', `'${group.displayName}' is a ${kind === 'distribution' ? 'distribution list' : 'mail-enabled security group'}; it can only be changed in Exchange.`);
  }
  if (relation === 'members' && isDynamic(group)) {
    throw new DomainError('dynamicGroup', `'${group.displayName}' has dynamic membership; its members come from its rule.`);
  }
}

/**
 * Adds or removes principals as members or owners, 20 per round trip through $batch, and reports an outcome
 * per principal. Throws DomainError for whole-group refusals (read-only kind, dynamic membership) before
 * writing anything, and when a whole batch fails.
 */
export async function changeMembership(
  session: GraphSession,
  group: DirectoryGroup,
  relation: Relation,
  op: 'add' | 'remove',
  principals: Principal[],
  onProgress?: (done: number, total: number) => Promise<void> | void,
): Promise<ChangeOutcome[]> {
  assertWritableMembership(group, relation);
  const outcomes: ChangeOutcome[] = [];
  const todo: Principal[] = [];
  for (const p of principals) {
    if (op === 'add' && p.type === 'group' && groupKind(group) === 'microsoft365') {
      outcomes.push({ principal: p, result: 'refused', reason: 'Microsoft 365 groups can contain only users, not other groups.' });
    } else if (relation === 'owners' && p.type !== 'user') {
      outcomes.push({ principal: p, result: 'refused', reason: 'Only users can be owners.' });
    } else {
      todo.push(p);
    }
  }
  const steps: BatchStep[] = todo.map((p, i) =>
    op === 'add'
      ? { id: String(i), method: 'POST', url: `/groups/${group.id}/${relation}/$ref`, body: { '@odata.id': DIRECTORY_OBJECTS + p.id } }
      : { id: String(i), method: 'DELETE', url: `/groups/${group.id}/${relation}/${p.id}/$ref` },
  );
  for (let start = 0; start < steps.length; start += 20) {
    const chunk = steps.slice(start, start + 20);
    const results = await session.batch(chunk);
    results.forEach((r, k) => {
      const principal = todo[start + k] as Principal;
      outcomes.push(outcomeOf(principal, r.status, r.status >= 400 ? stepError(r) : undefined, op, relation, group));
    });
    await onProgress?.(Math.min(start + 20, steps.length), steps.length);
  }
  // Keep the order the user gave.
  const order = new Map(principals.map((p, i) => [p.id, i]));
  return outcomes.sort((a, b) => (order.get(a.principal.id) ?? 0) - (order.get(b.principal.id) ?? 0));
}

/** One principal's outcome from a write step's status and error. Never throws. */
export function outcomeOf(
  principal: Principal,
  status: number,
  err: { statusCode: number; code: string | null; message: string } | undefined,
  op: 'add' | 'remove',
  relation: Relation,
  group: DirectoryGroup,
): ChangeOutcome {
  if (!err) return { principal, result: op === 'add' ? 'added' : 'removed' };
  const mapped = mapGraphError(err, { operation: op === 'add' ? (relation === 'members' ? 'addMember' : 'addOwner') : relation === 'members' ? 'removeMember' : 'removeOwner', groupIsDynamic: isDynamic(group) });
  switch (mapped.kind) {
    case 'alreadyPresent':
      return { principal, result: 'alreadyPresent' };
    case 'notPresent':
      return { principal, result: 'notPresent' };
    case 'notFound':
      return { principal, result: 'notFound' };
    case 'lastOwner':
      return { principal, result: 'lastOwner', reason: 'A group must keep at least one owner.' };
    case 'forbidden':
    case 'dynamicGroup':
    case 'readOnlyGroup':
      return { principal, result: 'refused', reason: mapped.message, kind: mapped.kind };
    default:
      return { principal, result: status === 400 ? 'refused' : 'failed', reason: mapped.message, kind: mapped.kind };
  }
}
