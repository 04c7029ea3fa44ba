/**
 * A membership change (add or remove members or owners) in its six steps, each in its own file:
 * resolve (membership-resolve.ts) → refuse what cannot be done (membership-refuse.ts) → look ahead
 * (membership-lookahead.ts) → confirm (membership-confirm.ts) → write (membership-write.ts) → report
 * (membership-report.ts). The first run stops at the confirmation; the confirmed re-run writes and reports.
 */
import type { Intent } from '../language';
import { isConfirmed } from './confirm-step';
import type { CommandContext, Outcome } from './context';
import { outcome } from './reply';
import { confirmChange } from './membership-confirm';
import { lookAhead } from './membership-lookahead';
import { refuseWhatCannotBeDone } from './membership-refuse';
import { reportChange } from './membership-report';
import { resolveChange } from './membership-resolve';
import type { ChangeSpec } from './membership-spec';
import { writeChange } from './membership-write';

/**
 * Add or remove members or owners: resolve (one $batch), refuse at once what Graph would refuse for the
 * whole group, look ahead and confirm with the resolved names, then write in $batch chunks of 20 and report
 * per-person outcomes ("retry the failed ones", Undo, "ask the owners" when Graph says 403).
 * Throws only what the pending store throws (runIntent turns that into a sentence).
 */
export async function runMembershipChange(intent: Intent, ctx: CommandContext, spec: ChangeSpec): Promise<Outcome> {
  const resolved = await resolveChange(intent, ctx, spec);
  if (!resolved.ok) return resolved.outcome;
  const change = resolved.change;

  const { writable, refusals } = refuseWhatCannotBeDone(change.groups, spec);
  if (writable.length === 0) return outcome(...refusals);

  if (!isConfirmed(ctx)) {
    const ahead = await lookAhead(ctx, writable, change.people, spec);
    const refused = [...refusals, ...ahead.refusals];
    if (ahead.ready.length === 0) return outcome(...refused);
    return outcome(...refused, ...(await confirmChange(ctx, change, spec, ahead)));
  }

  const written = await writeChange(ctx, change, writable, spec);
  return reportChange(ctx, change, spec, refusals, written);
}
