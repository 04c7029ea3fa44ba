/**
 * The journal of every change the bot makes (who asked, who approved, whose token, what changed, the result), kept
 * for "history of G" and Undo within 24 hours. The history and Undo commands live in bot/commands.
 */
export { JournalService, UNDO_HOURS, type JournalServiceOptions } from './journal-service';
export type { JournalAction, JournalChange, JournalSink, RecordedChanges, HistoryPage } from './journal-sink';
export * as changes from './change-records';
