/**
 * The confirmed list of a change plan, kept on the server with the pending confirmation (never taken from the
 * card): what the confirmed run writes, item by item, and nothing else. A plan longer than MAX_STORED_CHANGES is
 * cut to its first changes and the confirmation says so. Pure.
 */
import type { Principal, Relation } from '../directory/members-write';
import type { DirectoryGroup } from '../directory/types';
import type { ChangePlan, PlannedWrite } from './change-plan';

/** The most person-group changes one confirmation keeps (a pending operation is one key/value row). */
const MAX_STORED_CHANGES = 1000;

/** The group fields a write needs (its kind decides whether Graph can change it). */
type StoredGroup = Pick<
  DirectoryGroup,
  'id' | 'displayName' | 'groupTypes' | 'mailEnabled' | 'securityEnabled' | 'membershipRule'
>;

export interface StoredWrite {
  group: StoredGroup;
  relation: Relation;
  op: 'add' | 'remove';
  people: Principal[];
}

/** What a confirmed plan runs: its writes, the groups left alone, the heading of the report. */
export interface StoredPlan {
  heading: string;
  writes: StoredWrite[];
  untouchable: { group: { id: string; displayName: string }; why: string }[];
}

function storedGroup(g: DirectoryGroup): StoredGroup {
  return {
    id: g.id,
    displayName: g.displayName,
    groupTypes: [...(g.groupTypes ?? [])],
    mailEnabled: g.mailEnabled,
    securityEnabled: g.securityEnabled,
    ...(g.membershipRule ? { membershipRule: g.membershipRule } : {}),
  };
}

function person(p: Principal): Principal {
  return { id: p.id, displayName: p.displayName, type: p.type };
}

/** The writes cut to `max` person-group changes in all, in order. Pure. */
function cutWrites(writes: PlannedWrite[], max: number): StoredWrite[] {
  const out: StoredWrite[] = [];
  let left = max;
  for (const w of writes) {
    if (left <= 0) break;
    const people = w.people.slice(0, left).map(person);
    left -= people.length;
    out.push({ group: storedGroup(w.group), relation: w.relation, op: w.op, people });
  }
  return out;
}

/**
 * The plan as stored for its confirmation, and how many changes were left out because the list is longer than
 * `max`. Pure.
 */
export function storePlan(
  plan: ChangePlan,
  heading: string,
  max = MAX_STORED_CHANGES,
): { stored: StoredPlan; leftOut: number } {
  const total = plan.writes.reduce((n, w) => n + w.people.length, 0);
  const stored: StoredPlan = {
    heading,
    writes: cutWrites(plan.writes, max),
    untouchable: plan.untouchable.map((u) => ({
      group: { id: u.group.id, displayName: u.group.displayName },
      why: u.why,
    })),
  };
  return { stored, leftOut: Math.max(0, total - max) };
}

/** The sentence the confirmation shows when the list was cut. Pure. */
export function leftOutSentence(leftOut: number, max = MAX_STORED_CHANGES): string {
  return (
    `This is too large to confirm at once: only the first ${max} changes listed are kept for this confirmation, ` +
    `and the other ${leftOut} are not made. Ask again afterwards for the rest.`
  );
}

/** The stored plan a confirmed run continues, or undefined when the pending operation holds none. Pure. */
export function storedPlanOf(ctx: { continuation?: { kind: string } }): StoredPlan | undefined {
  const c = ctx.continuation as { kind: string; plan?: StoredPlan } | undefined;
  if (c?.kind !== 'changePlan' || !c.plan || !Array.isArray(c.plan.writes)) return undefined;
  return c.plan;
}
