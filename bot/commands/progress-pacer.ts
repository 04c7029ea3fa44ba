/**
 * Paces progress updates of long writes: at most one update per `minGapMs` as work advances, and a repeat of
 * the latest state every `heartbeatMs` while nothing advances (a throttled batch waiting on Retry-After), so
 * the user's card never goes quiet for longer than that. Timers are injectable for tests.
 */
export interface Pacer {
  /** Reports progress; sends it now unless the previous update was less than minGapMs ago. */
  report(done: number, total: number): Promise<void>;
  /** Sends the final state and stops the heartbeat. */
  finish(done: number, total: number): Promise<void>;
}

export interface PacerOptions {
  minGapMs?: number;
  heartbeatMs?: number;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** Starts a pacer around `send` (errors from `send` are reported to `onError`, never thrown). Never throws. */
export function startPacer(
  send: (done: number, total: number) => Promise<void>,
  onError: (err: unknown) => void,
  opts: PacerOptions = {},
): Pacer {
  const minGap = opts.minGapMs ?? 500;
  const heartbeat = opts.heartbeatMs ?? 1500;
  const now = opts.now ?? Date.now;
  let last = { done: 0, total: 0 };
  let sentAt = -Infinity;
  let chain: Promise<void> = Promise.resolve();
  const emit = (): Promise<void> => {
    sentAt = now();
    const { done, total } = last;
    chain = chain.then(() => send(done, total)).catch(onError);
    return chain;
  };
  const handle = (opts.setInterval ?? setInterval)(
    () => {
      if (last.total > 0 && now() - sentAt >= heartbeat) void emit();
    },
    Math.max(50, Math.floor(heartbeat / 3)),
  );
  return {
    async report(done, total) {
      last = { done, total };
      if (now() - sentAt >= minGap) await emit();
    },
    async finish(done, total) {
      (opts.clearInterval ?? ((h: unknown) => clearInterval(h as NodeJS.Timeout)))(handle);
      last = { done, total };
      await emit();
    },
  };
}
