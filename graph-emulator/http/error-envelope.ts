/**
 * The Graph error envelope (docs/graph-behaviour.md, Errors): `{"error":{code,message,innerError:{date,request-id,client-request-id}}}`
 * with `client-request-id` echoed from the request.
 */
import { randomUUID } from 'node:crypto';
import { GraphQueryError } from '../query';
import { GraphHttpError } from './graph-error';
import type { EmuRequest } from './request-context';

/** Graph's innerError date format (UTC, seconds, no zone suffix). Never throws. */
export function graphDate(d = new Date()): string {
  return d.toISOString().slice(0, 19);
}

/** Turns any thrown value into a GraphHttpError; unknown errors become a 500 with a generic text. */
export function toGraphError(err: unknown): GraphHttpError {
  if (err instanceof GraphHttpError) return err;
  if (err instanceof GraphQueryError) return new GraphHttpError(err.status, err.code, err.message);
  return new GraphHttpError(500, 'InternalServerError', 'The emulator failed to process the request.');
}

/** The error body for a request. Never throws. */
export function errorBody(
  err: GraphHttpError,
  req: EmuRequest,
  requestId: string | undefined,
): Record<string, unknown> {
  const inner = {
    date: graphDate(),
    'request-id': requestId ?? randomUUID(),
    'client-request-id': req.headers['client-request-id'] ?? requestId ?? randomUUID(),
  };
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
      innerError: inner,
    },
  };
}
