import { GraphSession, stepError, type BatchStep } from './graph-session';
import { DomainError, mapGraphError, type ErrorContext } from './errors';

/** A Graph call as the journal records it (method and version-relative path, no host, no query, no token). */
export interface RecordedCall {
  method: string;
  path: string;
  body?: unknown;
}

export interface ReplayResult {
  status: number | null;
  error?: DomainError;
}

/** What a recorded call does, so its failure is phrased correctly. */
export function operationOfCall(call: RecordedCall): ErrorContext['operation'] {
  const rel = /\/(members|owners)\//.test(call.path) ? (call.path.includes('/owners/') ? 'Owner' : 'Member') : null;
  if (rel) return call.method === 'DELETE' ? (rel === 'Owner' ? 'removeOwner' : 'removeMember') : rel === 'Owner' ? 'addOwner' : 'addMember';
  if (call.path.endsWith('/restore')) return 'restore';
  if (call.path.endsWith('/assignLicense')) return 'license';
  return call.method === 'DELETE' ? 'delete' : 'update';
}

async function callOne(session: GraphSession, call: RecordedCall): Promise<number> {
  const ectx = { operation: operationOfCall(call) };
  switch (call.method) {
    case 'DELETE':
      await session.delete(call.path, ectx);
      return 204;
    case 'PATCH':
      await session.patch(call.path, call.body ?? {}, ectx);
      return 204;
    case 'POST':
      await session.post(call.path, call.body, ectx);
      return call.path.endsWith('/restore') ? 200 : call.path.endsWith('/assignLicense') ? 202 : 204;
    default:
      throw new DomainError('invalid', `Recorded calls are DELETE, PATCH or POST, not ${call.method}.`);
  }
}

/**
 * Runs recorded calls with the session's (the clicker's) token: one call directly, several through $batch.
 * Resolves to one result per call; throws DomainError only when a whole batch fails.
 */
export async function replayCalls(session: GraphSession, calls: RecordedCall[]): Promise<ReplayResult[]> {
  if (calls.length === 1) {
    const call = calls[0] as RecordedCall;
    try {
      return [{ status: await callOne(session, call) }];
    } catch (err) {
      const e = mapGraphError(err, { operation: operationOfCall(call) });
      return [{ status: e.graph?.status ?? null, error: e }];
    }
  }
  const steps: BatchStep[] = calls.map((call, i) => ({ id: String(i), method: call.method as BatchStep['method'], url: call.path, ...(call.body ? { body: call.body } : {}) }));
  const results = await session.batch(steps);
  return results.map((r, i) =>
    r.status < 400 ? { status: r.status } : { status: r.status, error: mapGraphError(stepError(r), { operation: operationOfCall(calls[i] as RecordedCall) }) },
  );
}
