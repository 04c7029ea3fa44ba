/**
 * What the history commands use: the store's history, and a catch-up round before answering a question about a
 * watched group (so a change made a minute ago is there), with the asker's own token and the same claim the
 * poller uses, so a group never has two rounds at once.
 */
import type { GraphSession } from '../directory/graph-session';
import type { Logger } from '../log';
import type { HistoryRepository, Store } from '../store';
import { pollGroup } from './history-poller';

/** Rounds closer together than this are not repeated for a question. */
const CATCH_UP_AFTER_MS = 15_000;

export class HistoryService {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    /** Seconds between polls of one group, for the "checked every N minutes" sentences. */
    readonly pollSeconds: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The watched groups and their events. */
  get repo(): HistoryRepository {
    return this.store.history;
  }

  /**
   * Runs a round for a watched group now with `session`, unless one ran in the last seconds or another is
   * running. False when nothing ran or it failed (logged); the question is then answered from what is stored.
   * Never throws.
   */
  async catchUp(groupId: string, session: GraphSession): Promise<boolean> {
    try {
      const cursor = await this.store.history.claim(groupId, this.clock(), 60_000, CATCH_UP_AFTER_MS);
      if (!cursor) return false;
      try {
        await pollGroup({ store: this.store, log: this.log, clock: this.clock }, cursor, session);
        return true;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.log.warn('history.catchUp.failed', { groupId, error: message });
        await this.store.history.roundFailed(groupId, message, this.clock());
        return false;
      }
    } catch (err) {
      this.log.warn('history.catchUp.failed', { groupId, error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  }
}
