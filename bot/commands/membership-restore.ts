/**
 * "restore Marketing's members to last Monday 09:00": the members a watched group had at a past time, from the
 * recorded history (docs/history.md). Shows the difference (who comes back, who goes) with the same look-ahead as
 * other membership changes, then runs it as one operation: the batched membership writes, per-person results, one
 * journal record with one Undo for all of it. An ambiguous group name asks first; the choice carries the whole
 * request, its time included (the intent's `when`).
 */
import type { Intent } from '../language';
import { readChangeFacts } from '../directory/change-lookahead';
import { directoryObjectsOf, relationIds, type HistoryObject } from '../directory/group-history-read';
import { writeMembership } from '../directory/members-bulk-write';
import { assertWritableMembership, type ChangeOutcome, type Principal } from '../directory/members-write';
import type { DirectoryGroup } from '../directory/types';
import { membershipRecords } from '../journal/change-records';
import { principalResults } from '../journal/membership-results';
import type { RecordedChanges } from '../journal/journal-sink';
import { planRestore, type RestorePlan } from '../history/restore-plan';
import { buildMemberOutcomeCard, outcomeSentence } from '../../cards/member-outcome-card';
import type { MemberOutcome } from '../../cards/view-models';
import { previewChange, type ChangePreview } from './change-preview';
import { askToConfirm, isConfirmed } from './confirm-step';
import type { CommandContext, Outcome, Reply } from './context';
import { errorText } from './error-text';
import { OUTCOME_STATUS } from './membership-spec';
import { notWatchedSentence, recordedHistory, sinceSentence, timeOf } from './history-span';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { groupRef, nameList } from './views';
import { undoOption } from './undo-reply';
import { logOf } from '../log';

function principalsOf(ids: string[], objects: Map<string, HistoryObject>): Principal[] {
  return ids.map((id) => ({
    id,
    displayName: objects.get(id)?.displayName ?? `${id} (no longer in the directory)`,
    type: objects.get(id)?.type ?? 'user',
  }));
}

/** The look-ahead of one direction (licences, guests, nested groups…); undefined when it cannot be read. Never throws. */
async function lookAhead(
  ctx: CommandContext,
  g: DirectoryGroup,
  op: 'add' | 'remove',
  people: Principal[],
): Promise<ChangePreview | undefined> {
  if (people.length === 0) return undefined;
  try {
    const facts = await readChangeFacts(ctx.graph, g.id, 'members', people);
    return previewChange({ group: g, relation: 'members', op, people, facts, knownGuests: new Set() });
  } catch (err) {
    logOf(ctx).warn('restore.lookahead.failed', { error: err });
    return undefined;
  }
}

/** Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!intent.groups?.length)
    return say('Which group, and to when? For example: "restore Marketing\'s members to last Monday 09:00".');
  const time = timeOf(intent.when, ctx, `restore ${intent.groups[0]}'s members to last Monday 09:00`);
  if (typeof time === 'string') return say(time);
  const step = await resolveIntent({ ...intent, groups: intent.groups.slice(0, 1) }, ctx, {
    groups: true,
    purpose: 'to restore its members',
  });
  if (!step.ok) return step.outcome;
  const g = step.value.groups[0];
  if (!g) return say('Which group? For example: "restore Marketing\'s members to last Monday 09:00".');
  try {
    assertWritableMembership(g, 'members');
    const cursor = await recordedHistory(ctx, g.id);
    if (!cursor) return say(notWatchedSentence(g.displayName));
    const then = await ctx.history.repo.membershipAt(g.id, time.at);
    if (!then)
      return say(
        `${sinceSentence(g.displayName, cursor)} I can't restore its members to ${time.label}, which is earlier.`,
      );
    const plan = planRestore(await relationIds(ctx.graph, g.id, 'members'), then.members);
    if (plan.add.length + plan.remove.length === 0) {
      return say(
        `The members of '${g.displayName}' are the same as at ${time.label} (${plan.keep}), so there is nothing to restore.`,
      );
    }
    const objects = await directoryObjectsOf(ctx.graph, [...plan.add, ...plan.remove]);
    const adding = principalsOf(plan.add, objects);
    const removing = principalsOf(plan.remove, objects);
    if (!isConfirmed(ctx)) return await confirm(ctx, intent, g, time, plan, adding, removing);
    return await restore(ctx, g, time.label, adding, removing);
  } catch (err) {
    return say(
      errorText(err, { groupName: g.displayName, rule: g.membershipRule ?? null, action: 'restore the members of' }),
    );
  }
}

async function confirm(
  ctx: CommandContext,
  intent: Intent,
  g: DirectoryGroup,
  time: { at: Date; label: string },
  plan: RestorePlan,
  adding: Principal[],
  removing: Principal[],
): Promise<Outcome> {
  const [addPreview, removePreview] = await Promise.all([
    lookAhead(ctx, g, 'add', adding),
    lookAhead(ctx, g, 'remove', removing),
  ]);
  const refusal = addPreview?.refusal ?? removePreview?.refusal;
  if (refusal) return say(refusal);
  const previews = [addPreview, removePreview].filter((p): p is ChangePreview => !!p);
  const names = (people: Principal[]): string =>
    people.length > 10 ? `${people.length} people` : people.map((p) => p.displayName).join(', ');
  const consequence = [
    adding.length ? `${nameList(adding.map((p) => p.displayName))} will be added back.` : '',
    removing.length ? `${nameList(removing.map((p) => p.displayName))} will be removed.` : '',
    `${plan.keep} member${plan.keep === 1 ? '' : 's'} stay${plan.keep === 1 ? 's' : ''} as they are. Owners are not changed.`,
  ]
    .filter(Boolean)
    .join(' ');
  // The confirmed run restores to this exact time, not to the phrase read again later ("yesterday" moves).
  const exact: Intent = { ...intent, groups: [g.id], when: time.at.toISOString() };
  return askToConfirm(ctx, exact, undefined, {
    title: `Restore the members of '${g.displayName}' to ${time.label}`,
    facts: [
      { title: 'Group', value: g.displayName },
      { title: 'Restore to', value: time.label },
      ...(adding.length ? [{ title: 'Add back', value: names(adding) }] : []),
      ...(removing.length ? [{ title: 'Remove', value: names(removing) }] : []),
    ],
    consequence,
    notes: previews.flatMap((p) => p.notes),
    warnings: previews.flatMap((p) => p.warnings),
    confirmLabel: 'Restore',
    ...(removing.length ? { destructive: true } : {}),
  });
}

/** Writes the restore (adds, then removes), journals it as one record with one Undo, and reports. Never throws for Graph per person. */
async function restore(
  ctx: CommandContext,
  g: DirectoryGroup,
  label: string,
  adding: Principal[],
  removing: Principal[],
): Promise<Outcome> {
  const added = adding.length ? await writeMembership(ctx.graph, g, 'members', 'add', adding) : [];
  const removed = removing.length ? await writeMembership(ctx.graph, g, 'members', 'remove', removing) : [];
  const recorded = ctx.journal
    ? await ctx.journal.record(
        ctx.actor,
        [
          ...membershipRecords(g, 'members', 'add', principalResults(added, 'members')),
          ...membershipRecords(g, 'members', 'remove', principalResults(removed, 'members')),
        ],
        ctx.now(),
      )
    : undefined;
  return restoreReport(ctx, g, label, { added, removed }, recorded);
}

/** The summary with a line per person and the outcome cards (adds, then removes; Undo on the last). */
function restoreReport(
  ctx: CommandContext,
  g: DirectoryGroup,
  label: string,
  results: { added: ChangeOutcome[]; removed: ChangeOutcome[] },
  recorded: RecordedChanges | undefined,
): Outcome {
  const { added, removed } = results;
  const lines = [
    ...added.map((r) => outcomeLine(r, 'addMembers', g)),
    ...removed.map((r) => outcomeLine(r, 'removeMembers', g)),
  ];
  const shown = lines.length > 50 ? [...lines.slice(0, 50), `…and ${lines.length - 50} more (see the cards).`] : lines;
  const text = `Restoring the members of '${g.displayName}' to ${label}:\n${shown.map((l) => `- ${l}`).join('\n')}${recorded?.undo ? '\nYou can undo this for 24 hours.' : ''}`;
  const undo = undoOption(recorded, ctx.now());
  const card = (operation: 'addMembers' | 'removeMembers', list: ChangeOutcome[], withUndo: boolean) =>
    buildMemberOutcomeCard({ operation, groups: [groupRef(g)], outcomes: rowsOf(list), ...(withUndo ? undo : {}) });
  const cards = [
    ...(added.length ? [card('addMembers', added, !removed.length)] : []),
    ...(removed.length ? [card('removeMembers', removed, true)] : []),
  ];
  const [first, ...rest] = cards;
  const replies: Reply[] = [reply(text, first), ...rest.map((c) => reply(`Removed from '${g.displayName}':`, c))];
  return outcome(...replies);
}

function outcomeLine(r: ChangeOutcome, operation: 'addMembers' | 'removeMembers', g: DirectoryGroup): string {
  return outcomeSentence(r.principal.displayName, OUTCOME_STATUS[r.result], operation, g.displayName, r.reason);
}

function rowsOf(results: ChangeOutcome[]): MemberOutcome[] {
  return results.map((r) => ({
    input: r.principal.displayName,
    person: { id: r.principal.id, displayName: r.principal.displayName },
    status: OUTCOME_STATUS[r.result],
    ...(r.reason ? { reason: r.reason } : {}),
  }));
}
