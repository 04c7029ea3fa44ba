/**
 * Fault injection for tests and benchmarks (`POST /_emulator/faults`, `DELETE /_emulator/faults`): makes
 * matching Graph requests (top-level and `$batch` steps) fail with 429 + Retry-After or 503, every Nth time,
 * or at random with a given probability (seeded, so runs repeat), for a limited count, and/or adds latency to
 * every batch step or only to every HTTP request.
 */
import { GraphHttpError } from '../http/graph-error';

export interface FaultSpec {
  status?: 429 | 503;
  retryAfterSeconds?: number;
  /** Fault every Nth matching request (1 = every one). Default 1. */
  everyNth?: number;
  /** Stop faulting after this many faults. Default unlimited. */
  count?: number;
  /** Fault each matching request with this probability (0-1) instead of every Nth. */
  probability?: number;
  /** Seed of the random sequence `probability` draws from. Default 1. */
  seed?: number;
  /** Delay added to every matching request, in ms. */
  latencyMs?: number;
  /** 'step' (default): latency on top-level requests and each batch step; 'http': on HTTP requests only. */
  latencyScope?: 'step' | 'http';
  /** Regular expression tested against `METHOD /v1.0/path` and the path alone. */
  pathPattern?: string;
}

export class FaultInjector {
  private spec: FaultSpec | undefined;
  private pattern: RegExp | undefined;
  private seen = 0;
  private injected = 0;
  private random: () => number = seededRandom(1);

  /**
   * Installs a fault specification, replacing any previous one.
   * Throws an Error with a readable message when the spec is invalid.
   */
  set(raw: unknown): FaultSpec {
    if (!raw || typeof raw !== 'object') throw new Error('the fault specification must be a JSON object');
    const s = raw as Record<string, unknown>;
    const spec: FaultSpec = {};
    if (s.status !== undefined) {
      if (s.status !== 429 && s.status !== 503) throw new Error("'status' must be 429 or 503");
      spec.status = s.status;
    }
    for (const k of ['retryAfterSeconds', 'everyNth', 'count', 'latencyMs', 'probability', 'seed'] as const) {
      const v = s[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (k === 'everyNth' && v < 1))
        throw new Error(`'${k}' must be a non-negative number${k === 'everyNth' ? ' of at least 1' : ''}`);
      if (k === 'probability' && v > 1) throw new Error("'probability' must be between 0 and 1");
      spec[k] = v;
    }
    if (s.latencyScope !== undefined) {
      if (s.latencyScope !== 'step' && s.latencyScope !== 'http')
        throw new Error("'latencyScope' must be 'step' or 'http'");
      spec.latencyScope = s.latencyScope;
    }
    if (s.pathPattern !== undefined) {
      if (typeof s.pathPattern !== 'string') throw new Error("'pathPattern' must be a string (a regular expression)");
      try {
        this.pattern = new RegExp(s.pathPattern, 'i');
      } catch (err) {
        throw new Error(`'pathPattern' is not a valid regular expression: ${(err as Error).message}`);
      }
      spec.pathPattern = s.pathPattern;
    } else this.pattern = undefined;
    if (spec.status === undefined && spec.latencyMs === undefined)
      throw new Error("give 'status' (429 or 503) and/or 'latencyMs'");
    this.spec = spec;
    this.seen = 0;
    this.injected = 0;
    this.random = seededRandom(spec.seed ?? 1);
    return spec;
  }

  /** Removes any fault. Never throws. */
  clear(): void {
    this.spec = undefined;
    this.pattern = undefined;
  }

  /** Current spec and counters (for GET /_emulator/faults). Never throws. */
  describe(): Record<string, unknown> {
    return { active: !!this.spec, spec: this.spec ?? null, matched: this.seen, injected: this.injected };
  }

  /**
   * Applies latency for a matching request (`inBatch`: it is a step of a `$batch`), then returns the error to
   * answer with, if any. Never throws.
   */
  async apply(method: string, path: string, inBatch = false): Promise<GraphHttpError | undefined> {
    const spec = this.spec;
    if (!spec) return undefined;
    if (this.pattern && !this.pattern.test(`${method} ${path}`) && !this.pattern.test(path)) return undefined;
    if (spec.latencyMs && !(inBatch && spec.latencyScope === 'http'))
      await new Promise((r) => setTimeout(r, spec.latencyMs));
    if (spec.status === undefined) return undefined;
    this.seen++;
    if (spec.count !== undefined && this.injected >= spec.count) return undefined;
    if (spec.probability !== undefined ? this.random() >= spec.probability : this.seen % (spec.everyNth ?? 1) !== 0)
      return undefined;
    this.injected++;
    const retryAfter = String(spec.retryAfterSeconds ?? (spec.status === 429 ? 1 : 0));
    if (spec.status === 429) {
      return new GraphHttpError(
        429,
        'TooManyRequests',
        'Too many requests are being made to this resource. Please retry after the time given in the Retry-After header.',
        {
          'Retry-After': retryAfter,
          'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
          'x-ms-throttle-scope': 'Tenant_Application/ReadWrite/00000000-0000-0000-0000-00000067b0b1/emulator',
        },
      );
    }
    return new GraphHttpError(
      503,
      'ServiceUnavailable',
      'The service is temporarily unavailable. Please retry later.',
      { 'Retry-After': retryAfter },
    );
  }
}

/** A small deterministic generator (mulberry32) of numbers in [0, 1). Never throws. */
function seededRandom(seed: number): () => number {
  let a = Math.floor(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
