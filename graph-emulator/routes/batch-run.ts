/**
 * `POST /$batch` (docs/graph-behaviour.md: Batching, Transport): at most 20 steps with unique ids; each step runs through the
 * full request pipeline (faults, routing, permissions) as the batch's caller; `dependsOn` orders steps and a
 * step whose dependency failed gets 424. Step headers arrive lower-cased; JSON step bodies carry a
 * `Content-Type` header spelled exactly so; 204 steps carry no body. 200 whenever the batch parses.
 * Steps stay independent (each is validated on its own and a failed step leaves no trace), but the writes of
 * all successful steps are committed in one PGlite transaction before the batch response is sent.
 */
import { E, GraphHttpError } from '../http/graph-error';
import { jsonBody, type EmuRequest, type EmuResponse, type HandlerContext } from '../http/request-context';
import { errorBody } from '../http/error-envelope';
import { isGraphHostUrl } from '../http/graph-host';

export const MAX_BATCH_STEPS = 20;

interface Step {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

function parseSteps(body: Record<string, unknown>): Step[] {
  const requests = body.requests;
  if (!Array.isArray(requests)) throw E.badRequest('Invalid batch payload format.', 'BadRequest');
  if (requests.length === 0)
    throw E.badRequest('Invalid batch payload format: the batch contains no requests.', 'BadRequest');
  if (requests.length > MAX_BATCH_STEPS)
    throw E.badRequest(
      `Number of batch steps exceeds the maximum of ${MAX_BATCH_STEPS}: found ${requests.length}.`,
      'BadRequest',
    );
  const steps = requests.map((r: unknown): Step => {
    if (!r || typeof r !== 'object') throw E.badRequest('Invalid batch payload format.', 'BadRequest');
    const s = r as Record<string, unknown>;
    if (typeof s.id !== 'string' || !s.id)
      throw E.badRequest("Invalid batch payload format: every request needs a string 'id'.", 'BadRequest');
    if (typeof s.method !== 'string' || typeof s.url !== 'string')
      throw E.badRequest(`Invalid batch payload format: request '${s.id}' needs 'method' and 'url'.`, 'BadRequest');
    const headers: Record<string, string> = {};
    if (s.headers !== undefined) {
      if (!s.headers || typeof s.headers !== 'object')
        throw E.badRequest(
          `Invalid batch payload format: headers of request '${s.id}' must be an object.`,
          'BadRequest',
        );
      for (const [k, v] of Object.entries(s.headers as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
    }
    const dependsOn = s.dependsOn === undefined ? [] : s.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string'))
      throw E.badRequest(
        `Invalid batch payload format: dependsOn of request '${s.id}' must be an array of ids.`,
        'BadRequest',
      );
    if (s.body !== undefined && !headers['content-type'])
      throw E.badRequest(
        `Content-Type header must be specified for request '${s.id}' because it has a body.`,
        'BadRequest',
      );
    return {
      id: s.id,
      method: s.method.toUpperCase(),
      url: s.url,
      headers,
      body: s.body,
      dependsOn: dependsOn as string[],
    };
  });
  const ids = new Set<string>();
  for (const s of steps) {
    if (ids.has(s.id)) throw E.badRequest(`Batch request contains a duplicate request id '${s.id}'.`, 'BadRequest');
    ids.add(s.id);
  }
  for (const s of steps)
    for (const d of s.dependsOn)
      if (!ids.has(d) || d === s.id)
        throw E.badRequest(`Request '${s.id}' depends on an unknown request id '${d}'.`, 'BadRequest');
  // Refuse cycles before any step runs.
  const done = new Set<string>();
  for (let progress = true; progress && done.size < steps.length;) {
    progress = false;
    for (const s of steps) {
      if (!done.has(s.id) && s.dependsOn.every((d) => done.has(d))) {
        done.add(s.id);
        progress = true;
      }
    }
  }
  if (done.size < steps.length) throw cycleError();
  return steps;
}

function cycleError(): Error {
  return E.badRequest('Batch request dependencies form a cycle.', 'BadRequest');
}

function stepRequest(step: Step): EmuRequest {
  let url = step.url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    if (!isGraphHostUrl(url))
      throw E.badRequest(`Request '${step.id}': the url must be relative or on the Graph host.`, 'BadRequest');
    url = new URL(url).pathname + new URL(url).search;
  }
  if (!url.startsWith('/')) url = `/${url}`;
  url = url.replace(/^\/v1\.0(?=\/)/i, '');
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  const query = new URLSearchParams(q >= 0 ? url.slice(q + 1) : '');
  const bodyText =
    step.body === undefined ? undefined : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
  return {
    method: step.method,
    path,
    query,
    headers: step.headers,
    ...(bodyText !== undefined ? { bodyText } : {}),
    inBatch: true,
  };
}

function stepResult(id: string, res: EmuResponse): Record<string, unknown> {
  const headers: Record<string, string> = { ...(res.headers ?? {}) };
  const out: Record<string, unknown> = { id, status: res.status, headers };
  if (res.text !== undefined) {
    headers['Content-Type'] = 'text/plain';
    out.body = res.text;
  } else if (res.body !== undefined && res.status !== 204) {
    headers['Content-Type'] =
      'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    out.body = res.body;
  }
  return out;
}

/** Handler of POST /$batch. Throws 400 (whole batch) for malformed payloads; step failures stay in steps. */
export async function runBatch(ctx: HandlerContext): Promise<EmuResponse> {
  if (ctx.req.inBatch) throw E.badRequest('A batch request cannot contain another batch request.', 'BadRequest');
  const steps = parseSteps(jsonBody(ctx.req, { emptyIsError: true }));
  for (const step of steps) stepRequest(step); // refuses a foreign-host url before any step runs
  const run = () => runSteps(ctx, steps);
  const readOnly = steps.every((s) => s.method === 'GET');
  return readOnly ? run() : ctx.services.store.writeTogether(run);
}

async function runSteps(ctx: HandlerContext, steps: Step[]): Promise<EmuResponse> {
  const results = new Map<string, Record<string, unknown>>();
  const remaining = [...steps];
  while (remaining.length) {
    const isReady = (s: Step): boolean => s.dependsOn.every((d) => results.has(d));
    const ready =
      ctx.services.batchStepOrder === 'reversed' ? remaining.findLastIndex(isReady) : remaining.findIndex(isReady);
    if (ready < 0) throw cycleError(); // unreachable: parseSteps refuses cycles
    const step = remaining.splice(ready, 1)[0] as Step;
    const failedDep = step.dependsOn.find((d) => ((results.get(d)?.status as number) ?? 0) >= 400);
    if (failedDep !== undefined) {
      const err = new GraphHttpError(
        424,
        'FailedDependency',
        `The request depends on request '${failedDep}', which failed.`,
      );
      results.set(step.id, stepResult(step.id, { status: 424, body: errorBody(err, ctx.req, undefined) }));
      continue;
    }
    const res = await ctx.services.dispatch(stepRequest(step), ctx.caller);
    results.set(step.id, stepResult(step.id, res));
  }
  return { status: 200, body: { responses: steps.map((s) => results.get(s.id)) } };
}
