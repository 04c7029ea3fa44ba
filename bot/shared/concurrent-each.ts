/** Runs work over a list with a bounded number in flight. */

/**
 * Calls `run` for every item, at most `concurrency` at once (at least one), taking items in order as workers
 * free up. Resolves when all are done; rejects with the first error `run` throws (the others still in flight
 * finish on their own).
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let k = next++; k < items.length; k = next++) await run(items[k] as T, k);
  };
  const workers = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
