import { randomUUID } from 'node:crypto';
import type { JournalRepository } from '../store/journal-repository';
import type { KeyValueRepository } from '../store/key-value-repository';
import type { TimeBoundMembershipRepository } from '../store/membership-repository';
import type { JournalEntry, NewJournalEntry, PersonRef } from '../store/types';
import type { Actor } from '../shared/types';
import type { HistoryPage, JournalChange, JournalSink, RecordedChanges, RunStart } from './journal-sink';
import { JournalRun, RUN_KV, type RunRecord } from './journal-run';
import { logOf, type Logger } from '../log';

/** How long a change can be undone, unless configured otherwise. */
export const UNDO_HOURS = 24;
const HOUR = 3_600_000;
/** Prefix of change keys (several entries undone by one button); entry ids are plain UUIDs. */
const CHANGE_PREFIX = 'chg-';
const CHANGE_KV = 'journal.change.';
/** The change key of a change's last entry (what "undo that" undoes when that entry is the latest). */
const CHANGE_OF_KV = 'journal.changeOf.';
const PAGE = 10;

export interface JournalServiceOptions {
  /** Undo window in hours (default 24). */
  undoHours?: number;
  newId?: () => string;
  /** Told about entries that could not be stored (the change itself already happened). Default: logged by `log`. */
  onError?: (err: unknown, change: JournalChange) => void;
  /**
   * Time-bound memberships: when an approved request's add is undone, its scheduled removal is ended with it, so
   * the sweeper never acts on it later.
   */
  memberships?: Pick<TimeBoundMembershipRepository, 'endEarly'>;
  /**
   * How long a bulk run may go without progress before it counts as interrupted (default 60 s). Every recorded
   * chunk renews it, so a run that is still working is never reported.
   */
  runLeaseSeconds?: number;
  /** Where failures to journal are logged (default: the process's logger). */
  log?: Logger;
}

/** The journal on the bot's store: records changes, pages history, finds what an Undo button stands for. */
export class JournalService implements JournalSink {
  private readonly undoMs: number;
  private readonly newId: () => string;
  private readonly onError: (err: unknown, change: JournalChange) => void;
  private readonly memberships: Pick<TimeBoundMembershipRepository, 'endEarly'> | undefined;
  private readonly runLeaseMs: number;
  private readonly log: Logger;

  constructor(
    private readonly repo: JournalRepository,
    private readonly keyValue: KeyValueRepository,
    options: JournalServiceOptions = {},
  ) {
    this.undoMs = (options.undoHours ?? UNDO_HOURS) * HOUR;
    this.newId = options.newId ?? randomUUID;
    this.memberships = options.memberships;
    this.runLeaseMs = (options.runLeaseSeconds ?? 60) * 1000;
    this.log = logOf(options);
    this.onError =
      options.onError ??
      ((err, change) => {
        // The change was made; only its journal entry is missing.
        this.log.warn('journal.append.failed', { action: change.action, groupId: change.group.id, error: err });
      });
  }

  /** See JournalSink.record. Never throws. */
  async record(actor: Actor, changes: JournalChange[], at: Date): Promise<RecordedChanges> {
    const entries = await this.append(actor, changes, at);
    return this.undoKeyFor(entries, new Date(at.getTime() + this.undoMs), changes[0]);
  }

  /**
   * Appends the changes as entries (the ones that could not be stored are reported through the error hook and
   * left out). Never throws.
   */
  async append(actor: Actor, changes: JournalChange[], at: Date): Promise<JournalEntry[]> {
    const who: PersonRef = { id: actor.id, name: actor.displayName || actor.userPrincipalName || actor.id };
    const undoUntil = new Date(at.getTime() + this.undoMs);
    const entries: JournalEntry[] = [];
    for (const c of changes) {
      const undoable = c.result === 'succeeded' && c.undo ? c.undo : null;
      const entry: NewJournalEntry = {
        id: this.newId(),
        at,
        action: c.action,
        actor: who,
        requestedBy: c.requestedBy ?? null,
        approvedBy: c.approvedBy ?? null,
        tokenOfId: actor.id,
        group: c.group,
        target: c.target ?? null,
        requestId: c.requestId ?? null,
        result: c.result,
        status: c.status,
        detail: c.detail ?? null,
        before: c.before ?? null,
        after: c.after ?? null,
        undo: undoable,
        undoUntil: undoable ? undoUntil : null,
      };
      try {
        entries.push(await this.repo.append(entry));
      } catch (err) {
        this.onError(err, c);
      }
    }
    return entries;
  }

  /** The one key that undoes every undoable entry of `entries` (the entry id for one). Never throws. */
  async undoKeyFor(
    entries: JournalEntry[],
    undoUntil: Date,
    first: JournalChange | undefined,
  ): Promise<RecordedChanges> {
    const undoable = entries.filter((e) => e.undo);
    if (undoable.length === 0) return { entries };
    if (undoable.length === 1) return { entries, undo: { key: (undoable[0] as JournalEntry).id, until: undoUntil } };
    const key = `${CHANGE_PREFIX}${this.newId()}`;
    try {
      await this.keyValue.putExpiring(CHANGE_KV + key, { entryIds: undoable.map((e) => e.id) }, undoUntil);
      // "undo that" finds the latest entry; this pointer turns it into the whole change it belongs to.
      const last = undoable[undoable.length - 1] as JournalEntry;
      await this.keyValue.putExpiring(CHANGE_OF_KV + last.id, { key }, undoUntil);
    } catch (err) {
      if (first) this.onError(err, first);
      else this.log.warn('journal.undoKey.notStored', { error: err });
      return { entries };
    }
    return { entries, undo: { key, until: undoUntil } };
  }

  /** See JournalSink.history. Throws on database errors. */
  async history(groupId: string, options: { beforeSeq?: number; limit?: number } = {}): Promise<HistoryPage> {
    const limit = Math.max(1, Math.min(options.limit ?? PAGE, 50));
    const rows = await this.repo.historyOfGroup(groupId, {
      limit: limit + 1,
      ...(options.beforeSeq !== undefined ? { beforeSeq: options.beforeSeq } : {}),
    });
    const entries = rows.slice(0, limit);
    const last = entries[entries.length - 1];
    return rows.length > limit && last ? { entries, nextBeforeSeq: last.seq } : { entries };
  }

  /** See JournalSink.changesBy. Throws on database errors. */
  async changesBy(
    actorId: string,
    options: { from?: Date; to?: Date; beforeSeq?: number; limit?: number } = {},
  ): Promise<HistoryPage> {
    const limit = Math.max(1, Math.min(options.limit ?? PAGE, 50));
    const rows = await this.repo.byActor(actorId, { ...options, limit: limit + 1 });
    const entries = rows.slice(0, limit);
    const last = entries[entries.length - 1];
    return rows.length > limit && last ? { entries, nextBeforeSeq: last.seq } : { entries };
  }

  /** See JournalSink.latestUndoable. Throws on database errors. */
  async latestUndoable(actorId: string, now: Date): Promise<JournalEntry | undefined> {
    return (await this.repo.undoableFor(actorId, now, { limit: 1 }))[0];
  }

  /**
   * See JournalSink.latestUndoKey: the key of the actor's latest undoable change — the whole change (every entry
   * one Undo button stands for) when its latest entry was recorded as part of one. Throws on database errors.
   */
  async latestUndoKey(actorId: string, now: Date): Promise<string | undefined> {
    const latest = await this.latestUndoable(actorId, now);
    if (!latest) return undefined;
    const change = (await this.keyValue.getUnexpired(CHANGE_OF_KV + latest.id, now)) as { key?: unknown } | undefined;
    return typeof change?.key === 'string' ? change.key : latest.id;
  }

  /** See JournalSink.undoTargets. Throws on database errors. */
  async undoTargets(key: string, now: Date): Promise<JournalEntry[]> {
    if (key.startsWith(CHANGE_PREFIX)) {
      const stored = await this.keyValue.getUnexpired(CHANGE_KV + key, now);
      const ids = (stored as { entryIds?: unknown } | undefined)?.entryIds;
      if (!Array.isArray(ids)) return [];
      const found = await Promise.all(
        ids.filter((x): x is string => typeof x === 'string').map((id) => this.repo.get(id)),
      );
      return found.filter((e): e is JournalEntry => e !== undefined);
    }
    const one = await this.repo.get(key);
    return one ? [one] : [];
  }

  /**
   * See JournalSink.markUndone. Marking an approved request's add undone also ends the time-bound membership it
   * granted (the member is out, so its scheduled removal must not run later; a failure there is only warned
   * about). Throws on database errors of the journal itself.
   */
  async markUndone(id: string, by: PersonRef, at: Date): Promise<JournalEntry | undefined> {
    const entry = await this.repo.markUndone(id, by, at);
    if (entry && this.memberships && entry.action === 'member.add' && entry.requestId && entry.group && entry.target) {
      try {
        await this.memberships.endEarly(entry.group.id, entry.target.id, at);
      } catch (err) {
        // The undo itself is done; the sweeper's later removal then finds the member already gone (harmless).
        this.log.warn('journal.undo.membershipNotEnded', { requestId: entry.requestId, error: err });
      }
    }
    return entry;
  }

  /**
   * Starts a bulk run: stores what is about to be done before the first write, so that an interruption (a crash,
   * a restart) leaves a trace that interruptedRuns finds. Throws on database errors (nothing was written yet).
   */
  async beginRun(actor: Actor, start: RunStart, at: Date): Promise<JournalRun> {
    const record: RunRecord = {
      id: this.newId(),
      actor: { id: actor.id, name: actor.displayName || actor.userPrincipalName || actor.id },
      ...start,
      done: [],
      entryIds: [],
      startedAt: at.toISOString(),
      leaseUntil: new Date(at.getTime() + this.runLeaseMs).toISOString(),
    };
    const run = new JournalRun(this, this.keyValue, record, actor, this.runLeaseMs, this.undoMs);
    await run.save(at);
    return run;
  }

  /** Runs whose lease ran out at `now` without finishing (oldest first). Throws on database errors. */
  async interruptedRuns(now: Date): Promise<RunRecord[]> {
    const rows = await this.keyValue.listUnexpired(RUN_KV, now);
    return rows
      .map((r) => r.value as RunRecord)
      .filter((r) => typeof r?.id === 'string' && Date.parse(r.leaseUntil) <= now.getTime());
  }

  /**
   * Claims an interrupted run for reporting, exactly once across instances: resolves to it, or undefined when
   * another instance took it or it is running again. Throws on database errors.
   */
  async claimInterrupted(id: string, now: Date): Promise<RunRecord | undefined> {
    const taken = (await this.keyValue.take(RUN_KV + id, now)) as RunRecord | undefined;
    if (!taken) return undefined;
    if (Date.parse(taken.leaseUntil) > now.getTime()) {
      await this.keyValue.putExpiring(RUN_KV + id, taken, new Date(now.getTime() + RUN_KEEP_MS));
      return undefined;
    }
    return taken;
  }
}

/** How long an unfinished run is kept for reporting. */
export const RUN_KEEP_MS = 7 * 24 * HOUR;
