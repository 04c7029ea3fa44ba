/**
 * "Raul left the company, remove him everywhere": every group the person is a direct member or owner of, what
 * each removal costs (licences the group gives, groups they are the last owner of), confirmed once, run as one
 * operation with one journal record and one Undo. `handOverTo` names who takes over the groups they own alone.
 */
import type { Intent } from '../language';
import type { Principal } from '../directory/members-write';
import { ownersOfGroups } from '../directory/group-owners-read';
import { readUserMemberships } from '../directory/user-memberships-read';
import { groupNames, writeCount, type ChangePlan } from './change-plan';
import { confirmPlan } from './change-plan-preview';
import { runConfirmedPlan } from './change-plan-run';
import { isConfirmed } from './confirm-step';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { nestedOnly, planOffboarding, whoLeaves, type Leaving } from './offboard-plan';
import { say } from './reply';
import { resolveIntent, type Resolved } from './resolve-step';
import { nameList } from './views';

const ASK = 'Who is leaving? For example: "offboard Debra Berger" or "Raul left the company, remove him everywhere".';

/** The people's groups and the owners of the groups they own (two round trips). Throws DomainError. */
async function readLeaving(ctx: CommandContext, people: Principal[]): Promise<Leaving[]> {
  const groups = await Promise.all(people.map((p) => readUserMemberships(ctx.graph, p.id)));
  return people.map((person, i) => ({ person, groups: groups[i] as Leaving['groups'] }));
}

/** Reads and plans. Throws DomainError. */
async function planFor(
  ctx: CommandContext,
  people: Principal[],
  handOver: Principal[],
): Promise<[Leaving[], ChangePlan]> {
  const leaving = await readLeaving(ctx, people);
  const owned = [...new Set(leaving.flatMap((l) => l.groups.owned.map((g) => g.id)))];
  const owners = await ownersOfGroups(ctx.graph, owned);
  return [leaving, planOffboarding(leaving, owners, handOver)];
}

/** The facts of the confirmation card. Pure. */
function factsOf(leaving: Leaving[], plan: ChangePlan, handOver: Principal[]): { title: string; value: string }[] {
  const pick = (relation: 'members' | 'owners', op: 'add' | 'remove'): string =>
    groupNames(plan.writes.filter((w) => w.relation === relation && w.op === op).map((w) => w.group));
  const facts = [{ title: leaving.length > 1 ? 'People' : 'Person', value: whoLeaves(leaving) }];
  const members = plan.writes.some((w) => w.relation === 'members');
  const owners = plan.writes.some((w) => w.relation === 'owners' && w.op === 'remove');
  if (members) facts.push({ title: 'Remove from', value: pick('members', 'remove') });
  if (owners) facts.push({ title: 'No longer owner of', value: pick('owners', 'remove') });
  if (plan.writes.some((w) => w.relation === 'owners' && w.op === 'add'))
    facts.push({
      title: `Handed over to ${nameList(handOver.map((h) => h.displayName))}`,
      value: pick('owners', 'add'),
    });
  if (plan.untouchable.length)
    facts.push({ title: 'Cannot be changed here', value: groupNames(plan.untouchable.map((u) => u.group)) });
  return facts;
}

/** Asks to confirm the offboarding. Throws what the store throws. */
async function confirmOffboarding(
  ctx: CommandContext,
  r: Resolved,
  leaving: Leaving[],
  plan: ChangePlan,
  handOver: Principal[],
): Promise<Outcome> {
  const nested = nestedOnly(leaving);
  const who = whoLeaves(leaving);
  const consequence =
    `${who} will be taken out of ${plan.writes.length === 1 ? 'this group' : 'these groups'} in one go ` +
    `(${writeCount(plan)} change${writeCount(plan) === 1 ? '' : 's'}), with one Undo for all of it. ` +
    `${nested.length ? `Access through nested groups (${nested.slice(0, 6).join(', ')}${nested.length > 6 ? ', …' : ''}) goes with the memberships it comes through. ` : ''}` +
    'The account itself is not changed: disable or delete it in the Microsoft Entra admin center.';
  return confirmPlan(ctx, r.intent, r.snapshot, plan, {
    title: `Offboard ${who}`,
    facts: factsOf(leaving, plan, handOver),
    consequence,
    confirmLabel: 'Offboard',
    destructive: true,
    heading: `Offboarding ${who}:`,
  });
}

/** What to say when nothing can be changed. Pure. */
function nothingToDo(leaving: Leaving[], plan: ChangePlan): string {
  const who = whoLeaves(leaving);
  if (plan.untouchable.length === 0 && plan.flags.length === 0)
    return `${who} ${leaving.length > 1 ? 'are' : 'is'} not a direct member or owner of any group, so there is nothing to remove.`;
  const left = plan.untouchable.map((u) => `'${u.group.displayName}' (${u.why})`);
  return [
    `Nothing I can change for ${who}.`,
    ...(left.length ? [`Cannot be changed here: ${left.join('; ')}.`] : []),
    ...plan.flags,
  ].join(' ');
}

/** The intent as the resolver reads it: the people taking over go in `owners`. Pure. */
function forResolver(intent: Intent): Intent {
  const { handOverTo, ...rest } = intent;
  return handOverTo?.length ? { ...rest, owners: handOverTo } : rest;
}

/** Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (isConfirmed(ctx)) return runConfirmedPlan(ctx);
  if (!intent.users?.length) return say(ASK);
  const step = await resolveIntent(forResolver(intent), ctx, {
    people: ['users', 'owners'],
    groups: false,
    purpose: 'to offboard',
  });
  if (!step.ok) return step.outcome;
  const people = unique(step.value.people.users);
  const leavingIds = new Set(people.map((p) => p.id));
  const handOver = unique(step.value.people.owners).filter((p) => !leavingIds.has(p.id));
  try {
    const [leaving, plan] = await planFor(ctx, people, handOver);
    if (plan.writes.length === 0) return say(nothingToDo(leaving, plan));
    return await confirmOffboarding(ctx, step.value, leaving, plan, handOver);
  } catch (err) {
    return say(errorText(err, { action: 'offboard' }));
  }
}

function unique(list: Principal[]): Principal[] {
  return list.filter((p, i) => list.findIndex((q) => q.id === p.id) === i);
}
