/**
 * Answering a request whose body was not read to its end, then closing its connection, without resetting it under
 * a client that is still sending. Closing a TCP socket while bytes are unread (or still arriving) makes the kernel
 * answer with a reset, and a client that had not yet read the HTTP answer then sees ECONNRESET or EPIPE instead
 * of it (a busy client, or one that reads only after it has sent everything). So the whole answer is written at
 * once, with its Content-Length and `Connection: close`, but the response is ended (which makes Node close the
 * socket) only when the client has stopped sending, or after a bounded time and number of further bytes, read and
 * dropped meanwhile (what web servers call a lingering close).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LingerLimits {
  /** After the answer has been written, the connection is closed at the latest this many milliseconds later. */
  lingerMs: number;
  /** ... or as soon as the client has sent this many more bytes. */
  lingerBytes: number;
}

/**
 * Writes `status` with the JSON `body` and closes the connection as above. Does nothing when an answer was
 * already started. Never throws.
 */
export function answerThenClose(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  limits: LingerLimits,
): void {
  if (res.headersSent) return;
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  let dropped = 0;
  let timer: NodeJS.Timeout | undefined;
  const close = (): void => {
    clearTimeout(timer);
    req.off('data', onData);
    if (!res.writableEnded) res.end();
  };
  const onData = (chunk: Buffer): void => {
    dropped += chunk.length;
    if (dropped > limits.lingerBytes) close();
  };
  req.on('data', onData);
  req.once('end', close);
  // The body is being thrown away: a stream error (the client gave up) only ends the wait early.
  req.once('error', close);
  req.once('close', close);
  req.resume();
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(json.length),
    Connection: 'close',
  });
  res.write(json);
  if (req.complete) close();
  else timer = setTimeout(close, limits.lingerMs);
}
