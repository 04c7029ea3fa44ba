/**
 * Reads an HTTP request body with hard bounds, for the bot's endpoint and the Graph emulator: a size limit on
 * the bytes as received (compressed bodies are refused, so there is no decoded size to outgrow it), a deadline
 * for the whole body, and no stream error that can escape as an uncaught exception.
 */
import type { IncomingMessage } from 'node:http';

/** Why a body was refused, with the HTTP status to answer. */
export class BodyReadError extends Error {
  constructor(
    readonly status: 400 | 408 | 413 | 415,
    message: string,
    /** True when the rest of the request was not read: the connection must be closed after the answer. */
    readonly closeConnection = false,
  ) {
    super(message);
    this.name = 'BodyReadError';
  }
}

export interface BodyLimits {
  maxBytes: number;
  /** The whole body must arrive within this many milliseconds of the handler starting to read it. */
  timeoutMs: number;
  /**
   * Past `maxBytes`, up to this many bytes are still read and dropped so that the client sees the 413 instead of
   * a reset connection; a body larger still is cut off. Default: 4 × maxBytes.
   */
  drainBytes?: number;
}

/** Content encodings the body may have: none. Bot Framework channels and Graph clients send plain JSON. */
function checkEncoding(req: IncomingMessage): void {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    throw new BodyReadError(
      415,
      `Content-Encoding '${encoding.slice(0, 40)}' is not accepted; send the body uncompressed.`,
    );
  }
}

function tooLarge(limit: number, close: boolean): BodyReadError {
  return new BodyReadError(413, `The request body is larger than ${Math.round(limit / 1024)} KB.`, close);
}

/**
 * Resolves to the body's bytes.
 * @throws BodyReadError 415 for a compressed body, 413 when it is larger than `maxBytes` (by Content-Length or as
 *   it arrives), 408 when it does not arrive in time, 400 when the client aborts or the stream fails.
 */
export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  checkEncoding(req);
  const drainBytes = limits.drainBytes ?? limits.maxBytes * 4;
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > drainBytes) {
    req.resume();
    return Promise.reject(tooLarge(limits.maxBytes, true));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: BodyReadError | undefined, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      // Keep consuming (and dropping) whatever still comes, so the stream never stalls or errors unhandled.
      req.on('error', () => undefined);
      req.resume();
      if (err) reject(err);
      else resolve(body as Buffer);
    };
    const timer = setTimeout(
      () =>
        finish(
          new BodyReadError(
            408,
            `The request body did not arrive within ${Math.round(limits.timeoutMs / 1000)} s.`,
            true,
          ),
        ),
      limits.timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > drainBytes) return finish(tooLarge(limits.maxBytes, true));
      if (size <= limits.maxBytes) chunks.push(chunk);
    };
    const onEnd = (): void =>
      finish(size > limits.maxBytes ? tooLarge(limits.maxBytes, false) : undefined, Buffer.concat(chunks));
    req.on('data', onData);
    req.on('end', onEnd);
    req.once('error', (err: Error) =>
      finish(new BodyReadError(400, `The request body could not be read (${err.message.slice(0, 80)}).`, true)),
    );
    req.once('aborted', () => finish(new BodyReadError(400, 'The client stopped sending the request body.', true)));
  });
}

/**
 * The media type of a Content-Type header, lower-cased, without parameters; '' when absent. Never throws.
 * A charset other than UTF-8 is reported as 'unsupported-charset'.
 */
export function mediaType(header: string | undefined): string {
  if (!header) return '';
  const [type, ...params] = header.split(';');
  const charset = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('charset='));
  if (charset && !['charset=utf-8', 'charset="utf-8"', 'charset=utf8'].includes(charset)) return 'unsupported-charset';
  return (type ?? '').trim().toLowerCase();
}
