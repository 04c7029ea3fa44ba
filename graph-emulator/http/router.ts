/**
 * A small path router over decoded segments. Patterns look like `GET /groups/{id}/members/$ref`; `{name}`
 * matches one segment. A path that matches some pattern with another method gives E17 (405); a path that
 * matches none gives Graph's "Resource not found for the segment" 400.
 */
import { E } from './graph-error';
import type { Handler } from './request-context';

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
}

export interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
  pattern: string;
}

/** Splits a path into decoded segments. Throws GraphHttpError 400 on bad percent-encoding. */
export function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw E.badRequest(`Invalid URI segment '${s}'.`, 'BadRequest');
      }
    });
}

export class Router {
  private readonly routes: Route[] = [];

  /** Registers a route. Never throws. */
  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, pattern, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  private static matchSegments(route: Route, segs: string[]): Record<string, string> | undefined {
    if (route.segments.length !== segs.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < segs.length; i++) {
      const p = route.segments[i] as string;
      const s = segs[i] as string;
      if (p.startsWith('{') && p.endsWith('}')) {
        const name = p.slice(1, -1);
        // `{cast}` takes only OData casts; other parameters never take casts or `$` segments.
        if (s.startsWith('$') || (name === 'cast') !== s.toLowerCase().startsWith('microsoft.graph.')) return undefined;
        params[name] = s;
      } else if (p.toLowerCase() !== s.toLowerCase()) return undefined;
    }
    return params;
  }

  /**
   * Finds the handler for a method and decoded segments.
   * Throws GraphHttpError E17 (405) for a known path with another method, 400 for an unknown path.
   */
  match(method: string, segs: string[]): RouteMatch {
    let pathKnown = false;
    for (const r of this.routes) {
      const params = Router.matchSegments(r, segs);
      if (!params) continue;
      if (r.method === method) return { handler: r.handler, params, pattern: `${r.method} /${r.segments.join('/')}` };
      pathKnown = true;
    }
    if (pathKnown) throw E.methodNotAllowed();
    // Name the first segment no route knows at that depth, as Graph's OData router does.
    let depth = 0;
    for (; depth < segs.length; depth++) {
      const prefix = segs.slice(0, depth + 1);
      const known = this.routes.some(
        (r) =>
          r.segments.length > depth &&
          prefix.every((s, i) => {
            const p = r.segments[i] as string;
            return (p.startsWith('{') && !s.startsWith('$')) || p.toLowerCase() === s.toLowerCase();
          }),
      );
      if (!known) break;
    }
    throw E.unknownSegment(segs[Math.min(depth, segs.length - 1)] ?? '');
  }
}
