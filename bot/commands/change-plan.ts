/**
 * A change across several groups asked for in one message (offboarding, copying or mirroring membership,
 * removing guests or disabled accounts): the writes in the order they must run, the groups that cannot be changed
 * here and why, and anything the confirmation must flag. Built by each command from what it read; previewed by
 * change-plan-preview.ts, run by change-plan-run.ts as one operation with one journal record and one Undo. Pure.
 */
import type { Principal, Relation } from '../directory/members-write';
import { groupKind, isDynamic, isReadOnlyKind, type DirectoryGroup } from '../directory/types';
import type { MemberOperation } from '../../cards/view-models';

/** One membership write: people added to or removed from one relation of one group. */
export interface PlannedWrite {
  group: DirectoryGroup;
  relation: Relation;
  op: 'add' | 'remove';
  people: Principal[];
}

/** A group left as it is, with the reason ("a distribution list: change it in Exchange"). */
export interface Untouchable {
  group: Pick<DirectoryGroup, 'id' | 'displayName'>;
  why: string;
}

export interface ChangePlan {
  writes: PlannedWrite[];
  untouchable: Untouchable[];
  /** Sentences the confirmation shows as warnings (a last owner kept, a list cut short). */
  flags: string[];
}

/** The outcome-card operation of a write. Pure. */
export function operationOf(w: Pick<PlannedWrite, 'relation' | 'op'>): MemberOperation {
  if (w.relation === 'members') return w.op === 'add' ? 'addMembers' : 'removeMembers';
  return w.op === 'add' ? 'addOwners' : 'removeOwners';
}

/**
 * Why a group's membership (or ownership) cannot be changed through Graph, or null when it can: read-only kinds
 * (Exchange owns them) and, for members, dynamic groups (a rule decides). Pure.
 */
export function cannotChange(g: DirectoryGroup, relation: Relation): string | null {
  const kind = groupKind(g);
  if (isReadOnlyKind(kind))
    return `${kind === 'distribution' ? 'a distribution list' : 'a mail-enabled security group'}: it can only be changed in Exchange`;
  if (relation === 'members' && isDynamic(g)) return 'dynamic membership: its rule decides who is in it';
  return null;
}

/** How many people a plan changes in all (one per person per write). Pure. */
export function writeCount(plan: Pick<ChangePlan, 'writes'>): number {
  return plan.writes.reduce((n, w) => n + w.people.length, 0);
}

/** Adds `people` to the write for (group, relation, op), creating it at the end when new. Mutates `writes`. */
export function addToWrite(
  writes: PlannedWrite[],
  group: DirectoryGroup,
  relation: Relation,
  op: 'add' | 'remove',
  people: Principal[],
): void {
  if (people.length === 0) return;
  const w = writes.find((x) => x.group.id === group.id && x.relation === relation && x.op === op);
  if (!w) {
    writes.push({ group, relation, op, people: [...people] });
    return;
  }
  for (const p of people) if (!w.people.some((q) => q.id === p.id)) w.people.push(p);
}

/** "'A', 'B' and 3 others" for a list of groups. Pure. */
export function groupNames(groups: Pick<DirectoryGroup, 'displayName'>[], max = 8): string {
  const names = groups.map((g) => `'${g.displayName}'`);
  if (names.length <= max)
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'none');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
