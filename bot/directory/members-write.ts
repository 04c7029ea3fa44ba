import { DomainError, mapGraphError, type DomainErrorKind } from './errors';
import { groupKind, isDynamic, isReadOnlyKind, type DirectoryGroup } from './types';
import type { Relation } from './resources/group-relations';

export type { Relation };

/** A user or group about to be added or removed. */
export interface Principal {
  id: string;
  displayName: string;
  type: 'user' | 'group';
}

export type ChangeResult =
  'added' | 'alreadyPresent' | 'removed' | 'notPresent' | 'notFound' | 'refused' | 'lastOwner' | 'failed';

export interface ChangeOutcome {
  principal: Principal;
  result: ChangeResult;
  /** Graph's message or our reason, for "refused" and "failed". */
  reason?: string;
  /** The domain error behind a "refused" or "failed" result (e.g. `forbidden`, `throttled`), for the reply's wording. */
  kind?: DomainErrorKind;
}

/**
 * Checks what Graph would refuse for the whole group before any write, so that the user gets one clear
 * sentence instead of N identical failures. Throws DomainError (readOnlyGroup, dynamicGroup).
 */
export function assertWritableMembership(group: DirectoryGroup, relation: Relation): void {
  const kind = groupKind(group);
  if (isReadOnlyKind(kind)) {
    throw new DomainError(
      'readOnlyGroup',
      `'${group.displayName}' is a ${kind === 'distribution' ? 'distribution list' : 'mail-enabled security group'}; it can only be changed in Exchange.`,
    );
  }
  if (relation === 'members' && isDynamic(group)) {
    throw new DomainError(
      'dynamicGroup',
      `'${group.displayName}' has dynamic membership; its members come from its rule.`,
    );
  }
}

/** Outcomes that leave the principal unchanged against the user's wish. */
export const FAILED_RESULTS = new Set<ChangeOutcome['result']>(['failed', 'refused', 'notFound', 'lastOwner']);

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
  const mapped = mapGraphError(err, {
    operation:
      op === 'add'
        ? relation === 'members'
          ? 'addMember'
          : 'addOwner'
        : relation === 'members'
          ? 'removeMember'
          : 'removeOwner',
    groupIsDynamic: isDynamic(group),
  });
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
