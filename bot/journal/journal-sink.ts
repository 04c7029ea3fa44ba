import type { DirectoryOperation } from '../directory/directory-operation';
import type { Actor } from '../shared/types';
import type { JournalEntry, PersonRef } from '../store/types';

/** The changes the bot journals; request-flow entries (`request.deny`, ...) come from bot/requests. */
export type JournalAction =
  | 'member.add'
  | 'member.remove'
  | 'owner.add'
  | 'owner.remove'
  | 'group.create'
  | 'group.rename'
  | 'group.update'
  | 'group.delete'
  | 'group.restore'
  | 'rule.set'
  | 'license.assign'
  | 'license.remove'
  | 'group.renew';

/** One write a command made, as the command describes it (the service adds id, time, actor and token owner). */
export interface JournalChange {
  action: JournalAction;
  group: PersonRef;
  /** The member, owner or licence the change was about. */
  target?: PersonRef | null;
  result: 'succeeded' | 'failed' | 'no-op';
  /** HTTP status of the call, when known. */
  status: number | null;
  detail?: string | null;
  /** The values the change replaced and set (a rename's names, a licence's previous plans), when it has any. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** The operation that reverts the change (from bot/directory's inverseOperation); stored only when it succeeded. */
  undo?: DirectoryOperation | null;
  /** Set when the change was made for someone else (an approved request). */
  requestedBy?: PersonRef | null;
  approvedBy?: PersonRef | null;
  requestId?: string | null;
}

/** What `record` stored: the entries, and the one key that undoes all of the undoable ones at once. */
export interface RecordedChanges {
  entries: JournalEntry[];
  /** An entry id (one undoable change) or a change key (several); absent when nothing can be undone. */
  undo?: { key: string; until: Date };
}

/** What a bulk run is about to do: one action for every person in every group. */
export interface RunStart {
  action: 'member.add' | 'member.remove' | 'owner.add' | 'owner.remove';
  groups: PersonRef[];
  people: PersonRef[];
}

/** A bulk change being journalled as it lands (JournalService.beginRun). */
export interface BulkRun {
  /** Journals one chunk's outcomes and marks them done. Never throws. */
  landed(changes: JournalChange[], at: Date): Promise<void>;
  /** Ends the run: the one Undo key for everything it changed. Never throws. */
  finish(at: Date): Promise<RecordedChanges>;
}

/** One page of a group's history, newest first. */
export interface HistoryPage {
  entries: JournalEntry[];
  /** Pass as `beforeSeq` for the next page; absent on the last page. */
  nextBeforeSeq?: number;
}

/**
 * Where commands record the changes they make, and read them back for "history of G" and Undo. Implemented by
 * JournalService on the bot's store.
 */
export interface JournalSink {
  /**
   * Records changes made by `actor` with the actor's own token. Never throws: an entry that cannot be stored is
   * reported through the service's error hook and left out of the result (the change itself already happened).
   */
  record(actor: Actor, changes: JournalChange[], at: Date): Promise<RecordedChanges>;
  /** The group's entries, newest first. Throws on database errors. */
  history(groupId: string, options?: { beforeSeq?: number; limit?: number }): Promise<HistoryPage>;
  /**
   * The entries an undo key stands for (an entry id, or a change key from `record`), or [] when the key is
   * unknown or its change key expired by `now`. Throws on database errors.
   */
  undoTargets(key: string, now: Date): Promise<JournalEntry[]>;
  /**
   * The changes `actorId` made through groupbot, across groups, newest first ("what did I change today"): at most
   * `limit` (default 10, at most 50) within [from, to) when given. Throws on database errors.
   */
  changesBy(
    actorId: string,
    options?: { from?: Date; to?: Date; beforeSeq?: number; limit?: number },
  ): Promise<HistoryPage>;
  /** The actor's most recent change that can still be undone at `now` ("oops, undo that"). Throws on database errors. */
  latestUndoable(actorId: string, now: Date): Promise<JournalEntry | undefined>;
  /**
   * The Undo key of the actor's most recent undoable change: the key of the whole change (one Undo for an
   * offboarding's every removal) when the latest entry belongs to one, else that entry's id. Throws on database errors.
   */
  latestUndoKey(actorId: string, now: Date): Promise<string | undefined>;
  /**
   * Starts a bulk run, stored before its first write so that an interruption leaves a trace (see journal-run.ts).
   * Throws on database errors.
   */
  beginRun(actor: Actor, start: RunStart, at: Date): Promise<BulkRun>;
  /** Marks an entry undone exactly once while its window is open (see JournalRepository.markUndone). */
  markUndone(id: string, by: PersonRef, at: Date): Promise<JournalEntry | undefined>;
}
