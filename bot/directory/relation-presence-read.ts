/**
 * Just before a confirmed change writes: does the group still exist, and which of the given principals are in
 * its members (or owners) right now. One `$batch` step for the group and one per 15 ids (`id in`, advanced query).
 */
import type { BatchResult, BatchStep, GraphSession } from './graph-session';
import { chunked, runBatches } from './batch-pool';
import { literal } from './odata';
import type { Relation } from './members-write';
import { IN_LIMIT } from './users-bulk-resolve';
import { eventual, step } from './resources/request';
import { getGroup } from './resources/groups';
import { relationPage } from './resources/group-relations';

/** What was read: `gone` when Graph answered 404 for the group; `present` undefined when it could not be read. */
export interface RelationPresence {
  gone: boolean;
  present?: Set<string>;
}

function presenceSteps(groupId: string, relation: Relation, ids: readonly string[]): BatchStep[] {
  const steps: BatchStep[] = [step('group', getGroup(groupId, { $select: 'id' }))];
  chunked(ids, IN_LIMIT).forEach((part, i) => {
    const page = relationPage(groupId, relation, {
      $filter: `id in (${part.map(literal).join(',')})`,
      $select: 'id',
      $count: true,
      $top: 999,
    });
    steps.push(step(`present${i}`, eventual(page)));
  });
  return steps;
}

function idsOf(r: BatchResult): string[] {
  const v = (r.body as { value?: { id?: unknown }[] } | undefined)?.value;
  return Array.isArray(v) ? v.map((x) => x.id).filter((id): id is string => typeof id === 'string') : [];
}

/**
 * Reads whether `groupId` exists and which of `ids` are in its `relation` now. A part Graph refuses (other than
 * the group's 404) leaves `present` undefined, so the caller writes and lets Graph's answer decide. Never throws.
 */
export async function readRelationPresence(
  session: GraphSession,
  groupId: string,
  relation: Relation,
  ids: readonly string[],
): Promise<RelationPresence> {
  const steps = presenceSteps(groupId, relation, ids);
  const results = await runBatches(session, steps);
  if (results[0]?.status === 404) return { gone: true };
  const pages = results.slice(1);
  if (pages.some((r) => r.status >= 400)) return { gone: false };
  return { gone: false, present: new Set(pages.flatMap(idsOf)) };
}
