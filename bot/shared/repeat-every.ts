/**
 * Background work on a timer: one pass every `seconds`, never two at once (a tick that finds a pass still
 * running is skipped), on an unref'd timer so it never keeps the process alive.
 */

/**
 * Runs `pass` every `seconds`. Resolves nothing; returns a function that stops the timer and waits for a running
 * pass. `seconds` 0 (or less) starts nothing. `pass` must not throw (its rejections are left to the caller's
 * own handling inside it).
 */
export function repeatEvery(seconds: number, pass: () => Promise<void>): () => Promise<void> {
  if (!(seconds > 0)) return async () => undefined;
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = pass().finally(() => {
      running = undefined;
    });
  }, seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
