/**
 * A bulk membership change in progress: recorded before its first write and after every chunk that lands, so an
 * interrupted run (the process killed mid-way) can be found after a restart, reported to whoever asked, and
 * finished with "retry the rest". History shows every change that landed, since each is journalled as it lands.
 */
import type { KeyValueRepository } from '../store/key-value-repository';
import type { JournalEntry, PersonRef } from '../store/types';
import type { Actor } from '../shared/types';
import type { BulkRun, JournalChange, RecordedChanges, RunStart } from './journal-sink';
import { processLogger } from '../log';

/** Key prefix of runs in the key/value table. */
export const RUN_KV = 'journal.run.';
const KEEP_MS = 7 * 24 * 3_600_000;

/** A run as stored. `done` holds `groupId/personId` of every pair whose outcome was recorded. */
export interface RunRecord extends RunStart {
  id: string;
  actor: PersonRef;
  done: string[];
  entryIds: string[];
  startedAt: string;
  /** Until then the run counts as working; every recorded chunk renews it. */
  leaseUntil: string;
}

/** The part of the journal service a run writes through. */
interface RunJournal {
  append(actor: Actor, changes: JournalChange[], at: Date): Promise<JournalEntry[]>;
  undoKeyFor(entries: JournalEntry[], undoUntil: Date, first: JournalChange | undefined): Promise<RecordedChanges>;
}

/** The pairs of `run` whose outcome is not recorded (the "rest" of an interrupted run). Never throws. */
export function remainingPairs(run: RunRecord): { group: PersonRef; person: PersonRef }[] {
  const done = new Set(run.done);
  return run.groups.flatMap((group) =>
    run.people.filter((p) => !done.has(`${group.id}/${p.id}`)).map((person) => ({ group, person })),
  );
}

export class JournalRun implements BulkRun {
  private readonly entries: JournalEntry[] = [];
  private first: JournalChange | undefined;

  constructor(
    private readonly journal: RunJournal,
    private readonly keyValue: KeyValueRepository,
    readonly record: RunRecord,
    private readonly actor: Actor,
    private readonly leaseMs: number,
    private readonly undoMs: number,
  ) {}

  /** Stores the run's state, renewing its lease. Throws on database errors. */
  async save(at: Date): Promise<void> {
    this.record.leaseUntil = new Date(at.getTime() + this.leaseMs).toISOString();
    await this.keyValue.putExpiring(RUN_KV + this.record.id, this.record, new Date(at.getTime() + KEEP_MS));
  }

  /**
   * Journals one chunk's outcomes as they land and marks their pairs done. Never throws: a failure to store the
   * progress is warned about (the entries that were stored still show in history).
   */
  async landed(changes: JournalChange[], at: Date): Promise<void> {
    this.first ??= changes[0];
    const entries = await this.journal.append(this.actor, changes, at);
    this.entries.push(...entries);
    for (const c of changes) if (c.target) this.record.done.push(`${c.group.id}/${c.target.id}`);
    this.record.entryIds.push(...entries.map((e) => e.id));
    try {
      await this.save(at);
    } catch (err) {
      processLogger().warn('journal.run.progressNotStored', { runId: this.record.id, error: err });
    }
  }

  /** Ends the run: forgets it and returns the one Undo key for everything it changed. Never throws. */
  async finish(at: Date): Promise<RecordedChanges> {
    try {
      await this.keyValue.delete(RUN_KV + this.record.id);
    } catch (err) {
      // It may then be reported as interrupted.
      processLogger().warn('journal.run.notClosed', { runId: this.record.id, error: err });
    }
    return this.journal.undoKeyFor(this.entries, new Date(at.getTime() + this.undoMs), this.first);
  }
}
