/**
 * "kick the external users out of Vendor Portal Access", "clean the disabled accounts out of Sales": the guests
 * (userType Guest) or disabled accounts among a group's direct members — or among the members of every group the
 * speaker owns (`allOwned`, or no group named) — removed as one confirmed operation with per-person outcomes, one
 * journal record and one Undo.
 */
import type { Intent } from '../language';
import { membersOfKind, type MemberKind } from '../directory/members-by-kind-read';
import { listOwnedGroups } from '../directory/owned-groups';
import type { DirectoryGroup } from '../directory/types';
import { forEachConcurrently } from '../shared/concurrent-each';
import { addToWrite, cannotChange, groupNames, writeCount, type ChangePlan } from './change-plan';
import { confirmPlan } from './change-plan-preview';
import { runConfirmedPlan } from './change-plan-run';
import { isConfirmed } from './confirm-step';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { say } from './reply';
import { resolveIntent } from './resolve-step';
import { emptySnapshot, type Snapshot } from './snapshot';
import { logOf } from '../log';

const WORDS: Record<MemberKind, { plural: string; one: string }> = {
  guests: { plural: 'guests', one: 'guest' },
  disabled: { plural: 'disabled accounts', one: 'disabled account' },
};

interface Target {
  intent: Intent;
  snapshot: Snapshot;
  groups: DirectoryGroup[];
  /** The groups are all the speaker owns (none was named). */
  owned: boolean;
}

/** The groups named (resolved), or every group the speaker owns. */
async function targetOf(intent: Intent, ctx: CommandContext): Promise<Target | Outcome> {
  if (intent.groups?.length) {
    const step = await resolveIntent(intent, ctx, { groups: true, purpose: 'to clean up' });
    if (!step.ok) return step.outcome;
    return { intent: step.value.intent, snapshot: step.value.snapshot, groups: step.value.groups, owned: false };
  }
  const mine = await listOwnedGroups(ctx.graph, 'me');
  return { intent: { ...intent, allOwned: true }, snapshot: emptySnapshot(), groups: mine.groups, owned: true };
}

/** Reads each writable group's members of the kind and plans their removal. Throws only on a bug. */
async function planRemoval(ctx: CommandContext, t: Target, kind: MemberKind): Promise<ChangePlan> {
  const plan: ChangePlan = { writes: [], untouchable: [], flags: [] };
  const writable = t.groups.filter((g) => {
    const why = cannotChange(g, 'members');
    if (why && !t.owned) plan.untouchable.push({ group: g, why });
    return !why;
  });
  const found: (Awaited<ReturnType<typeof membersOfKind>> | undefined)[] = [];
  await forEachConcurrently(writable, 4, async (g, i) => {
    try {
      found[i] = await membersOfKind(ctx.graph, g.id, kind);
    } catch (err) {
      logOf(ctx).warn('removeByKind.read.failed', { groupId: g.id, error: err });
      plan.flags.push(
        `I couldn't read the members of '${g.displayName}': ${errorText(err, { groupName: g.displayName })}`,
      );
    }
  });
  writable.forEach((g, i) => addToWrite(plan.writes, g, 'members', 'remove', found[i] ?? []));
  return plan;
}

/** What to say when there is nobody to remove. Pure. */
function nobody(t: Target, plan: ChangePlan, kind: MemberKind): string {
  const where = t.owned ? 'the groups you own' : groupNames(t.groups);
  const left = plan.untouchable.map((u) => `'${u.group.displayName}' cannot be changed here (${u.why}).`);
  return [
    `There are no ${WORDS[kind].plural} among the direct members of ${where}, so there is nothing to remove.`,
    ...left,
    ...plan.flags,
  ].join(' ');
}

/** Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (isConfirmed(ctx)) return runConfirmedPlan(ctx);
  const kind: MemberKind | undefined = intent.kind === 'guests' || intent.kind === 'disabled' ? intent.kind : undefined;
  if (!kind)
    return say(
      'Remove which members: the guests or the disabled accounts? For example: "remove the guests from Vendor Portal Access".',
    );
  try {
    const t = await targetOf(intent, ctx);
    if ('replies' in t) return t;
    if (t.owned && t.groups.length === 0)
      return say("You don't own any group, so there is nothing of yours to clean up.");
    const plan = await planRemoval(ctx, t, kind);
    if (plan.writes.length === 0) return say(nobody(t, plan, kind));
    const what = `${writeCount(plan)} ${writeCount(plan) === 1 ? WORDS[kind].one : WORDS[kind].plural}`;
    return await confirmPlan(ctx, t.intent, t.snapshot, plan, {
      title: `Remove ${what} from ${groupNames(
        plan.writes.map((w) => w.group),
        3,
      )}`,
      facts: plan.writes.map((w) => ({
        title: w.group.displayName,
        value: w.people.map((p) => p.displayName).join(', '),
      })),
      consequence: `They lose what ${plan.writes.length === 1 ? 'this group gives' : 'these groups give'} its members. One Undo puts them all back.`,
      confirmLabel: 'Remove',
      destructive: true,
      heading: `Removing ${WORDS[kind].plural}:`,
    });
  } catch (err) {
    return say(errorText(err, { action: `remove ${WORDS[kind].plural} from` }));
  }
}
