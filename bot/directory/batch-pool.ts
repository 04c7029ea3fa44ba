import type { BatchResult, BatchStep, GraphSession } from './graph-session';
import { mapGraphError } from './errors';
import { forEachConcurrently } from '../shared/concurrent-each';

/** Most steps Graph accepts in one `$batch`. */
export const BATCH_STEPS = 20;
export interface PoolOptions {
  /**
   * How many `$batch` requests run at once; default the session's (4 unless GROUPBOT_BATCH_CONCURRENCY says
   * otherwise). Graph throttles per app and tenant, not per connection; four batches of 20 in flight stay far
   * below the identity budget while hiding most of the round-trip latency.
   */
  concurrency?: number;
  /** Called after each batch finishes with the steps done so far, the total, the batch's steps and their results. */
  onChunk?: (
    done: number,
    total: number,
    chunk: readonly BatchStep[],
    results: readonly BatchResult[],
  ) => Promise<void> | void;
}

/**
 * Runs steps in `$batch` requests of 20, several at once, and resolves to one result per step in the order
 * given. A batch that fails as a whole (thrown by the session after its retries) turns into failed results
 * for its steps, so one bad batch never loses the others. Step ids must be unique. Never throws.
 */
export async function runBatches(
  session: GraphSession,
  steps: BatchStep[],
  opts: PoolOptions = {},
): Promise<BatchResult[]> {
  const chunks: BatchStep[][] = [];
  for (let i = 0; i < steps.length; i += BATCH_STEPS) chunks.push(steps.slice(i, i + BATCH_STEPS));
  const byId = new Map<string, BatchResult>();
  let done = 0;
  await forEachConcurrently(chunks, opts.concurrency ?? session.batchConcurrency, async (chunk) => {
    const results = await batchOrFailure(session, chunk);
    for (const r of results) byId.set(r.id, r);
    done += chunk.length;
    await opts.onChunk?.(done, steps.length, chunk, results);
  });
  return steps.map((s) => byId.get(s.id) ?? failed(s.id, 500, 'The batch response had no entry for this step.'));
}

async function batchOrFailure(session: GraphSession, chunk: BatchStep[]): Promise<BatchResult[]> {
  try {
    return await session.batch(chunk);
  } catch (err) {
    const e = mapGraphError(err);
    return chunk.map((s) => failed(s.id, e.graph?.status && e.graph.status > 0 ? e.graph.status : 503, e.message));
  }
}

function failed(id: string, status: number, message: string): BatchResult {
  return { id, status, body: { error: { code: 'BatchFailed', message } } };
}

/** Splits a list into pieces of at most `size`. Never throws. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
