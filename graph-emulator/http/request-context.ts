/**
 * The emulator's request and response model, independent of node:http so that `$batch` steps run through
 * exactly the same handlers as top-level requests.
 */
import type { DirectoryStore } from '../store/directory-store';
import type { UserObject } from '../model/types';
import type { RuleEngine } from '../directory/rule-engine';
import { E } from './graph-error';

export interface EmuRequest {
  method: string;
  /** Path below `/v1.0`, e.g. `/groups/{id}/members/$ref` (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  bodyText?: string;
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
  /** `https://localhost:P` (no version). */
  baseUrl: string;
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
  return parsed as Record<string, unknown>;
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
