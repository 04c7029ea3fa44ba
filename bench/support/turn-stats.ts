/**
 * Timing summaries for the bot-turn benchmark: percentiles and a promise deadline. Pure.
 */

/** p50, p95 and mean of one variant's turn times, in milliseconds. */
export interface TurnStats {
  name: string;
  p50: number;
  p95: number;
  mean: number;
}

/** The `p`th percentile (nearest rank) of `sorted` (ascending); NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** p50, p95 and mean of `times` (NaN for an empty list). */
export function summarise(name: string, times: readonly number[]): TurnStats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

/** `p`, or a rejection with `message` after `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
