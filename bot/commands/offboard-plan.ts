/**
 * What offboarding people means for their groups, worked out from what was read: every direct membership
 * removed, every ownership given up — where someone else stays owner, or `handOver` people take over first — and
 * the groups that cannot be changed here (dynamic membership, Exchange-managed kinds). A group they are the only
 * owner of, with nobody named to take over, keeps them as owner and is flagged. Pure.
 */
import type { Principal } from '../directory/members-write';
import type { UserMemberships } from '../directory/user-memberships-read';
import type { DirectoryGroup } from '../directory/types';
import { addToWrite, cannotChange, groupNames, type ChangePlan } from './change-plan';
import { nameList } from './views';

/** One person leaving and what they have. */
export interface Leaving {
  person: Principal;
  groups: UserMemberships;
}

function leaveAlone(plan: ChangePlan, g: DirectoryGroup, why: string): void {
  if (!plan.untouchable.some((u) => u.group.id === g.id)) plan.untouchable.push({ group: g, why });
}

/** The ownership writes of one owned group; false when the person stays its only owner. Mutates `plan`. */
function giveUpOwnership(
  plan: ChangePlan,
  g: DirectoryGroup,
  person: Principal,
  owners: string[] | undefined,
  handOver: Principal[],
  leavingIds: ReadonlySet<string>,
): boolean {
  const why = cannotChange(g, 'owners');
  if (why) {
    leaveAlone(plan, g, why);
    return true;
  }
  const remaining = owners?.filter((id) => !leavingIds.has(id));
  if (remaining && remaining.length === 0) {
    if (handOver.length === 0) return false;
    const known = new Set(owners ?? []);
    addToWrite(
      plan.writes,
      g,
      'owners',
      'add',
      handOver.filter((h) => !known.has(h.id)),
    );
  }
  addToWrite(plan.writes, g, 'owners', 'remove', [person]);
  return true;
}

/** The flag for groups a person stays the only owner of. Pure. */
function keptOwnerFlag(person: Principal, kept: DirectoryGroup[]): string {
  return (
    `${person.displayName} is the only owner of ${groupNames(kept)}, so they stay ${kept.length === 1 ? 'its' : 'their'} ` +
    'owner: name who takes over (for example "… and hand their groups to Ana") and I will hand them over first.'
  );
}

/**
 * The plan: hand-overs and ownership removals first (per group, the new owner before the old one leaves), then
 * membership removals. `owners` holds the owner ids of each owned group (a group missing from it: owners unknown,
 * the removal is tried and Graph keeps a last owner). Pure.
 */
export function planOffboarding(leaving: Leaving[], owners: Map<string, string[]>, handOver: Principal[]): ChangePlan {
  const plan: ChangePlan = { writes: [], untouchable: [], flags: [] };
  const leavingIds = new Set(leaving.map((l) => l.person.id));
  for (const l of leaving) {
    const kept = l.groups.owned.filter(
      (g) => !giveUpOwnership(plan, g, l.person, owners.get(g.id), handOver, leavingIds),
    );
    if (kept.length) plan.flags.push(keptOwnerFlag(l.person, kept));
  }
  for (const l of leaving) {
    for (const g of l.groups.direct) {
      const why = cannotChange(g, 'members');
      if (why) leaveAlone(plan, g, why);
      else addToWrite(plan.writes, g, 'members', 'remove', [l.person]);
    }
    if (!l.groups.complete)
      plan.flags.push(`${l.person.displayName} is in more groups than I could read at once; ask again afterwards.`);
  }
  return plan;
}

/** Groups reached only through nesting (not direct), for the note on the card. Pure. */
export function nestedOnly(leaving: Leaving[]): string[] {
  const names = leaving.flatMap((l) => {
    const direct = new Set(l.groups.direct.map((g) => g.id));
    return l.groups.transitive.filter((g) => !direct.has(g.id)).map((g) => `'${g.displayName}'`);
  });
  return [...new Set(names)];
}

/** "Lee Gu", "Lee Gu and Raul Razo". Pure. */
export function whoLeaves(leaving: Leaving[]): string {
  return nameList(leaving.map((l) => l.person.displayName));
}
