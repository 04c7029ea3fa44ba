/**
 * "give Joni the same groups as Enrico", "make Adele's groups match Megan's" (kind userGroups), "put everyone from
 * Sales into Marketing too" (kind groupMembers); `mirror` also removes what the source lacks. Confirmed once with
 * the look-ahead of every write, run as one operation with per-person outcomes, one journal record and one Undo.
 */
import type { Intent } from '../language';
import { directMembers } from '../directory/group-members-read';
import { readUserMemberships } from '../directory/user-memberships-read';
import type { Principal } from '../directory/members-write';
import { groupNames, writeCount, type ChangePlan } from './change-plan';
import { confirmPlan } from './change-plan-preview';
import { runConfirmedPlan } from './change-plan-run';
import { isConfirmed } from './confirm-step';
import type { CommandContext, Outcome } from './context';
import { planGroupMembersCopy, planUserGroupsCopy } from './copy-plan';
import { errorText } from './error-text';
import { say } from './reply';
import { resolveIntent, type Resolved } from './resolve-step';
import { nameList } from './views';

const ASK_USERS = 'Whose groups, and for whom? For example: "give Joni the same groups as Enrico".';
const ASK_GROUPS = 'From which group to which? For example: "put everyone from Sales into Marketing too".';

/** The intent as the resolver reads it: userGroups source person in `members`, targets in `users`; groups in order. */
function forResolver(intent: Intent): Intent {
  const { source, target, ...rest } = intent;
  if (intent.kind === 'groupMembers')
    return source?.length || target?.length
      ? { ...rest, groups: [...(source ?? []).slice(0, 1), ...(target ?? []).slice(0, 1)] }
      : rest;
  return {
    ...rest,
    ...(source?.length ? { members: source.slice(0, 1) } : {}),
    ...(target?.length ? { users: target } : {}),
  };
}

/** Asks to confirm the plan, or says there is nothing to do. Throws what the store throws. */
async function confirmCopy(
  ctx: CommandContext,
  r: Resolved,
  plan: ChangePlan,
  title: string,
  what: string,
): Promise<Outcome> {
  const adds = plan.writes.filter((w) => w.op === 'add');
  const removes = plan.writes.filter((w) => w.op === 'remove');
  const facts = [
    ...(adds.length ? [{ title: 'Add to', value: groupNames(adds.map((w) => w.group)) }] : []),
    ...(removes.length ? [{ title: 'Remove from', value: groupNames(removes.map((w) => w.group)) }] : []),
    ...(plan.untouchable.length
      ? [{ title: 'Cannot be changed here', value: groupNames(plan.untouchable.map((u) => u.group)) }]
      : []),
  ];
  return confirmPlan(ctx, r.intent, r.snapshot, plan, {
    title,
    facts,
    consequence: `${what} (${writeCount(plan)} change${writeCount(plan) === 1 ? '' : 's'}), with one Undo for all of it.`,
    confirmLabel: removes.length ? 'Apply' : 'Add',
    heading: `${title}:`,
    ...(removes.length ? { destructive: true } : {}),
  });
}

/** Confirms a plan; nothing to do is said plainly. Throws what the store throws. */
async function confirmOrRun(
  ctx: CommandContext,
  r: Resolved,
  plan: ChangePlan,
  title: string,
  what: string,
): Promise<Outcome> {
  if (plan.writes.length === 0) {
    const left = plan.untouchable.map((u) => `'${u.group.displayName}' cannot be changed here (${u.why}).`);
    return say(
      [`Nothing to change: ${title.charAt(0).toLowerCase()}${title.slice(1)} is already the case.`, ...left].join(' '),
    );
  }
  return confirmCopy(ctx, r, plan, title, what);
}

/** userGroups: give the target people the source person's groups. Throws DomainError. */
async function copyUserGroups(ctx: CommandContext, r: Resolved, mirror: boolean): Promise<Outcome> {
  const source = r.people.members[0] as Principal;
  const targets = r.people.users.filter((p, i, all) => p.id !== source.id && all.findIndex((q) => q.id === p.id) === i);
  if (targets.length === 0) return say(ASK_USERS);
  const [from, ...to] = await Promise.all([source, ...targets].map((p) => readUserMemberships(ctx.graph, p.id)));
  const plan = planUserGroupsCopy(
    { person: source, direct: from?.direct ?? [] },
    targets.map((person, i) => ({ person, direct: to[i]?.direct ?? [] })),
    mirror,
  );
  const who = nameList(targets.map((t) => t.displayName));
  const title = mirror
    ? `Make ${who}'s groups match ${source.displayName}'s`
    : `Give ${who} the groups of ${source.displayName}`;
  const what = mirror
    ? `${who} will be in exactly the groups ${source.displayName} is directly in`
    : `${who} will join the groups ${source.displayName} is directly in; nothing is taken away`;
  return confirmOrRun(ctx, r, plan, title, what);
}

/** groupMembers: add the source group's members to the target group. Throws DomainError. */
async function copyGroupMembers(ctx: CommandContext, r: Resolved, mirror: boolean): Promise<Outcome> {
  const [from, to] = r.groups;
  if (!from || !to || r.groups.length !== 2 || from.id === to.id) return say(ASK_GROUPS);
  const [fromMembers, toMembers] = await Promise.all([
    directMembers(ctx.graph, from.id),
    directMembers(ctx.graph, to.id),
  ]);
  const plan = planGroupMembersCopy(to, fromMembers, toMembers, mirror);
  const title = mirror
    ? `Make the members of '${to.displayName}' match '${from.displayName}'`
    : `Add the members of '${from.displayName}' to '${to.displayName}'`;
  const what = mirror
    ? `'${to.displayName}' will have exactly the direct members of '${from.displayName}'`
    : `'${to.displayName}' gets every direct member of '${from.displayName}' it lacks; nobody is removed`;
  return confirmOrRun(ctx, r, plan, title, what);
}

/** Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (isConfirmed(ctx)) return runConfirmedPlan(ctx);
  const byGroups = intent.kind === 'groupMembers';
  const asked = forResolver(intent);
  if (byGroups ? (asked.groups?.length ?? 0) < 2 : !asked.members?.length || !asked.users?.length)
    return say(byGroups ? ASK_GROUPS : ASK_USERS);
  const step = await resolveIntent(asked, ctx, {
    people: byGroups ? [] : ['members', 'users'],
    groups: byGroups,
    purpose: 'to copy membership',
  });
  if (!step.ok) return step.outcome;
  try {
    return byGroups
      ? await copyGroupMembers(ctx, step.value, intent.mirror === true)
      : await copyUserGroups(ctx, step.value, intent.mirror === true);
  } catch (err) {
    return say(errorText(err, { action: 'copy the membership of' }));
  }
}
