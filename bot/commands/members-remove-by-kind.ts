/**
 * "kick the external users out of Vendor Portal Access", "clean the disabled accounts out of Sales": the guests
 * (userType Guest) or disabled accounts among a group's direct members — with no group named, among the members of
 * every group a Groups or Global Administrator may manage (the whole directory, looked ahead and capped:
 * members-remove-by-kind-scope.ts), or of every group anyone else owns (`allOwned`) — removed as one confirmed
 * operation with per-person outcomes, one journal record and one Undo.
 */
import type { Intent } from '../language';
import { membersOfKind, type MemberKind } from '../directory/members-by-kind-read';
import { listOwnedGroups } from '../directory/owned-groups';
import type { DirectoryGroup } from '../directory/types';
import { forEachConcurrently } from '../shared/concurrent-each';
import { holdsDecidingRole } from '../directory/request-access-checks';
import { addToWrite, cannotChange, groupNames, type ChangePlan } from './change-plan';
import { confirmPlan } from './change-plan-preview';
import { runConfirmedPlan } from './change-plan-run';
import { isConfirmed, type ConfirmSpec } from './confirm-step';
import { directoryScopeSentence, planDirectoryRemoval, readDirectoryScope } from './members-remove-by-kind-scope';
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

/** Group rows the confirmation lists before "…and N more". */
const SHOWN_GROUPS = 15;

interface Target {
  intent: Intent;
  snapshot: Snapshot;
  groups: DirectoryGroup[];
  /** named: the groups named; owned: every group the speaker owns; directory: an administrator's whole tenant. */
  scope: 'named' | 'owned' | 'directory';
}

/** True when the speaker is a Groups or Global Administrator; a failed read counts as not. Never throws. */
async function isAdministrator(ctx: CommandContext): Promise<boolean> {
  try {
    return await holdsDecidingRole(ctx.graph);
  } catch (err) {
    logOf(ctx).warn('removeByKind.roles.failed', { error: err });
    return false;
  }
}

/**
 * The groups named (resolved); with none named, every group of the directory for an administrator (unless they
 * said "my groups"), every group they own for anyone else. Throws DomainError.
 */
async function targetOf(intent: Intent, ctx: CommandContext): Promise<Target | Outcome> {
  if (intent.groups?.length) {
    const step = await resolveIntent(intent, ctx, { groups: true, purpose: 'to clean up' });
    if (!step.ok) return step.outcome;
    return { intent: step.value.intent, snapshot: step.value.snapshot, groups: step.value.groups, scope: 'named' };
  }
  if (!intent.allOwned && (await isAdministrator(ctx)))
    return { intent, snapshot: emptySnapshot(), groups: [], scope: 'directory' };
  const mine = await listOwnedGroups(ctx.graph, 'me');
  return { intent: { ...intent, allOwned: true }, snapshot: emptySnapshot(), groups: mine.groups, scope: 'owned' };
}

/** Reads each writable group's members of the kind and plans their removal. Throws only on a bug. */
async function planGroupsRemoval(ctx: CommandContext, t: Target, kind: MemberKind): Promise<ChangePlan> {
  const plan: ChangePlan = { writes: [], untouchable: [], flags: [] };
  const writable = t.groups.filter((g) => {
    const why = cannotChange(g, 'members');
    if (why && t.scope === 'named') plan.untouchable.push({ group: g, why });
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

/** The plan of the target: the directory-wide look-ahead, or each group's members of the kind. Throws DomainError. */
async function planRemoval(ctx: CommandContext, t: Target, kind: MemberKind): Promise<ChangePlan> {
  if (t.scope !== 'directory') return planGroupsRemoval(ctx, t, kind);
  const plan = planDirectoryRemoval(await readDirectoryScope(ctx, kind), kind);
  if (plan.writes.length) plan.flags.unshift(directoryScopeSentence(plan, kind));
  return plan;
}

/** What to say when there is nobody to remove. Pure. */
function nobody(t: Target, plan: ChangePlan, kind: MemberKind): string {
  const where = { named: groupNames(t.groups), owned: 'the groups you own', directory: 'any group in the directory' };
  const left = plan.untouchable.map((u) => `'${u.group.displayName}' cannot be changed here (${u.why}).`);
  return [
    `There are no ${WORDS[kind].plural} among the direct members of ${where[t.scope]}, so there is nothing to remove.`,
    ...left,
    ...plan.flags,
  ].join(' ');
}

/** The title, facts and consequence of the confirmation: people and groups counted, the first groups listed. Pure. */
function confirmSpec(plan: ChangePlan, kind: MemberKind): ConfirmSpec & { heading: string } {
  const people = new Set(plan.writes.flatMap((w) => w.people.map((p) => p.id))).size;
  const what = `${people} ${people === 1 ? WORDS[kind].one : WORDS[kind].plural}`;
  const where =
    plan.writes.length > 3
      ? `${plan.writes.length} groups`
      : groupNames(
          plan.writes.map((w) => w.group),
          3,
        );
  const rows = plan.writes.slice(0, SHOWN_GROUPS).map((w) => ({
    title: w.group.displayName,
    value: w.people.map((p) => p.displayName).join(', '),
  }));
  const more = plan.writes.length - rows.length;
  return {
    title: `Remove ${what} from ${where}`,
    facts: more > 0 ? [...rows, { title: 'And', value: `${more} more groups` }] : rows,
    consequence: `They lose what ${plan.writes.length === 1 ? 'this group gives' : 'these groups give'} its members. One Undo puts them all back.`,
    confirmLabel: 'Remove',
    destructive: true,
    heading: `Removing ${WORDS[kind].plural}:`,
  };
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
    if (t.scope === 'owned' && t.groups.length === 0)
      return say("You don't own any group, so there is nothing of yours to clean up.");
    const plan = await planRemoval(ctx, t, kind);
    if (plan.writes.length === 0) return say(nobody(t, plan, kind));
    return await confirmPlan(ctx, t.intent, t.snapshot, plan, confirmSpec(plan, kind));
  } catch (err) {
    return say(errorText(err, { action: `remove ${WORDS[kind].plural} from` }));
  }
}
