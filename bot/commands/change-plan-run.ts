/**
 * Runs a confirmed change plan as one operation: the writes in order (batched as any membership change), one
 * outcome per person per group, one journal record whose one Undo puts everything back (entries are recorded in
 * the reverse order of the writes, so undoing them in order gives an owner back before the one who took over
 * leaves), and outcome cards per kind of change.
 */
import { writeMembership } from '../directory/members-bulk-write';
import type { ChangeOutcome } from '../directory/members-write';
import { membershipRecords } from '../journal/change-records';
import { principalResults } from '../journal/membership-results';
import type { JournalChange, RecordedChanges } from '../journal/journal-sink';
import { buildMemberOutcomeCard } from '../../cards/member-outcome-card';
import type { MemberOperation } from '../../cards/view-models';
import type { DirectoryGroup } from '../directory/types';
import { operationOf } from './change-plan';
import { checkWrite, type Skipped } from './change-plan-check';
import { outcomeLine, outcomeRow, personOutcomes, type PersonOutcome } from './change-plan-outcome';
import { storedPlanOf, type StoredPlan, type StoredWrite } from './change-plan-store';
import type { CommandContext, Outcome } from './context';
import type { AdaptiveCard } from '../../cards/card-types';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { undoOption } from './undo-reply';
import { groupRef } from './views';

/** One confirmed write: what Graph answered for the people written, and the people skipped with why. */
export interface WriteResult {
  write: StoredWrite;
  outcomes: ChangeOutcome[];
  skipped: Skipped[];
}

const SHOWN_LINES = 50;

/** The group as the membership write takes it (the stored fields are all it reads). Pure. */
function asGroup(w: StoredWrite): DirectoryGroup {
  return w.group as DirectoryGroup;
}

/**
 * Checks one confirmed write against the directory, then writes the people it still applies to; a whole-group
 * failure becomes a failed outcome for each of them. Never throws.
 */
async function runWrite(ctx: CommandContext, w: StoredWrite): Promise<WriteResult> {
  const checked = await checkWrite(ctx, w);
  if (checked.toWrite.length === 0) return { write: w, outcomes: [], skipped: checked.skipped };
  try {
    const outcomes = await writeMembership(ctx.graph, asGroup(w), w.relation, w.op, checked.toWrite);
    return { write: w, outcomes, skipped: checked.skipped };
  } catch (err) {
    const reason = errorText(err, { groupName: w.group.displayName, action: 'change' });
    const failed = checked.toWrite.map((principal) => ({ principal, result: 'failed' as const, reason }));
    return { write: w, outcomes: failed, skipped: checked.skipped };
  }
}

/** The journal record of the results: last write first, so one Undo reverts them in the right order. Never throws. */
async function journalResults(ctx: CommandContext, results: WriteResult[]): Promise<RecordedChanges | undefined> {
  const changes: JournalChange[] = [...results]
    .reverse()
    .flatMap((r) =>
      membershipRecords(r.write.group, r.write.relation, r.write.op, principalResults(r.outcomes, r.write.relation)),
    );
  return changes.length ? ctx.journal.record(ctx.actor, changes, ctx.now()) : undefined;
}

/** Every person's outcome, write by write. Pure. */
function outcomesOf(results: WriteResult[]): PersonOutcome[] {
  return results.flatMap((r) => personOutcomes(r.write, r.outcomes, r.skipped));
}

/** One outcome card per kind of change, Undo on the last. Pure. */
function cardsOf(ctx: CommandContext, results: WriteResult[], recorded: RecordedChanges | undefined): AdaptiveCard[] {
  const kinds: MemberOperation[] = ['addOwners', 'addMembers', 'removeMembers', 'removeOwners'];
  const present = kinds.filter((k) => results.some((r) => operationOf(r.write) === k));
  return present.map((operation, i) => {
    const rows = outcomesOf(results.filter((r) => operationOf(r.write) === operation)).map(outcomeRow);
    const groups = results.filter((r) => operationOf(r.write) === operation).map((r) => groupRef(r.write.group));
    const undo = i === present.length - 1 ? undoOption(recorded, ctx.now()) : {};
    return buildMemberOutcomeCard({ operation, groups, outcomes: rows, ...undo });
  });
}

/** Groups where Graph refused every write as not allowed: one sentence each. Pure. */
function forbiddenSentences(results: WriteResult[]): string[] {
  return results
    .filter((r) => r.outcomes.length > 0 && r.outcomes.every((o) => o.result === 'refused' && o.kind === 'forbidden'))
    .map(
      (r) =>
        `You can't change the ${r.write.relation} of '${r.write.group.displayName}': only its owners or an administrator can, so Microsoft Graph refused.`,
    );
}

/** "3 done, 1 skipped, 1 failed". Pure. */
function tally(people: PersonOutcome[]): string {
  const n = (s: PersonOutcome['status']): number => people.filter((p) => p.status === s).length;
  return [
    `${n('done')} done`,
    ...(n('skipped') ? [`${n('skipped')} skipped`] : []),
    ...(n('failed') ? [`${n('failed')} failed`] : []),
  ].join(', ');
}

/** The report text: heading, per-person lines (the first SHOWN_LINES), groups left alone, refusals, Undo. Pure. */
function reportText(plan: StoredPlan, results: WriteResult[], undoable: boolean): string {
  const people = outcomesOf(results);
  const lines = people.map(outcomeLine);
  const shown =
    lines.length > SHOWN_LINES
      ? [...lines.slice(0, SHOWN_LINES), `…and ${lines.length - SHOWN_LINES} more (see the cards).`]
      : lines;
  return [
    `${plan.heading} ${tally(people)}.`,
    ...shown.map((l) => `- ${l}`),
    ...plan.untouchable.map((u) => `'${u.group.displayName}' was left as it is (${u.why}).`),
    ...forbiddenSentences(results),
    ...(undoable ? ['You can undo all of this at once for 24 hours.'] : []),
  ].join('\n');
}

/**
 * Runs the confirmed list in order — each write checked against the directory just before it, nothing outside the
 * list touched — and answers with a summary (`heading` first), per-person lines, the outcome cards and Undo for 24
 * hours. Never throws.
 */
async function runPlan(ctx: CommandContext, plan: StoredPlan): Promise<Outcome> {
  const results: WriteResult[] = [];
  for (const w of plan.writes) results.push(await runWrite(ctx, w));
  const recorded = await journalResults(ctx, results);
  const text = reportText(plan, results, recorded?.undo !== undefined);
  const [first, ...rest] = cardsOf(ctx, results, recorded);
  return outcome(reply(text, first), ...rest.map((card) => reply('More outcomes:', card)));
}

/** The confirmed run of a plan: the list stored with the confirmation, or a plain refusal when there is none. */
export async function runConfirmedPlan(ctx: CommandContext): Promise<Outcome> {
  const plan = storedPlanOf(ctx);
  if (!plan)
    return say("I don't have the list this confirmation showed any more, so nothing was changed. Please ask again.");
  return runPlan(ctx, plan);
}
