/**
 * What copying or mirroring membership changes, from what was read. `userGroups`: the target people get every
 * group the source person is a direct member of (mirror: and leave the groups the source is not in);
 * `groupMembers`: the target group gets the source group's members (mirror: and loses those the source lacks).
 * Groups whose membership cannot be changed here are listed, not written. Pure.
 */
import type { Principal } from '../directory/members-write';
import type { DirectoryGroup } from '../directory/types';
import { addToWrite, cannotChange, type ChangePlan } from './change-plan';

/** A person and the groups they are a direct member of. */
export interface PersonGroups {
  person: Principal;
  direct: DirectoryGroup[];
}

function leaveAlone(plan: ChangePlan, g: DirectoryGroup, why: string): void {
  if (!plan.untouchable.some((u) => u.group.id === g.id)) plan.untouchable.push({ group: g, why });
}

/** The plan of giving `targets` the groups of `source` (and, mirrored, taking away the others). Pure. */
export function planUserGroupsCopy(source: PersonGroups, targets: PersonGroups[], mirror: boolean): ChangePlan {
  const plan: ChangePlan = { writes: [], untouchable: [], flags: [] };
  const sourceIds = new Set(source.direct.map((g) => g.id));
  for (const g of source.direct) {
    const missing = targets.filter((t) => !t.direct.some((x) => x.id === g.id)).map((t) => t.person);
    const why = cannotChange(g, 'members');
    if (why && missing.length) leaveAlone(plan, g, why);
    else if (!why) addToWrite(plan.writes, g, 'members', 'add', missing);
  }
  if (!mirror) return plan;
  for (const t of targets) {
    for (const g of t.direct.filter((x) => !sourceIds.has(x.id))) {
      const why = cannotChange(g, 'members');
      if (why) leaveAlone(plan, g, why);
      else addToWrite(plan.writes, g, 'members', 'remove', [t.person]);
    }
  }
  return plan;
}

/**
 * The plan of giving `target` the members of `source` (never the target itself), and, mirrored, removing the
 * target's members the source does not have. Pure.
 */
export function planGroupMembersCopy(
  target: DirectoryGroup,
  sourceMembers: Principal[],
  targetMembers: Principal[],
  mirror: boolean,
): ChangePlan {
  const plan: ChangePlan = { writes: [], untouchable: [], flags: [] };
  const why = cannotChange(target, 'members');
  if (why) {
    plan.untouchable.push({ group: target, why });
    return plan;
  }
  const has = new Set(targetMembers.map((p) => p.id));
  const wanted = new Set(sourceMembers.map((p) => p.id));
  addToWrite(
    plan.writes,
    target,
    'members',
    'add',
    sourceMembers.filter((p) => !has.has(p.id) && p.id !== target.id),
  );
  if (mirror)
    addToWrite(
      plan.writes,
      target,
      'members',
      'remove',
      targetMembers.filter((p) => !wanted.has(p.id)),
    );
  return plan;
}
