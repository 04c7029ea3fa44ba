/**
 * The journal of every change the bot makes (who asked, who approved, whose token, the Graph call, the result),
 * "history of G", and Undo within 24 hours.
 */
export { JournalService, UNDO_HOURS, type JournalServiceOptions } from './journal-service';
export type { JournalAction, JournalChange, JournalSink, RecordedChanges, HistoryPage } from './journal-sink';
export * as changes from './change-records';
export { planUndo, whyNotUndoable, isKnownUndoCall, undoPhrase, type UndoPlan } from './undo-plan';
export { runUndo, type UndoResult } from './undo-run';
export { startUndo, confirmUndo } from './undo-command';
export { outcomeReply, undoOption, buildUndoableOutcomeCard } from './undo-reply';
