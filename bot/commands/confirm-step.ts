import type { Intent } from '../language';
import { buildConfirmationCard, confirmationSentences } from '../../cards/confirmation-card';
import type { CommandContext, Outcome } from './context';
import { resolved, type Continuation } from './continuation';
import { saveConfirm } from './pending-ops';
import { outcome, reply } from './reply';
import type { Snapshot } from './snapshot';

export interface ConfirmSpec {
  title: string;
  facts: { title: string; value: string }[];
  consequence: string;
  confirmLabel?: string;
  destructive?: boolean;
  /** What the confirmed run continues with, when more than the snapshot (a group form, an Undo key). */
  continuation?: Continuation;
  /** People left as is, by reason; further consequences; warnings (see the confirmation card). */
  skipped?: { reason: string; names: string[] }[];
  notes?: string[];
  warnings?: string[];
  /** Groups to offer a Show button for (see the confirmation card). */
  showGroups?: { id: string; displayName: string }[];
}

/**
 * Stores the (already resolved) intent as a confirmation and answers with the confirmation card. Confirming
 * re-runs the intent with `confirmed`; the snapshot spares the lookups. Throws what the store throws.
 */
export async function askToConfirm(
  ctx: CommandContext,
  intent: Intent,
  snapshot: Snapshot | undefined,
  spec: ConfirmSpec,
): Promise<Outcome> {
  const op = await saveConfirm(ctx, intent, spec.continuation ?? (snapshot ? resolved(snapshot) : undefined));
  const card = buildConfirmationCard({
    pendingId: op.id,
    title: spec.title,
    facts: spec.facts,
    consequence: spec.consequence,
    ...(spec.confirmLabel ? { confirmLabel: spec.confirmLabel } : {}),
    ...(spec.destructive ? { destructive: true } : {}),
    ...(spec.skipped?.length ? { skipped: spec.skipped } : {}),
    ...(spec.notes?.length ? { notes: spec.notes } : {}),
    ...(spec.warnings?.length ? { warnings: spec.warnings } : {}),
    ...(spec.showGroups?.length ? { showGroups: spec.showGroups } : {}),
  });
  const said = confirmationSentences(spec).join(' ');
  return outcome(
    reply(`${spec.title}? ${said} Choose ${spec.confirmLabel ?? 'Confirm'} to go ahead, or Cancel.`, card),
  );
}

/** True when this run is the confirmed re-run of a confirmation. */
export function isConfirmed(ctx: CommandContext): boolean {
  return ctx.confirmed === true;
}
