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
}

/** The entries a committed list of mutations adds (without sequence numbers). Never throws. */
export function changesOf(ms: readonly Mutation[]): Omit<ChangeEntry, 'seq'>[] {
  const out: Omit<ChangeEntry, 'seq'>[] = [];
  const groupsSeen = new Set<string>();
  for (const m of ms) {
    if (m.op === 'putGroup' || m.op === 'deleteGroup') {
      const id = m.op === 'putGroup' ? m.group.id : m.id;
      if (!groupsSeen.has(id)) out.push({ groupId: id, kind: 'group', memberId: null });
      groupsSeen.add(id);
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
