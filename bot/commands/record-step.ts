import type { CommandContext } from './context';
import { errorText } from './error-text';
import { DomainError } from '../directory/errors';
import type { PersonRef } from '../store/types';
import { failedChange } from '../journal/change-records';
import type { JournalAction, JournalChange, RecordedChanges } from '../journal/journal-sink';
import { logOf } from '../log';

/** Journals one change made by the context's actor. Never throws. */
export async function journalChange(ctx: CommandContext, change: JournalChange): Promise<RecordedChanges | undefined> {
  return ctx.journal.record(ctx.actor, [change], ctx.now());
}

/** Journals a write Graph refused or that failed, with Graph's status and the user's sentence. Never throws. */
export async function journalFailure(
  ctx: CommandContext,
  action: JournalAction,
  group: PersonRef,
  err: unknown,
  target?: PersonRef,
): Promise<void> {
  const status = err instanceof DomainError ? (err.graph?.status ?? null) : null;
  await journalChange(ctx, failedChange(action, group, status, errorText(err, { groupName: group.name }), target));
}

/**
 * After a change that reverts an earlier one by other means (Restore on a deleted-group card), marks the group's
 * latest still-undoable `action` entry undone, so its Undo is no longer offered. Never throws.
 */
export async function settleReverted(ctx: CommandContext, groupId: string, action: JournalAction): Promise<void> {
  try {
    const page = await ctx.journal.history(groupId, { limit: 20 });
    const open = page.entries.find(
      (e) => e.action === action && e.undo && !e.undoneAt && e.undoUntil && e.undoUntil > ctx.now(),
    );
    if (open) await ctx.journal.markUndone(open.id, { id: ctx.actor.id, name: ctx.actor.displayName }, ctx.now());
  } catch (err) {
    logOf(ctx).warn('journal.revert.notSettled', { action, groupId, error: err });
  }
}
