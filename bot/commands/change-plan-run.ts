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
import { buildMemberOutcomeCard, outcomeSentence } from '../../cards/member-outcome-card';
import type { MemberOperation, MemberOutcome } from '../../cards/view-models';
import { operationOf, type ChangePlan, type PlannedWrite } from './change-plan';
import type { CommandContext, Outcome } from './context';
import type { AdaptiveCard } from '../../cards/card-types';
import { errorText } from './error-text';
import { OUTCOME_STATUS } from './membership-spec';
import { outcome, reply } from './reply';
import { undoOption } from './undo-reply';
import { groupRef } from './views';

/** One write and what Graph answered for each of its people. */
export interface WriteResult {
  write: PlannedWrite;
  outcomes: ChangeOutcome[];
}

const SHOWN_LINES = 50;

/** Runs one write; a whole-group failure becomes a failed outcome for each of its people. Never throws. */
async function runWrite(ctx: CommandContext, w: PlannedWrite): Promise<WriteResult> {
  try {
    return { write: w, outcomes: await writeMembership(ctx.graph, w.group, w.relation, w.op, w.people) };
  } catch (err) {
    const reason = errorText(err, { groupName: w.group.displayName, action: 'change' });
    return { write: w, outcomes: w.people.map((principal) => ({ principal, result: 'failed' as const, reason })) };
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

/** The sentence for one person's outcome in one group. Pure. */
function lineOf(r: WriteResult, o: ChangeOutcome): string {
  return outcomeSentence(
    o.principal.displayName,
    OUTCOME_STATUS[o.result],
    operationOf(r.write),
    r.write.group.displayName,
    o.reason,
  );
}

/** The outcome rows of one kind of change (removed as member, made owner…). Pure. */
function rowsOf(results: WriteResult[], operation: MemberOperation): MemberOutcome[] {
  return results
    .filter((r) => operationOf(r.write) === operation)
    .flatMap((r) =>
      r.outcomes.map((o) => ({
        input: o.principal.displayName,
        person: { id: o.principal.id, displayName: o.principal.displayName },
        group: groupRef(r.write.group),
        status: OUTCOME_STATUS[o.result],
        ...(o.reason ? { reason: o.reason } : {}),
      })),
    );
}

/** One outcome card per kind of change, Undo on the last. Pure. */
function cardsOf(ctx: CommandContext, results: WriteResult[], recorded: RecordedChanges | undefined): AdaptiveCard[] {
  const kinds: MemberOperation[] = ['addOwners', 'addMembers', 'removeMembers', 'removeOwners'];
  const present = kinds.filter((k) => results.some((r) => operationOf(r.write) === k));
  return present.map((operation, i) => {
    const rows = rowsOf(results, operation);
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

/**
 * Runs the plan's writes in order and answers with a summary (`heading` first), per-person lines, the outcome
 * cards and Undo for 24 hours when a journal is configured. Never throws.
 */
export async function runPlan(ctx: CommandContext, plan: ChangePlan, heading: string): Promise<Outcome> {
  const results: WriteResult[] = [];
  for (const w of plan.writes) results.push(await runWrite(ctx, w));
  const recorded = await journalResults(ctx, results);
  const lines = results.flatMap((r) => r.outcomes.map((o) => lineOf(r, o)));
  const shown =
    lines.length > SHOWN_LINES
      ? [...lines.slice(0, SHOWN_LINES), `…and ${lines.length - SHOWN_LINES} more (see the cards).`]
      : lines;
  const left = plan.untouchable.map((u) => `'${u.group.displayName}' was left as it is (${u.why}).`);
  const text = [
    heading,
    ...shown.map((l) => `- ${l}`),
    ...left,
    ...forbiddenSentences(results),
    ...(recorded?.undo ? ['You can undo all of this at once for 24 hours.'] : []),
  ].join('\n');
  const [first, ...rest] = cardsOf(ctx, results, recorded);
  return outcome(reply(text, first), ...rest.map((card) => reply('More outcomes:', card)));
}
