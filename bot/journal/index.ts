/**
 * The journal of every change the bot makes (who asked, who approved, whose token, what changed, the result), kept
 * for "history of G" and Undo within 24 hours. The history and Undo commands live in bot/commands.
 */
export { JournalService } from './journal-service';
export type { JournalChange } from './journal-sink';
