/**
 * "what did I change today", "my recent changes": the asker's own changes through groupbot, across groups, newest
 * first, as the journal card (with Undo where it is still open). Only the asker's entries are read: the journal's
 * actor is whoever the channel said sent the message, never a name in the text.
 */
import type { Intent } from '../language';
import { buildJournalCard, describeJournalEntry } from '../../cards/journal-card';
import type { JournalEntry as CardEntry } from '../../cards/view-models';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { historyLine, toCardEntry } from './history-view';
import { timeOf } from './history-span';
import type { ResolvedTime } from '../language/time-phrase';

/** Most entries one answer shows. */
export const MY_CHANGES_SHOWN = 15;

/**
 * The asker's journal entries (within the time asked for, when any), newest first, at most MY_CHANGES_SHOWN, as a
 * journal card titled "Your changes (today)"; says so when there are more. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const journal = ctx.journal;
  let span: ResolvedTime | undefined;
  if (intent.when) {
    const t = timeOf(intent.when, ctx, 'what did I change today');
    if (typeof t === 'string') return say(t);
    span = t;
  }
  try {
    const page = await journal.changesBy(ctx.actor.id, {
      limit: MY_CHANGES_SHOWN,
      ...(span ? { from: span.from, to: new Date(span.to.getTime() + 1) } : {}),
    });
    const entries = page.entries.map(toCardEntry).filter((e): e is CardEntry => e !== undefined);
    const during = span ? ` (${intent.when})` : '';
    const title = `Your changes through groupbot${during}`;
    const more = page.nextBeforeSeq !== undefined;
    const moreText = more ? ` These are the latest ${entries.length}; ask about a shorter time for the others.` : '';
    const card = buildJournalCard({ title, entries, now: ctx.now().toISOString() });
    if (entries.length === 0)
      return outcome(
        reply(
          `You haven't made any changes through groupbot${span ? ` ${intent.when}` : ' yet'}. Changes you make elsewhere (the Entra admin center, PowerShell) are not in my journal.`,
          card,
        ),
      );
    const text = `${title}, newest first:\n${entries.map((e) => `- ${historyLine(e, describeJournalEntry)}`).join('\n')}${moreText}`;
    return outcome(reply(text, card));
  } catch (err) {
    return say(errorText(err));
  }
}
