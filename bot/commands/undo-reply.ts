import { executeButton } from '../../cards/actions';
import { cardTime } from '../../cards/card-time';
import { adaptiveCard, subtle, textBlock } from '../../cards/elements';
import { md, plain } from '../../cards/markdown';
import type { AdaptiveCard } from '../../cards/card-types';
import type { Reply } from './context';
import { reply } from './reply';
import type { RecordedChanges } from '../journal/journal-sink';

/** The `undo` option of member-outcome-card, when the change can be undone. */
export function undoOption(
  recorded: RecordedChanges | undefined,
  now: Date,
): { undo: { journalId: string; undoUntil: string; now: string } } | Record<string, never> {
  return recorded?.undo
    ? { undo: { journalId: recorded.undo.key, undoUntil: recorded.undo.until.toISOString(), now: now.toISOString() } }
    : {};
}

/** A small outcome card: the sentence, and Undo while the window is open. Never throws. */
export function buildUndoableOutcomeCard(text: string, key: string, until: Date): AdaptiveCard {
  return adaptiveCard({
    fallbackText: text,
    body: [textBlock(plain(text)), subtle(md`Undo is available until ${cardTime(until.toISOString())}.`)],
    actions: [executeButton('Undo', { verb: 'undo', journalId: key })],
  });
}

/** The outcome of a write: the sentence, with the Undo card when the recorded change can be undone. Never throws. */
export function outcomeReply(text: string, recorded: RecordedChanges | undefined): Reply {
  return recorded?.undo
    ? reply(text, buildUndoableOutcomeCard(text, recorded.undo.key, recorded.undo.until))
    : reply(text);
}
