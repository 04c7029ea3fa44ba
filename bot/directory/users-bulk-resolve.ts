import type { BatchResult, BatchStep, GraphSession } from './graph-session';
import { stepError } from './graph-session';
import { mapGraphError } from './errors';
import { BATCH_STEPS, chunked, runBatches, type PoolOptions } from './batch-pool';
import { fold, rankCandidates, type Resolution } from './name-match';
import { isGuid, literal, looksLikeEmail } from './odata';
import { USER_SELECT, type DirectoryUser } from './types';
import { step } from './resources/request';
import { listUsers } from './resources/users';

/**
 * Most values in one `$filter`: Graph counts each value of an `in (...)` as an OR clause and refuses more
 * than 15 ("Too many child clauses ... Max allowed: 15").
 */
export const IN_LIMIT = 15;
/** Users are read with their account state too, so a confirmation can flag disabled accounts. */
export const BULK_USER_SELECT = `${USER_SELECT},accountEnabled`;

export type QueryKind = 'id' | 'address' | 'name';

/** One lookup step and the typed values it carries. */
export interface LookupStep {
  step: BatchStep;
  values: string[];
}

export interface BulkResolveResult {
  /** One per query, in the order given. */
  resolutions: Resolution<DirectoryUser>[];
  /** Positions whose lookup failed (Graph busy after retries, or refused): not the same as "nobody has that name". */
  failed: Map<number, string>;
  /** `$batch` requests sent. */
  batches: number;
}

/** How a typed entry is looked up: an object id, a UPN or mail address, or a display name. Never throws. */
export function queryKind(query: string): QueryKind {
  if (isGuid(query)) return 'id';
  if (looksLikeEmail(query)) return 'address';
  return 'name';
}

/**
 * The `$filter` steps that look up many entries at once, `IN_LIMIT` values per step: ids by `id in`, addresses
 * by `userPrincipalName in` (the mail of most people; other addresses get a `mail in` step in the second
 * round), names by exact `displayName in`. Pure; never throws.
 */
export function exactLookupSteps(queries: readonly string[], prefix = 'x'): LookupStep[] {
  const byKind: Record<QueryKind, string[]> = { id: [], address: [], name: [] };
  const seen = new Set<string>();
  for (const q of queries) {
    const key = fold(q);
    if (seen.has(key)) continue;
    seen.add(key);
    byKind[queryKind(q)].push(q);
  }
  const steps: LookupStep[] = [];
  const add = (values: string[], filter: string): void => {
    steps.push({
      values,
      step: step(`${prefix}${steps.length}`, listUsers({ $filter: filter, $select: BULK_USER_SELECT, $top: 999 })),
    });
  };
  const list = (values: string[]): string => values.map(literal).join(',');
  for (const part of chunked(byKind.id, IN_LIMIT)) add(part, `id in (${list(part)})`);
  for (const part of chunked(byKind.address, IN_LIMIT)) add(part, `userPrincipalName in (${list(part)})`);
  for (const part of chunked(byKind.name, IN_LIMIT)) add(part, `displayName in (${list(part)})`);
  return steps;
}

/** The users among `found` that a query names exactly (id, UPN, mail or display name, folded). Pure. */
export function exactMatches(query: string, found: readonly DirectoryUser[]): DirectoryUser[] {
  const q = fold(query);
  const kind = queryKind(query);
  const hit = found.filter((u) => {
    if (kind === 'id') return fold(u.id) === q;
    if (kind === 'address') return fold(u.userPrincipalName ?? '') === q || fold(u.mail ?? '') === q;
    return fold(u.displayName ?? '') === q;
  });
  const ids = new Set<string>();
  return hit.filter((u) => (ids.has(u.id) ? false : (ids.add(u.id), true)));
}

function prefixStep(id: string, name: string): BatchStep {
  const filter = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName']
    .map((p) => `startsWith(${p},${literal(name)})`)
    .join(' or ');
  return step(id, listUsers({ $filter: filter, $select: BULK_USER_SELECT, $top: 25 }));
}

function usersOf(r: BatchResult): DirectoryUser[] {
  const body = r.body as { value?: DirectoryUser[] } | undefined;
  return Array.isArray(body?.value) ? body.value : [];
}

/**
 * Resolves a pasted list (names, UPNs, mails, ids, mixed) with the fewest requests Graph's limits allow: exact
 * lookups 15 values per step and 20 steps per `$batch`, several batches at once; then, for display names that
 * matched nobody exactly, one prefix query each ("Ana" → Ana Souza, Ana Silva), again 20 per `$batch`.
 * Entries that name nobody come back notFound (no suggestions); a lookup Graph refused or could not answer is
 * listed in `failed`. Never throws.
 */
export async function resolveUserList(
  session: GraphSession,
  queries: readonly string[],
  opts: PoolOptions = {},
): Promise<BulkResolveResult> {
  const failed = new Map<number, string>();
  const exactSteps = exactLookupSteps(queries);
  const exactResults = await runBatches(
    session,
    exactSteps.map((s) => s.step),
    opts,
  );
  let batches = Math.ceil(exactSteps.length / BATCH_STEPS);
  const found: DirectoryUser[] = [];
  const unanswered = new Map<string, string>();
  exactResults.forEach((r, i) => {
    if (r.status < 400) found.push(...usersOf(r));
    else
      for (const v of (exactSteps[i] as LookupStep).values)
        unanswered.set(fold(v), mapGraphError(stepError(r), { operation: 'read' }).message);
  });

  const resolutions: Resolution<DirectoryUser>[] = queries.map((q) => {
    const hit = exactMatches(q, found);
    if (hit.length === 1) return { status: 'resolved', query: q, item: hit[0] as DirectoryUser };
    if (hit.length > 1) return { status: 'ambiguous', query: q, candidates: hit.slice(0, 10) };
    return { status: 'notFound', query: q, suggestions: [] };
  });
  // A failed exact step: every entry it carried is a failed lookup (not "nobody has this name").
  queries.forEach((q, i) => {
    const message = unanswered.get(fold(q));
    if (message !== undefined && resolutions[i]?.status === 'notFound') failed.set(i, message);
  });

  // Second round, one request for both: addresses that are no one's UPN by `mail in`, and display names
  // without an exact match by a prefix query each (given name, surname, start of the name).
  const open = (i: number, kind: QueryKind): boolean =>
    resolutions[i]?.status === 'notFound' && queryKind(queries[i] as string) === kind && !failed.has(i);
  const addresses = queries.map((_, i) => i).filter((i) => open(i, 'address'));
  const mailSteps = chunked(addresses, IN_LIMIT).map((part, k) => ({
    indexes: part,
    step: step(
      `m${k}`,
      listUsers({
        $filter: `mail in (${part.map((i) => literal(queries[i] as string)).join(',')})`,
        $select: BULK_USER_SELECT,
        $top: 999,
      }),
    ),
  }));
  const prefixSteps = queries
    .map((_, i) => i)
    .filter((i) => open(i, 'name'))
    .map((i) => ({ indexes: [i], step: prefixStep(`p${i}`, queries[i] as string) }));
  const second = [...mailSteps, ...prefixSteps];
  if (second.length > 0) {
    const results = await runBatches(
      session,
      second.map((x) => x.step),
      opts,
    );
    batches += Math.ceil(second.length / BATCH_STEPS);
    results.forEach((r, k) => {
      const { indexes, step } = second[k] as { indexes: number[]; step: BatchStep };
      for (const index of indexes) {
        const query = queries[index] as string;
        if (r.status >= 400) failed.set(index, mapGraphError(stepError(r), { operation: 'read' }).message);
        else if (step.id.startsWith('p')) resolutions[index] = rankCandidates(query, usersOf(r));
        else {
          const hit = exactMatches(query, usersOf(r));
          if (hit.length === 1) resolutions[index] = { status: 'resolved', query, item: hit[0] as DirectoryUser };
          else if (hit.length > 1) resolutions[index] = { status: 'ambiguous', query, candidates: hit.slice(0, 10) };
        }
      }
    });
  }
  return { resolutions, failed, batches };
}
