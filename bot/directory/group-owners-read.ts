/** The owners of several groups at once (`GET /groups/{id}/owners` per group, 20 per `$batch`). */
import type { GraphSession } from './graph-session';
import { runBatches } from './batch-pool';
import { step } from './resources/request';
import { listOwners } from './resources/group-owners';

/**
 * Owner ids per group id, read side by side; a group whose owners could not be read is left out of the map (the
 * caller then treats its owners as unknown). Throws DomainError only when a whole batch fails.
 */
export async function ownersOfGroups(
  session: GraphSession,
  groupIds: readonly string[],
): Promise<Map<string, string[]>> {
  const steps = groupIds.map((id, i) => step(`o${i}`, listOwners(id, { $select: 'id', $top: 999 })));
  const results = steps.length ? await runBatches(session, steps) : [];
  const out = new Map<string, string[]>();
  results.forEach((r) => {
    const id = groupIds[Number(r.id.slice(1))];
    if (id === undefined || r.status >= 400) return;
    const value = (r.body as { value?: { id: string }[] } | undefined)?.value ?? [];
    out.set(
      id,
      value.map((o) => o.id),
    );
  });
  return out;
}
