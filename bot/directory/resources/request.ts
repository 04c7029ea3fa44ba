/**
 * What every resource module builds: one Graph request relative to the version root (`/groups/{id}`), sent alone
 * through the session or as a `$batch` step. Ids reach a path only through `segment`, and query options only
 * through `withQuery`, so both are encoded in one place. Pure; imports nothing from the rest of bot/directory.
 */

/** One Graph request: verb, path (with its query string), and the JSON body and headers when any. */
export interface GraphRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Query options by name (`$select`, `$filter`, ...); undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

/** Turns an object id into its absolute `@odata.id` reference (GraphSession does, on its own version root). */
export interface ObjectLinks {
  directoryObjectUrl(id: string): string;
}

/** The header Graph's advanced queries (`$count`, `$search`, `id in (...)` with `$count`) need. */
export const EVENTUAL: Readonly<Record<string, string>> = { ConsistencyLevel: 'eventual' };

/** An id as one path segment, percent-encoded (the Graph JS client encodes nothing itself). Never throws. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/** Builds `path?$a=...&$b=...` with every value percent-encoded. Never throws. */
export function withQuery(path: string, query: Query): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    parts.push(`${k}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** A GET of `path` with `query` (left as it is when empty). Never throws. */
export function read(path: string, query: Query = {}): GraphRequest {
  return { method: 'GET', url: withQuery(path, query) };
}

/** A GET of a `$count` (plain number) with the eventual-consistency header it needs. Never throws. */
export function readCount(path: string, query: Query = {}): GraphRequest {
  return { method: 'GET', url: withQuery(`${path}/$count`, query), headers: { ...EVENTUAL } };
}

/** The same request with the eventual-consistency header (advanced query). Never throws. */
export function eventual(request: GraphRequest): GraphRequest {
  return { ...request, headers: { ...request.headers, ...EVENTUAL } };
}

/** A `$batch` step: the request under `id`. Never throws. */
export function step<T extends GraphRequest>(id: string, request: T): T & { id: string } {
  return { id, ...request };
}
