/**
 * The look-ahead of a change plan, as for any membership change (change-preview.ts): per member write, one read
 * of what it will do (licences the group gives and takes, guests, disabled accounts, nested groups), merged into
 * the notes and warnings of one confirmation card, with the groups that cannot be changed here listed.
 */
import { readChangeFacts } from '../directory/change-lookahead';
import { forEachConcurrently } from '../shared/concurrent-each';
import { previewChange, type ChangePreview } from './change-preview';
import type { ChangePlan, PlannedWrite } from './change-plan';
import { leftOutSentence, storePlan } from './change-plan-store';
import { askToConfirm, type ConfirmSpec } from './confirm-step';
import type { CommandContext, Outcome } from './context';
import type { Intent } from '../language';
import type { Snapshot } from './snapshot';
import { logOf } from '../log';

/** Look-aheads in flight at once. */
const LOOKAHEAD_CONCURRENCY = 4;

/** What the plan's look-ahead found, ready for the confirmation card. */
export interface PlanPreview {
  notes: string[];
  warnings: string[];
  skipped: { reason: string; names: string[] }[];
  /** Writes Graph will refuse as a whole (a group synced from on-premises), with the sentence. */
  refusals: string[];
}

/** Prefixes a preview sentence with its group when it says "this group". Pure. */
function about(w: PlannedWrite, sentence: string): string {
  return sentence.includes('this group') ? `'${w.group.displayName}': ${sentence}` : sentence;
}

/** One write's preview; undefined when its look-ahead could not be read (the card then says less). Never throws. */
async function previewWrite(ctx: CommandContext, w: PlannedWrite): Promise<ChangePreview | undefined> {
  try {
    // Owners are the plan's business (who stays owner, who takes over), so the look-ahead leaves them out.
    const { owners: _owners, ...facts } = await readChangeFacts(ctx.graph, w.group.id, w.relation, w.people);
    return previewChange({ group: w.group, relation: w.relation, op: w.op, people: w.people, facts });
  } catch (err) {
    logOf(ctx).warn('plan.lookahead.failed', { groupId: w.group.id, error: err });
    return undefined;
  }
}

/**
 * Reads the look-ahead of every member write of the plan (owner writes are checked by the plan itself: who stays
 * owner). Never throws.
 */
export async function previewPlan(ctx: CommandContext, plan: ChangePlan): Promise<PlanPreview> {
  const out: PlanPreview = { notes: [], warnings: [], skipped: [], refusals: [] };
  const member = plan.writes.filter((w) => w.relation === 'members');
  const previews: (ChangePreview | undefined)[] = [];
  await forEachConcurrently(member, LOOKAHEAD_CONCURRENCY, async (w, i) => {
    previews[i] = await previewWrite(ctx, w);
  });
  member.forEach((w, i) => {
    const p = previews[i];
    if (!p) return;
    if (p.refusal) out.refusals.push(p.refusal);
    out.notes.push(...p.notes.map((n) => about(w, n)));
    out.warnings.push(...p.warnings.map((n) => about(w, n)));
    out.skipped.push(...p.skipped.map((s) => ({ reason: `${s.reason} of '${w.group.displayName}'`, names: s.names })));
  });
  return out;
}

/**
 * The confirmation of a plan: the command's title, facts and consequence, plus what the look-ahead found. The
 * plan's list is stored with the pending confirmation (what the confirmed run executes, `heading` its report's
 * first words); a list too large to keep is cut, and the card says so. Throws what the store throws.
 */
export async function confirmPlan(
  ctx: CommandContext,
  intent: Intent,
  snapshot: Snapshot,
  plan: ChangePlan,
  spec: Pick<ConfirmSpec, 'title' | 'facts' | 'consequence' | 'confirmLabel' | 'destructive'> & { heading: string },
): Promise<Outcome> {
  const seen = await previewPlan(ctx, plan);
  const { stored, leftOut } = storePlan(plan, spec.heading);
  const untouchable = plan.untouchable.map((u) => `'${u.group.displayName}' cannot be changed here (${u.why}).`);
  const { heading: _heading, ...card } = spec;
  return askToConfirm(ctx, intent, snapshot, {
    ...card,
    continuation: { kind: 'changePlan', snapshot, plan: stored },
    skipped: seen.skipped,
    notes: [...seen.notes, ...untouchable],
    warnings: [...(leftOut ? [leftOutSentence(leftOut)] : []), ...plan.flags, ...seen.refusals, ...seen.warnings],
  });
}
