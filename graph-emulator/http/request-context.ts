/**
 * The emulator's request and response model, independent of node:http so that `$batch` steps run through
 * exactly the same handlers as top-level requests.
 */
import type { DirectoryStore } from '../store/directory-store';
import type { UserObject } from '../model/types';
import type { RuleEngine } from '../directory/rule-engine';
import type { DriveStore } from '../drive/drive-store';
import { E } from './graph-error';
import type { ReplicationLag } from '../control/replication-lag';

export interface EmuRequest {
  method: string;
  /** Path below `/v1.0`, e.g. `/groups/{id}/members/$ref` (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  bodyText?: string;
  /** The body's bytes as received (top-level requests; file uploads read these). */
  bodyBytes?: Buffer;
  /** True for a step of a `$batch`. */
  inBatch?: boolean;
  /** True for a request to `/beta` instead of `/v1.0`. */
  beta?: boolean;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON body (serialised with the Graph JSON content type). */
  body?: unknown;
  /** A text/plain body (`$count`). */
  text?: string;
}

/** The signed-in user of a request, resolved from the token and the directory. */
export interface Caller {
  user: UserObject;
  scopes: ReadonlySet<string>;
  /** Role template ids assigned to the user in the directory. */
  roles: ReadonlySet<string>;
}

/** Tenant-wide settings of one emulator. */
export interface TenantInfo {
  tenantId: string;
  displayName: string;
  domain: string;
  initialDomain: string;
}

/** Everything a handler can use. */
export interface Services {
  store: DirectoryStore;
  tenant: TenantInfo;
  rules: RuleEngine;
  /** Users' OneDrives (files and sharing links), on disk under the data directory. */
  drives: DriveStore;
  /** `https://localhost:P` (no version). */
  baseUrl: string;
  /** Replication delay after creates (control/replication-lag.ts); absent = none. */
  replication?: ReplicationLag;
  /** The order a `$batch` runs its ready steps (EmulatorOptions.batchStepOrder); absent = as listed. */
  batchStepOrder?: 'listed' | 'reversed';
  /** Runs a request (a `$batch` step) through the full pipeline except transport. */
  dispatch: (req: EmuRequest, caller: Caller) => Promise<EmuResponse>;
}

export interface HandlerContext {
  req: EmuRequest;
  caller: Caller;
  params: Record<string, string>;
  services: Services;
}

export type Handler = (ctx: HandlerContext) => Promise<EmuResponse> | EmuResponse;

/**
 * The request body as a JSON object.
 * Throws GraphHttpError 400 when the body is not valid JSON or not an object; E13 when it is empty and
 * `emptyIsError` is set.
 */
export function jsonBody(req: EmuRequest, opts: { emptyIsError?: boolean } = {}): Record<string, unknown> {
  const text = req.bodyText ?? '';
  if (!text.trim()) {
    if (opts.emptyIsError) throw E.emptyPayload();
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw E.badJson();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw E.badJson();
  const problem = unstorable(parsed);
  if (problem) throw E.badRequest(problem, 'Request_BadRequest');
  return parsed as Record<string, unknown>;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Deepest nesting of a request payload; Graph's own resources stay within a handful of levels. */
const MAX_PAYLOAD_DEPTH = 32;

/**
 * Why a parsed payload cannot be taken (nested too deeply, or a string PostgreSQL cannot store: NUL, unpaired
 * surrogate), or undefined. Walks without recursion. Never throws.
 */
function unstorable(payload: unknown): string | undefined {
  const stack: [unknown, number][] = [[payload, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (depth > MAX_PAYLOAD_DEPTH) return `The request payload is nested more than ${MAX_PAYLOAD_DEPTH} levels deep.`;
    if (typeof value === 'string') {
      if (value.includes('\u0000') || LONE_SURROGATE.test(value))
        return 'The request payload contains a NUL character or an unpaired surrogate.';
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000') || LONE_SURROGATE.test(k))
          return 'The request payload contains a NUL character or an unpaired surrogate.';
        stack.push([v, depth + 1]);
      }
    }
  }
  return undefined;
}

/** True when the request carried `ConsistencyLevel: eventual`. Never throws. */
export function isEventual(req: EmuRequest): boolean {
  return (req.headers['consistencylevel'] ?? '').trim().toLowerCase() === 'eventual';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a GUID. Never throws. */
export function isGuid(s: string): boolean {
  return GUID.test(s);
}

/** Returns the id lower-cased. Throws GraphHttpError E14 when it is not a GUID. */
export function requireGuid(id: string): string {
  if (!isGuid(id)) throw E.invalidId(id);
  return id.toLowerCase();
}
