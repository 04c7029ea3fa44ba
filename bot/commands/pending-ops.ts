import type { Intent } from '../language';
import type { CommandContext, PendingOperation } from './context';
import { snapshotFlag, type Snapshot } from './snapshot';

/** How long a choice, confirmation or "more" button stays usable. */
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

type Flags = Record<string, string | number | boolean>;

/** The flags a pending operation stores: the snapshot plus what the caller names (never the current run's one-shot flags). */
function carried(snapshot: Snapshot | undefined, extra: Flags): Flags {
  return { ...(snapshot ? snapshotFlag(snapshot) : {}), ...extra };
}

/** Stores a confirmation: continuing it with `confirmed` re-runs `intent` with `flags.confirmed`. Throws what the store throws. */
export function saveConfirm(ctx: CommandContext, intent: Intent, snapshot?: Snapshot, extra: Flags = {}): Promise<PendingOperation> {
  return ctx.pending.put({ actorId: ctx.actor.id, intent, kind: 'confirm', flags: carried(snapshot, extra), expiresAt: ctx.now().getTime() + PENDING_TTL_MS });
}

/** Stores a choice for one slot position among `candidateIds`. Throws what the store throws. */
export function saveChoice(
  ctx: CommandContext,
  intent: Intent,
  snapshot: Snapshot,
  slot: NonNullable<PendingOperation['slot']>,
  position: number,
  candidateIds: string[],
  extra: Flags = {},
): Promise<PendingOperation> {
  return ctx.pending.put({
    actorId: ctx.actor.id, intent, kind: 'choice', slot, position, candidateIds,
    flags: carried(snapshot, extra), expiresAt: ctx.now().getTime() + PENDING_TTL_MS,
  });
}
