import type { Intent } from '../language';
import type { CommandContext, PendingOperation } from './context';
import type { Continuation } from './continuation';
import { compactSnapshot } from './snapshot';

/** How long a choice, confirmation or "more" button stays usable. */
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

/** How long a used button is remembered with what it did, so a later click can say so. */
export const PENDING_DONE_TTL_MS = 24 * 60 * 60 * 1000;

/** The continuation as stored: snapshots compacted to what later steps need. */
function stored(next: Continuation | undefined): { continuation?: Continuation } {
  if (!next) return {};
  return {
    continuation: 'snapshot' in next && next.snapshot ? { ...next, snapshot: compactSnapshot(next.snapshot) } : next,
  };
}

/** Stores a confirmation: continuing it re-runs `intent` with `confirmed` and `next`. Throws what the store throws. */
export function saveConfirm(ctx: CommandContext, intent: Intent, next?: Continuation): Promise<PendingOperation> {
  return ctx.pending.put({
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    intent,
    kind: 'confirm',
    ...stored(next),
    expiresAt: ctx.now().getTime() + PENDING_TTL_MS,
  });
}

/** Stores a choice for one slot position among `candidateIds`. Throws what the store throws. */
export function saveChoice(
  ctx: CommandContext,
  intent: Intent,
  next: Continuation,
  slot: NonNullable<PendingOperation['slot']>,
  position: number,
  candidateIds: string[],
): Promise<PendingOperation> {
  return ctx.pending.put({
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    intent,
    kind: 'choice',
    slot,
    position,
    candidateIds,
    ...stored(next),
    expiresAt: ctx.now().getTime() + PENDING_TTL_MS,
  });
}
