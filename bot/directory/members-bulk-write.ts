import type { BatchResult, BatchStep, GraphSession } from './graph-session';
import { stepError } from './graph-session';
import { chunked, runBatches } from './batch-pool';
import { assertWritableMembership, outcomeOf, type ChangeOutcome, type Principal, type Relation } from './members-write';
import { groupKind, type DirectoryGroup } from './types';

/** Most `members@odata.bind` references Graph takes in one PATCH. */
export const BINDS_PER_PATCH = 20;

const DIRECTORY_OBJECTS = 'https://graph.microsoft.com/v1.0/directoryObjects/';

export interface BulkWriteOptions {
  /** Ids the look-ahead saw already present (adds) : each is written on its own so Graph's answer is reported. */
  present?: ReadonlySet<string>;
  /** Progress: people handled so far and the total. */
  onProgress?: (done: number, total: number) => Promise<void> | void;
  concurrency?: number;
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
 * one `$ref` step per person. Pure; never throws.
 */
export function planMembershipWrites(group: DirectoryGroup, relation: Relation, op: 'add' | 'remove', principals: readonly Principal[], present: ReadonlySet<string> = new Set()): BulkWritePlan {
  const refused: ChangeOutcome[] = [];
  const todo: Principal[] = [];
  for (const p of principals) {
    if (op === 'add' && p.type === 'group' && groupKind(group) === 'microsoft365') {
      refused.push({ principal: p, result: 'refused', reason: 'Microsoft 365 groups can contain only users, not other groups.' });
    } else if (relation === 'owners' && p.type !== 'user') {
      refused.push({ principal: p, result: 'refused', reason: 'Only users can be owners.' });
    } else {
      todo.push(p);
    }
  }
  const bindable = op === 'add' && relation === 'members' ? todo.filter((p) => !present.has(p.id)) : [];
  const bound = new Set(bindable.map((p) => p.id));
  const patches = chunked(bindable, BINDS_PER_PATCH).map((part, i) => ({
    principals: part,
    step: { id: `b${i}`, method: 'PATCH' as const, url: `/groups/${group.id}`, body: { 'members@odata.bind': part.map((p) => DIRECTORY_OBJECTS + p.id) } },
  }));
  const singles = todo.filter((p) => !bound.has(p.id)).map((p, i) => ({ principal: p, step: singleStep(`s${i}`, group, relation, op, p) }));
  return { patches, singles, refused };
}

function singleStep(id: string, group: DirectoryGroup, relation: Relation, op: 'add' | 'remove', p: Principal): BatchStep {
  return op === 'add'
    ? { id, method: 'POST', url: `/groups/${group.id}/${relation}/$ref`, body: { '@odata.id': DIRECTORY_OBJECTS + p.id } }
    : { id, method: 'DELETE', url: `/groups/${group.id}/${relation}/${p.id}/$ref` };
}

/**
 * Adds or removes many members or owners with the fewest Graph requests: PATCH binds of 20 (adds of members),
 * single `$ref` steps otherwise, 20 steps per `$batch` and several batches at once. A PATCH Graph refuses as a
 * whole (one person already a member, one id gone) is redone person by person so that everyone gets their own
 * outcome. Throttled steps are retried by the session honouring Retry-After; what still fails is `failed`.
 * Resolves to one outcome per principal in the order given. Throws DomainError (readOnlyGroup, dynamicGroup)
 * before writing anything when Graph would refuse the whole group.
 */
export async function writeMembership(
  session: GraphSession, group: DirectoryGroup, relation: Relation, op: 'add' | 'remove', principals: readonly Principal[], opts: BulkWriteOptions = {},
): Promise<ChangeOutcome[]> {
  assertWritableMembership(group, relation);
  const plan = planMembershipWrites(group, relation, op, principals, opts.present);
  const total = principals.length;
  const outcomes: ChangeOutcome[] = [...plan.refused];
  const steps = [...plan.patches.map((p) => p.step), ...plan.singles.map((s) => s.step)];
  const weight = new Map<string, number>([...plan.patches.map((p) => [p.step.id, p.principals.length] as const), ...plan.singles.map((s) => [s.step.id, 1] as const)]);
  const pool = { ...(opts.concurrency ? { concurrency: opts.concurrency } : {}) };
  let handled = plan.refused.length;
  const results = await runBatches(session, steps, {
    ...pool,
    onChunk: async (_done, _total, chunk) => {
      handled += chunk.reduce((n, s) => n + (weight.get(s.id) ?? 0), 0);
      await opts.onProgress?.(Math.min(handled, total), total);
    },
  });
  const byId = new Map(results.map((r) => [r.id, r]));
  const redo: Principal[] = [];
  for (const p of plan.patches) {
    const r = byId.get(p.step.id) as BatchResult;
    if (r.status < 400) outcomes.push(...p.principals.map((principal) => ({ principal, result: 'added' as const })));
    else if (r.status === 400 || r.status === 404) redo.push(...p.principals);
    else outcomes.push(...p.principals.map((principal) => outcomeOf(principal, r.status, stepError(r), op, relation, group)));
  }
  for (const s of plan.singles) {
    const r = byId.get(s.step.id) as BatchResult;
    outcomes.push(outcomeOf(s.principal, r.status, r.status >= 400 ? stepError(r) : undefined, op, relation, group));
  }
  if (redo.length > 0) {
    const singles = redo.map((p, i) => ({ principal: p, step: singleStep(`r${i}`, group, relation, op, p) }));
    const again = await runBatches(session, singles.map((s) => s.step), pool);
    again.forEach((r, i) => {
      const s = singles[i] as { principal: Principal };
      outcomes.push(outcomeOf(s.principal, r.status, r.status >= 400 ? stepError(r) : undefined, op, relation, group));
    });
    await opts.onProgress?.(total, total);
  }
  const order = new Map(principals.map((p, i) => [p.id, i]));
  return outcomes.sort((a, b) => (order.get(a.principal.id) ?? 0) - (order.get(b.principal.id) ?? 0));
}
