/**
 * The local stack a terminal chat joined (`npm start` on the same DATA_DIR) has stopped: the error that says so in
 * plain words, with how to start it again, instead of the network's own "fetch failed".
 */

/** The stack the chat joined no longer answers. The message says what happened and what to do. */
export class StackStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackStoppedError';
  }
}

/** For `groupbot chat --group`: the Playground of `npm start` is gone. Pure. */
export function playgroundStoppedText(playgroundUrl: string, upn: string): string {
  return `The Agents Playground at ${playgroundUrl} no longer answers: the \`npm start\` this chat joined has stopped. Start it again with \`npm start\` (same DATA_DIR), then run \`groupbot chat --as ${upn} --group\` again.`;
}

/** For `groupbot chat` using the running stack's directory: that process has ended. Pure. */
export function stackStoppedText(pid: number, upn: string): string {
  return `The \`npm start\` this chat joined (process ${pid}) has stopped, so its directory no longer answers. Start it again with \`npm start\` (same DATA_DIR), or run \`groupbot chat --as ${upn}\` on its own: it then starts a directory of its own.`;
}

/**
 * True when `err` is the network failing to reach a server at all (connection refused or reset: what undici's
 * fetch reports as "fetch failed"), as opposed to an HTTP answer. Never throws.
 */
export function isUnreachable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err.cause as { code?: unknown } | undefined)?.code ?? (err as { code?: unknown }).code;
  return (
    (err.name === 'TypeError' && err.message === 'fetch failed') ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'UND_ERR_SOCKET'
  );
}
