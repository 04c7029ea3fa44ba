/**
 * Runs typed directory operations (an Undo's inverse changes) with the session's token: the one place that turns
 * a DirectoryOperation into a Graph path, verb and body.
 */
import { GraphSession, stepError, type BatchStep } from './graph-session';
import { DomainError, mapGraphError, type ErrorContext } from './errors';
import type { DirectoryOperation } from './directory-operation';

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

/** The Graph request of an operation, relative to the version root. */
function requestOf(session: GraphSession, op: DirectoryOperation): Omit<BatchStep, 'id'> {
  const g = encodeURIComponent(op.groupId);
  switch (op.kind) {
    case 'addMember':
    case 'addOwner':
      return {
        method: 'POST',
        url: `/groups/${g}/${op.kind === 'addMember' ? 'members' : 'owners'}/$ref`,
        body: { '@odata.id': session.directoryObjectUrl(op.principalId) },
      };
    case 'removeMember':
    case 'removeOwner':
      return {
        method: 'DELETE',
        url: `/groups/${g}/${op.kind === 'removeMember' ? 'members' : 'owners'}/${encodeURIComponent(op.principalId)}/$ref`,
      };
    case 'deleteGroup':
      return { method: 'DELETE', url: `/groups/${g}` };
    case 'restoreGroup':
      return { method: 'POST', url: `/directory/deletedItems/${g}/restore` };
    case 'updateGroup':
      return { method: 'PATCH', url: `/groups/${g}`, body: op.set };
    case 'setLicense':
      return {
        method: 'POST',
        url: `/groups/${g}/assignLicense`,
        body: op.assign
          ? { addLicenses: [{ skuId: op.skuId, disabledPlans: op.assign.disabledPlans }], removeLicenses: [] }
          : { addLicenses: [], removeLicenses: [op.skuId] },
      };
  }
}

/** The status Graph answers a successful operation with. */
function successStatus(op: DirectoryOperation): number {
  return op.kind === 'restoreGroup' ? 200 : op.kind === 'setLicense' ? 202 : 204;
}

async function runOne(session: GraphSession, op: DirectoryOperation): Promise<OperationResult> {
  const req = requestOf(session, op);
  const ectx = { operation: errorOperation(op) };
  try {
    if (req.method === 'DELETE') await session.delete(req.url, ectx);
    else if (req.method === 'PATCH') await session.patch(req.url, req.body ?? {}, ectx);
    else await session.post(req.url, req.body, ectx);
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
  const steps: BatchStep[] = ops.map((op, i) => ({ id: String(i), ...requestOf(session, op) }));
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
