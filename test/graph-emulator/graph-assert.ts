/** Assertions on Graph errors as `@microsoft/microsoft-graph-client` throws them (GraphError). */
import { strict as assert } from 'node:assert';

interface GraphErrorLike {
  statusCode: number;
  code: string | null;
  message: string;
  requestId: string | null;
  body: unknown;
}

/** Awaits a call that must fail and checks status, code and message (exact text or pattern). */
export async function rejectsWithGraphError(
  call: Promise<unknown>,
  status: number,
  code: string,
  message?: string | RegExp,
): Promise<GraphErrorLike> {
  let caught: unknown;
  try {
    await call;
  } catch (err) {
    caught = err;
  }
  assert.ok(caught, `expected a Graph error ${status} ${code}, but the call succeeded`);
  const e = caught as GraphErrorLike;
  assert.equal(e.statusCode, status, `status (message: ${e.message})`);
  assert.equal(e.code, code, `code (message: ${e.message})`);
  if (typeof message === 'string') assert.equal(e.message, message);
  else if (message) assert.match(e.message, message);
  return e;
}
