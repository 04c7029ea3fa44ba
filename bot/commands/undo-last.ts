import type { Intent } from '../language';
import { startUndo } from './undo';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { say } from './reply';

const NOTHING = "There's nothing of yours I can undo right now: I can undo a change you made through me for 24 hours.";

/**
 * "oops, undo that": finds the actor's most recent change that can still be undone and asks to confirm undoing
 * it (the same confirmation as the Undo button). Never throws.
 */
export async function run(_intent: Intent, ctx: CommandContext): Promise<Outcome> {
  try {
    const key = await ctx.journal.latestUndoKey(ctx.actor.id, ctx.now());
    if (!key) return say(NOTHING);
    return await startUndo(key, ctx);
  } catch (err) {
    return say(errorText(err));
  }
}
