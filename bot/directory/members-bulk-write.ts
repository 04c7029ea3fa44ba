import type { BatchResult, BatchStep, GraphSession } from './graph-session';
import { stepError } from './graph-session';
import { chunked, runBatches } from './batch-pool';
import {
  assertWritableMembership,
  FAILED_RESULTS,
  outcomeOf,
  type ChangeOutcome,
  type Principal,
  type Relation,
} from './members-write';
import { groupKind, type DirectoryGroup } from './types';
import { step, type ObjectLinks } from './resources/request';
import { addReference, removeReference } from './resources/group-relations';
import { bindMembers } from './resources/group-members';
import {
  isReplicationTransient,
  replicationDelays,
  replicationGaveUpSentence,
  REPLICATION_RETRY,
  type ReplicationRetryPolicy,
} from './replication-retry';

/** Most `members@odata.bind` references Graph takes in one PATCH. */
export const BINDS_PER_PATCH = 20;

export interface BulkWriteOptions {
  /** Ids the look-ahead saw already present (adds) : each is written on its own so Graph's answer is reported. */
  present?: ReadonlySet<string>;
  /** Progress after each round trip: people changed (or already as wished) so far, the total, and failures so far. */
  onProgress?: (done: number, total: number, failed: number) => Promise<void> | void;
  /** Each round trip's final outcomes as they land (a journal keeps them before the next write). */
  onLanded?: (outcomes: ChangeOutcome[]) => Promise<void> | void;
  concurrency?: number;
  /** How replication delay right after a create is waited out (docs/graph-behaviour.md, Replication delay). */
  replication?: ReplicationOptions;
}

/** Retries of E16 (and of 404 on a group created moments ago) with backoff; see replication-retry.ts. */
export interface ReplicationOptions {
  /** The group was created moments ago by this user: a 404 on it is replication delay too. */
  groupIsNew?: boolean;
  /** Called before each wait: the retry about to happen (1-based), how many there can be, and the wait in ms. */
  onWait?: (attempt: number, of: number, waitMs: number) => Promise<void> | void;
  /** Default: REPLICATION_RETRY (about two minutes). */
  policy?: ReplicationRetryPolicy;
  /** Default: the session's pause (a real timer; tests inject a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

export interface BulkWritePlan {
  /** PATCH steps, each binding up to 20 members. */
  patches: { step: BatchStep; principals: Principal[] }[];
  /** Single-reference steps ($ref POST or DELETE), one per principal. */
  singles: { step: BatchStep; principal: Principal }[];
  /** Principals refused before any write, with why. */
  refused: ChangeOutcome[];
}

/**
 * Plans the writes: adds of members go 20 per PATCH (`members@odata.bind`), except people the look-ahead saw
 * already present (a PATCH is all-or-nothing, so one of them would sink 19 others); owners and removals go
 * one `$ref` step per person; with `patchBinds` false (GROUPBOT_PATCH_BINDS=off) every member is a `$ref` step
 * too. Pure; never throws.
 */
export function planMembershipWrites(
  session: ObjectLinks & Partial<Pick<GraphSession, 'patchBinds'>>,
  group: DirectoryGroup,
  relation: Relation,
  op: 'add' | 'remove',
  principals: readonly Principal[],
  present: ReadonlySet<string> = new Set(),
): BulkWritePlan {
  const refused: ChangeOutcome[] = [];
  const todo: Principal[] = [];
  for (const p of principals) {
    if (op === 'add' && p.type === 'group' && groupKind(group) === 'microsoft365') {
      refused.push({
        principal: p,
        result: 'refused',
        reason: 'Microsoft 365 groups can contain only users, not other groups.',
      });
    } else if (relation === 'owners' && p.type !== 'user') {
      refused.push({ principal: p, result: 'refused', reason: 'Only users can be owners.' });
    } else {
      todo.push(p);
    }
  }
  const bindable =
    session.patchBinds !== false && op === 'add' && relation === 'members'
      ? todo.filter((p) => !present.has(p.id))
      : [];
  const bound = new Set(bindable.map((p) => p.id));
  const patches = chunked(bindable, BINDS_PER_PATCH).map((part, i) => ({
    principals: part,
    step: step(
      `b${i}`,
      bindMembers(
        session,
        group.id,
        part.map((p) => p.id),
      ),
    ),
  }));
  const singles = todo
    .filter((p) => !bound.has(p.id))
    .map((p, i) => ({ principal: p, step: singleStep(session, `s${i}`, group, relation, op, p) }));
  return { patches, singles, refused };
}

/** One principal's `$ref` step (add or remove). Never throws. */
function singleStep(
  links: ObjectLinks,
  id: string,
  group: DirectoryGroup,
  relation: Relation,
  op: 'add' | 'remove',
  p: Principal,
): BatchStep {
  return step(
    id,
    op === 'add' ? addReference(links, group.id, relation, p.id) : removeReference(group.id, relation, p.id),
  );
}

/**
 * Adds or removes many members or owners with the fewest Graph requests: PATCH binds of 20 (adds of members),
 * single `$ref` steps otherwise, 20 steps per `$batch` and several batches at once. A PATCH Graph refuses as a
 * whole (one person already a member, one id gone) is redone person by person so that everyone gets their own
 * outcome. Throttled steps are retried by the session honouring Retry-After. Replication delay right after a
 * create (E16, or 404 on a group `opts.replication.groupIsNew` says is new) is retried with backoff for about two
 * minutes (replication-retry.ts), the people concerned landing only once settled; what still fails is `failed`
 * with a sentence saying so. Resolves to one outcome per principal in the order given. Throws DomainError
 * (readOnlyGroup, dynamicGroup) before writing anything when Graph would refuse the whole group.
 */
export async function writeMembership(
  session: GraphSession,
  group: DirectoryGroup,
  relation: Relation,
  op: 'add' | 'remove',
  principals: readonly Principal[],
  opts: BulkWriteOptions = {},
): Promise<ChangeOutcome[]> {
  assertWritableMembership(group, relation);
  const plan = planMembershipWrites(session, group, relation, op, principals, opts.present);
  const total = principals.length;
  const pool = { ...(opts.concurrency ? { concurrency: opts.concurrency } : {}) };
  const tally = { done: 0, failed: 0 };
  const outcomes: ChangeOutcome[] = [];
  const groupIsNew = opts.replication?.groupIsNew === true;
  const land = async (landed: ChangeOutcome[]): Promise<void> => {
    outcomes.push(...landed);
    for (const o of landed)
      if (FAILED_RESULTS.has(o.result)) tally.failed++;
      else tally.done++;
    if (landed.length) await opts.onLanded?.(landed);
  };
  const report = async (): Promise<void> => {
    await opts.onProgress?.(tally.done, total, tally.failed);
  };
  /** Held back: people whose write met replication delay, tried again after a wait. */
  let held: Principal[] = [];
  const settle = (p: Principal, r: BatchResult): ChangeOutcome | undefined => {
    const err = r.status >= 400 ? stepError(r) : undefined;
    if (err && op === 'add' && isReplicationTransient({ status: r.status, message: err.message }, groupIsNew)) {
      held.push(p);
      return undefined;
    }
    return outcomeOf(p, r.status, err, op, relation, group);
  };
  await land(plan.refused);
  const patchOf = new Map(plan.patches.map((p) => [p.step.id, p.principals]));
  const singleOf = new Map(plan.singles.map((s) => [s.step.id, s.principal]));
  const redo: Principal[] = [];
  const steps = [...plan.patches.map((p) => p.step), ...plan.singles.map((s) => s.step)];
  await runBatches(session, steps, {
    ...pool,
    onChunk: async (_done, _total, _chunk, results) => {
      const landed: ChangeOutcome[] = [];
      for (const r of results) {
        const bound = patchOf.get(r.id);
        if (bound && r.status < 400)
          landed.push(...bound.map((principal) => ({ principal, result: 'added' as const })));
        else if (bound && (r.status === 400 || r.status === 404)) redo.push(...bound);
        else if (bound)
          landed.push(...bound.map((principal) => outcomeOf(principal, r.status, stepError(r), op, relation, group)));
        const single = singleOf.get(r.id);
        const settled = single ? settle(single, r) : undefined;
        if (settled) landed.push(settled);
      }
      await land(landed);
      await report();
    },
  });
  const oneByOne = async (people: Principal[]): Promise<void> => {
    await redoOneByOne(session, group, relation, op, people, pool, async (pairs) => {
      await land(pairs.map(([p, r]) => settle(p, r)).filter((o): o is ChangeOutcome => o !== undefined));
      await report();
    });
  };
  if (redo.length > 0) await oneByOne(redo);
  const delays = held.length ? replicationDelays(opts.replication?.policy ?? REPLICATION_RETRY) : [];
  const sleep = opts.replication?.sleep ?? ((ms: number) => session.pause(ms));
  let waited = 0;
  for (let i = 0; i < delays.length && held.length > 0; i++) {
    const wait = delays[i] as number;
    await opts.replication?.onWait?.(i + 1, delays.length, wait);
    await sleep(wait);
    waited += wait;
    const again = held;
    held = [];
    await oneByOne(again);
  }
  if (held.length > 0) {
    const reason = replicationGaveUpSentence(`'${group.displayName}'`, waited);
    await land(
      held.map((principal) => ({ principal, result: 'failed' as const, reason, kind: 'unavailable' as const })),
    );
    await report();
  }
  const order = new Map(principals.map((p, i) => [p.id, i]));
  return outcomes.sort((a, b) => (order.get(a.principal.id) ?? 0) - (order.get(b.principal.id) ?? 0));
}

/** People written one `$ref` step each (redone PATCH binds, replication retries); each result with its person. */
async function redoOneByOne(
  session: GraphSession,
  group: DirectoryGroup,
  relation: Relation,
  op: 'add' | 'remove',
  redo: Principal[],
  pool: { concurrency?: number },
  onResults: (pairs: [Principal, BatchResult][]) => Promise<void>,
): Promise<void> {
  const singles = new Map(redo.map((p, i) => [`r${i}`, p]));
  const steps = [...singles].map(([id, p]) => singleStep(session, id, group, relation, op, p));
  await runBatches(session, steps, {
    ...pool,
    onChunk: async (_done, _total, _chunk, results) => {
      await onResults(results.map((r) => [singles.get(r.id) as Principal, r]));
    },
  });
}
