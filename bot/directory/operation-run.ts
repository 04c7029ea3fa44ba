/**
 * Runs typed directory operations (an Undo's inverse changes) with the session's token: the one place that turns
 * a DirectoryOperation into a Graph request (built by ./resources).
 */
import { GraphSession, stepError, type BatchStep } from './graph-session';
import { DomainError, mapGraphError, type ErrorContext } from './errors';
import type { DirectoryOperation } from './directory-operation';
import { step, type GraphRequest } from './resources/request';
import { addMember, removeMember } from './resources/group-members';
import { addOwner, removeOwner } from './resources/group-owners';
import { assignLicense, deleteGroup, restoreGroup, updateGroup } from './resources/groups';

/** What happened to one operation: Graph's status, and the mapped error when it failed. */
export interface OperationResult {
  status: number | null;
  error?: DomainError;
}

/** What an operation does, so its failure is phrased correctly. */
function errorOperation(op: DirectoryOperation): NonNullable<ErrorContext['operation']> {
  switch (op.kind) {
    case 'addMember':
    case 'removeMember':
    case 'addOwner':
    case 'removeOwner':
      return op.kind;
    case 'deleteGroup':
      return 'delete';
    case 'restoreGroup':
      return 'restore';
    case 'setLicense':
      return 'license';
    case 'updateGroup':
      return 'update';
  }
}

/** The Graph request of an operation, built by the resource modules. Never throws. */
function requestOf(session: GraphSession, op: DirectoryOperation): GraphRequest {
  switch (op.kind) {
    case 'addMember':
      return addMember(session, op.groupId, op.principalId);
    case 'addOwner':
      return addOwner(session, op.groupId, op.principalId);
    case 'removeMember':
      return removeMember(op.groupId, op.principalId);
    case 'removeOwner':
      return removeOwner(op.groupId, op.principalId);
    case 'deleteGroup':
      return deleteGroup(op.groupId);
    case 'restoreGroup':
      return restoreGroup(op.groupId);
    case 'updateGroup':
      return updateGroup(op.groupId, op.set);
    case 'setLicense':
      return assignLicense(op.groupId, op.skuId, op.assign);
  }
}

/** The status Graph answers a successful operation with. */
function successStatus(op: DirectoryOperation): number {
  return op.kind === 'restoreGroup' ? 200 : op.kind === 'setLicense' ? 202 : 204;
}

async function runOne(session: GraphSession, op: DirectoryOperation): Promise<OperationResult> {
  const ectx = { operation: errorOperation(op) };
  try {
    await session.send(requestOf(session, op), ectx);
    return { status: successStatus(op) };
  } catch (err) {
    const e = err instanceof DomainError ? err : mapGraphError(err, ectx);
    return { status: e.graph?.status ?? null, error: e };
  }
}

/**
 * Runs operations with the session's (the clicker's) token: one directly, several through $batch. Resolves to one
 * result per operation, in order; throws DomainError only when a whole batch fails.
 */
export async function runOperations(session: GraphSession, ops: DirectoryOperation[]): Promise<OperationResult[]> {
  if (ops.length === 1) return [await runOne(session, ops[0] as DirectoryOperation)];
  const steps: BatchStep[] = ops.map((op, i) => step(String(i), requestOf(session, op)));
  const results = await session.batch(steps);
  return results.map((r, i) =>
    r.status < 400
      ? { status: r.status }
      : {
          status: r.status,
          error: mapGraphError(stepError(r), { operation: errorOperation(ops[i] as DirectoryOperation) }),
        },
  );
}
