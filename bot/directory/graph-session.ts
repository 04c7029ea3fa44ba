import type { Client } from '@microsoft/microsoft-graph-client';
import { mapGraphError, type ErrorContext } from './errors';
import { createGraphClient, type GraphEndpoint, type TokenSource } from './graph-client';
import { processLogger } from '../log';
import { segment, type GraphRequest } from './resources/request';

/**
 * One step of a JSON batch (docs/graph-behaviour.md, Batching): a request a resource module built
 * (./resources), `url` relative to the version root, e.g. `/groups/{id}`, under its step id.
 */
export interface BatchStep extends GraphRequest {
  id: string;
  dependsOn?: string[];
}

export interface BatchResult {
  id: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const MAX_BATCH = 20;
const MAX_STEP_RETRIES = 3;

/** Sleeps; injectable so tests of retry logic do not wait. */
export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The acting user's connection to Graph: every call goes through the user's own Client (their delegated
 * token). Single calls rely on the client's RetryHandler for 429/503/504; batch steps that come back 429 or
 * 503 inside a 200 batch are retried here, honouring Retry-After (capped at 30 s).
 */
export class GraphSession {
  /** The version root every absolute reference starts with, e.g. `https://localhost:8443/v1.0`. */
  private readonly root: string;
  /** Makes the client; called once, on the first Graph call (openGraphSession: most turns make none). */
  private readonly makeClient: () => Client;
  private made: Client | undefined;
  /** How many `$batch` requests run at once (GraphEndpoint.batchConcurrency, default 4). */
  readonly batchConcurrency: number;
  /** Whether member adds are bound 20 per PATCH (GraphEndpoint.patchBinds, default true). */
  readonly patchBinds: boolean;

  /** `client`: the user's Graph client, or a function that makes it when the session first calls Graph. */
  constructor(
    client: Client | (() => Client),
    endpoint: Pick<GraphEndpoint, 'baseUrl' | 'version' | 'batchConcurrency' | 'patchBinds'>,
    private readonly sleep: Sleep = realSleep,
  ) {
    this.makeClient = typeof client === 'function' ? client : () => client;
    this.root = graphRoot(endpoint);
    this.batchConcurrency = endpoint.batchConcurrency ?? 4;
    this.patchBinds = endpoint.patchBinds ?? true;
  }

  private get client(): Client {
    this.made ??= this.makeClient();
    return this.made;
  }

  /** Waits `ms` with the session's sleep (injected in tests), for retries that wait on Graph. Never throws. */
  pause(ms: number): Promise<void> {
    return this.sleep(ms);
  }

  /** The absolute URL of a directory object on this session's Graph (the `@odata.id` of a `$ref` write). Never throws. */
  directoryObjectUrl(id: string): string {
    return `${this.root}/directoryObjects/${segment(id)}`;
  }

  /**
   * True when `url` is a link into this session's Graph version root (a nextLink kept between turns), so that a
   * stored link can never send the user's token elsewhere. Never throws.
   */
  isOwnLink(url: string): boolean {
    try {
      const u = new URL(url);
      const root = new URL(this.root);
      return u.protocol === 'https:' && u.origin === root.origin && u.pathname.startsWith(`${root.pathname}/`);
    } catch (err) {
      processLogger().warn('graph.storedLink.malformed', { error: err });
      return false;
    }
  }

  /** The absolute URL of a user on this session's Graph (the `@odata.bind` of a new group's owners). Never throws. */
  userUrl(id: string): string {
    return `${this.root}/users/${segment(id)}`;
  }

  /**
   * Sends one request a resource module built (./resources) through get/post/patch/delete (a GET is eventual when
   * the request carries Graph's ConsistencyLevel header, the only header resources set). Resolves to the response
   * body (undefined for 204). Throws DomainError, mapped with `ctx` (a GET's default: a read).
   */
  async send<T>(request: GraphRequest, ctx?: ErrorContext): Promise<T> {
    switch (request.method) {
      case 'GET':
        return this.get<T>(request.url, {
          eventual: request.headers?.['ConsistencyLevel'] === 'eventual',
          ...(ctx ? { ctx } : {}),
        });
      case 'POST':
        return this.post<T>(request.url, request.body, ctx);
      case 'PATCH':
        await this.patch(request.url, request.body, ctx);
        return undefined as T;
      case 'DELETE':
        await this.delete(request.url, ctx);
        return undefined as T;
    }
  }

  /** GET a path (with query string); `beta` reads the beta endpoint. Throws DomainError. */
  async get<T>(path: string, opts: { eventual?: boolean; beta?: boolean; ctx?: ErrorContext } = {}): Promise<T> {
    try {
      let req = this.client.api(path);
      if (opts.beta) req = req.version('beta');
      if (opts.eventual) req = req.header('ConsistencyLevel', 'eventual');
      return (await req.get()) as T;
    } catch (err) {
      throw mapGraphError(err, opts.ctx ?? { operation: 'read' });
    }
  }

  /** POST a body. Resolves to the response body (undefined for 204). Throws DomainError. */
  async post<T>(path: string, body: unknown, ctx: ErrorContext = {}): Promise<T> {
    try {
      return (await this.client.api(path).post(body)) as T;
    } catch (err) {
      throw mapGraphError(err, ctx);
    }
  }

  /**
   * PUT raw bytes (a file's content) with their content type. Resolves to the response body. Throws DomainError.
   */
  async putBytes<T>(path: string, body: Buffer, contentType: string, ctx: ErrorContext = {}): Promise<T> {
    try {
      return (await this.client.api(path).header('Content-Type', contentType).put(body)) as T;
    } catch (err) {
      throw mapGraphError(err, ctx);
    }
  }

  /** PATCH a body. Throws DomainError. */
  async patch(path: string, body: unknown, ctx: ErrorContext = {}): Promise<void> {
    try {
      await this.client.api(path).patch(body);
    } catch (err) {
      throw mapGraphError(err, ctx);
    }
  }

  /** DELETE a path. Throws DomainError. */
  async delete(path: string, ctx: ErrorContext = {}): Promise<void> {
    try {
      await this.client.api(path).delete();
    } catch (err) {
      throw mapGraphError(err, ctx);
    }
  }

  /**
   * Runs steps through `POST /$batch` in chunks of 20 (one round trip per chunk), retrying throttled steps.
   * Resolves to one result per step, in the order given. Throws DomainError only when a whole batch fails.
   */
  async batch(steps: BatchStep[]): Promise<BatchResult[]> {
    const results = new Map<string, BatchResult>();
    for (let i = 0; i < steps.length; i += MAX_BATCH) {
      let pending = steps.slice(i, i + MAX_BATCH);
      for (let attempt = 0; pending.length > 0; attempt++) {
        const out = await this.post<{ responses?: BatchResult[] }>('/$batch', { requests: pending.map(toWire) });
        const responses = Array.isArray(out?.responses) ? out.responses : [];
        let waitSeconds = 0;
        const retry: BatchStep[] = [];
        for (const step of pending) {
          const r = responses.find((x) => x.id === step.id);
          if (!r) {
            results.set(step.id, {
              id: step.id,
              status: 500,
              body: { error: { code: 'MissingStep', message: 'The batch response had no entry for this step.' } },
            });
          } else if ((r.status === 429 || r.status === 503) && attempt < MAX_STEP_RETRIES) {
            retry.push(step);
            waitSeconds = Math.max(waitSeconds, retryAfterSeconds(r.headers));
          } else {
            results.set(step.id, r);
          }
        }
        pending = retry;
        if (pending.length > 0) await this.sleep(Math.min(waitSeconds, 30) * 1000);
      }
    }
    return steps.map((s) => results.get(s.id) as BatchResult);
  }
}

/**
 * `https://host/v1.0` for an endpoint: the configured base URL's origin (as the Graph client uses it) and the
 * version. Throws TypeError when the base URL is not a URL.
 */
export function graphRoot(endpoint: Pick<GraphEndpoint, 'baseUrl' | 'version'>): string {
  return `${new URL(endpoint.baseUrl).origin}/${endpoint.version ?? 'v1.0'}`;
}

/**
 * The acting user's session on `endpoint` with their delegated token; its Graph client is made on the first call
 * (every turn opens a session, most make no Graph call). Throws when the base URL is not https.
 */
export function openGraphSession(endpoint: GraphEndpoint, token: TokenSource): GraphSession {
  if (new URL(endpoint.baseUrl).protocol !== 'https:')
    throw new Error(`Graph base URL must be https, got '${endpoint.baseUrl}'`);
  return new GraphSession(() => createGraphClient(endpoint, token), endpoint);
}

function toWire(step: BatchStep): Record<string, unknown> {
  const headers: Record<string, string> = { ...(step.headers ?? {}) };
  if (step.body !== undefined) headers['Content-Type'] = 'application/json';
  return {
    id: step.id,
    method: step.method,
    url: step.url,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(step.body !== undefined ? { body: step.body } : {}),
    ...(step.dependsOn ? { dependsOn: step.dependsOn } : {}),
  };
}

function retryAfterSeconds(headers: Record<string, string> | undefined): number {
  if (!headers) return 1;
  const raw = Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 1;
}

/** Turns a failed batch step into the same shape a thrown GraphError has, for mapGraphError. */
export function stepError(r: BatchResult): { statusCode: number; code: string | null; message: string } {
  const err = (r.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return { statusCode: r.status, code: err?.code ?? null, message: err?.message ?? `HTTP ${r.status}` };
}
