/**
 * The group change log behind `GET /groups/delta` (docs/graph-behaviour.md, Delta): every committed write appends one entry per
 * changed group and per membership change, numbered by a tenant-wide sequence. Kept in memory and in the
 * `changes` table (same transaction as the write), so delta tokens stay valid across restarts.
 */
import type { Mutation } from './mutation';

/** `group`: the group itself changed (created, updated, soft-deleted, restored or purged); member +/-: a direct member joined or left. */
export type ChangeKind = 'group' | 'member+' | 'member-';

export interface ChangeEntry {
  seq: number;
  groupId: string;
  kind: ChangeKind;
  /** The member, for member changes. */
  memberId: string | null;
  /** For group changes: the properties that changed; null when the group was created, deleted or restored. */
  props?: string[] | null;
}

/** Names of the top-level properties whose JSON differs between two versions of a group. Never throws. */
export function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out.push(key);
  }
  return out;
}

/**
 * The entries a committed list of mutations adds (without sequence numbers). `propsOf` gives the properties a
 * putGroup changed (null: created, deleted or restored). Never throws.
 */
export function changesOf(
  ms: readonly Mutation[],
  propsOf: (m: Mutation) => string[] | null = () => null,
): Omit<ChangeEntry, 'seq'>[] {
  const out: Omit<ChangeEntry, 'seq'>[] = [];
  const groupEntries = new Map<string, Omit<ChangeEntry, 'seq'>>();
  for (const m of ms) {
    if (m.op === 'putGroup' || m.op === 'deleteGroup') {
      const id = m.op === 'putGroup' ? m.group.id : m.id;
      const props = m.op === 'putGroup' ? propsOf(m) : null;
      const seen = groupEntries.get(id);
      if (!seen) {
        const entry = { groupId: id, kind: 'group' as const, memberId: null, props };
        groupEntries.set(id, entry);
        out.push(entry);
      } else if (seen.props && props) seen.props = [...new Set([...seen.props, ...props])];
      else seen.props = null;
    } else if ((m.op === 'link' || m.op === 'unlink') && m.rel === 'member') {
      out.push({ groupId: m.src, kind: m.op === 'link' ? 'member+' : 'member-', memberId: m.dst });
    }
  }
  return out;
}

/** Position of the first entry with a sequence number above `seq` (binary search). Never throws. */
export function firstAfter(log: readonly ChangeEntry[], seq: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((log[mid] as ChangeEntry).seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
