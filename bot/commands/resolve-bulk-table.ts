/**
 * The table of a pasted list: one row per name typed, resolved, ambiguous with a pick, or not found (skipped),
 * before anything is written.
 */
import type { Intent } from '../language';
import type { Resolution } from '../directory/name-match';
import type { DirectoryGroup, DirectoryUser } from '../directory/types';
import { buildBulkResolutionCard } from '../../cards/bulk-resolution-card';
import type { BulkRow } from '../../cards/view-models';
import type { CommandContext, Outcome } from './context';
import { saveChoice } from './pending-ops';
import { outcome, reply } from './reply';
import type { Snapshot } from './snapshot';
import { toPerson } from './views';
import { CHOICE_LIMIT } from './resolve-ask';

/** A slot position after the lookups: the object, or the resolution that needs a pick (and why its lookup failed). */
export type Placed<T> = { item: T } | { problem: Resolution<T>; failed?: string };
type PlacedUser = Placed<DirectoryUser>;

/** What the table is for. */
interface BulkTableAt {
  /** The intent as rewritten so far (ids where resolved). */
  intent: Intent;
  snapshot: Snapshot;
  group: DirectoryGroup;
  operation: 'addMembers' | 'addOwners';
}

/**
 * Answers with the table of `placed` (one entry per name, in the order `typed`) and stores a choice whose
 * `bulkTable` continuation lists, per ambiguous position, the ids that may be picked. Throws what the pending
 * store throws.
 */
export async function bulkTable(
  ctx: CommandContext,
  at: BulkTableAt,
  placed: PlacedUser[],
  typed: readonly string[],
): Promise<Outcome> {
  const table: Record<string, string[]> = {};
  const rows = placed.map((p, index) => rowOf(p, index, typed[index] ?? valueOf(p), at.snapshot, table));
  const op = await saveChoice(
    ctx,
    at.intent,
    { kind: 'bulkTable', snapshot: at.snapshot, table },
    'users',
    -1,
    Object.values(table).flat(),
  );
  const card = buildBulkResolutionCard({
    batchId: op.id,
    group: { id: at.group.id, displayName: at.group.displayName },
    operation: at.operation,
    rows,
  });
  return outcome(reply(countsSentence(rows, at.group), card));
}

function valueOf(p: PlacedUser): string {
  return 'item' in p ? p.item.id : p.problem.query;
}

/** The row of one name; an ambiguous one's candidates go into the snapshot and `table`. */
function rowOf(
  p: PlacedUser,
  index: number,
  input: string,
  snapshot: Snapshot,
  table: Record<string, string[]>,
): BulkRow {
  if ('item' in p) return { index, input, status: 'resolved', person: toPerson(p.item) };
  const r = p.problem;
  if (r.status === 'ambiguous') {
    const c = r.candidates.slice(0, CHOICE_LIMIT);
    for (const u of c) snapshot.users[u.id] = u;
    table[String(index)] = c.map((u) => u.id);
    return { index, input, status: 'ambiguous', candidates: c.map(toPerson) };
  }
  const reason = p.failed
    ? 'Could not be looked up this time (Microsoft Graph was busy); send this name again.'
    : 'No one in the directory has this name or address.';
  return { index, input, status: 'notFound', reason };
}

function countsSentence(rows: BulkRow[], group: DirectoryGroup): string {
  const resolved = rows.filter((r) => r.status === 'resolved').length;
  const ambiguous = rows.filter((r) => r.status === 'ambiguous').length;
  const missing = rows.length - resolved - ambiguous;
  return `Of the ${rows.length} names for '${group.displayName}': ${resolved} found, ${ambiguous} need a pick, ${missing} not found. Nothing has been changed yet.`;
}
