/**
 * Asynchronous dynamic membership, as Entra does it: a write that creates a dynamic group, changes its rule or
 * turns processing On, or changes a user a rule may read, does not change memberships itself. It queues the
 * work (kept in the directory's meta table, in the same transaction, so a restart resumes it) and a later write,
 * `delayMs` afterwards, evaluates the rules. Paused groups are never queued. The processing status of each
 * group (`membershipRuleProcessingStatus`: NotStarted, Running, Succeeded, Failed) is kept in memory; Graph
 * exposes it on the beta endpoint only. With `delayMs` 0 the effect hook evaluates inside the write itself
 * (instant membership, for tests that need it).
 */
import type { DirectoryStore, WriteTx } from '../store/directory-store';
import { nowIso } from './object-factory';

export const PENDING_META_KEY = 'dynamicPending';

/** Default delay between a write and the evaluation it triggers, when none is configured. */
export const DEFAULT_DYNAMIC_DELAY_MS = 3000;

export interface ProcessingStatus {
  status: 'NotStarted' | 'Running' | 'Succeeded' | 'Failed';
  lastMembershipUpdated: string | null;
  errorMessage: string | null;
}

export interface PendingWork {
  groups: string[];
  users: string[];
}

/** Evaluates queued work inside a write: full groups, then users against every active dynamic group. */
export type Evaluate = (tx: WriteTx, work: PendingWork) => void;

const processors = new WeakMap<DirectoryStore, DynamicProcessor>();

/** The processor serving a store, if one was started. Never throws. */
export function processorOf(store: DirectoryStore): DynamicProcessor | undefined {
  return processors.get(store);
}

function pendingOf(store: DirectoryStore): PendingWork {
  const raw = store.meta.get(PENDING_META_KEY);
  if (!raw) return { groups: [], users: [] };
  try {
    return JSON.parse(raw) as PendingWork;
  } catch {
    return { groups: [], users: [] }; // written only here; an unreadable entry is dropped, never fatal
  }
}

export class DynamicProcessor {
  private readonly statuses = new Map<string, ProcessingStatus>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** True while the processor's own write runs: its cascades are evaluated inline. */
  private inline = false;

  constructor(
    private readonly store: DirectoryStore,
    readonly delayMs: number,
    private readonly evaluate: Evaluate,
    private readonly onError: (err: unknown) => void,
  ) {
    processors.set(store, this);
  }

  /** True when the effect hook must evaluate inside the current write. Never throws. */
  evaluatesInline(): boolean {
    return this.delayMs <= 0 || this.inline;
  }

  /** Queues work from inside a write (persisted with it) and schedules processing. Never throws. */
  queue(tx: WriteTx, work: PendingWork): void {
    if (!work.groups.length && !work.users.length) return;
    const pending = pendingOf(tx.store);
    const groups = new Set([...pending.groups, ...work.groups]);
    const users = new Set([...pending.users, ...work.users]);
    tx.stage({
      op: 'setMeta',
      key: PENDING_META_KEY,
      value: JSON.stringify({ groups: [...groups], users: [...users] }),
    });
    for (const id of work.groups)
      this.statuses.set(id, {
        status: 'NotStarted',
        lastMembershipUpdated: this.statuses.get(id)?.lastMembershipUpdated ?? null,
        errorMessage: null,
      });
    this.schedule();
  }

  /** Schedules processing of work left from a previous run (call once at start). Never throws. */
  resume(): void {
    const pending = pendingOf(this.store);
    for (const id of pending.groups)
      this.statuses.set(id, { status: 'NotStarted', lastMembershipUpdated: null, errorMessage: null });
    if (pending.groups.length || pending.users.length) this.schedule();
  }

  /** The processing status of a group: Succeeded for groups never queued since start. Never throws. */
  statusOf(groupId: string): ProcessingStatus {
    return this.statuses.get(groupId) ?? { status: 'Succeeded', lastMembershipUpdated: null, errorMessage: null };
  }

  /** Resolves when queued work is done (tests, shutdown). Never rejects. */
  async idle(): Promise<void> {
    while (this.timer || this.running) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.running = this.run();
      }
      await this.running;
    }
  }

  /** Stops scheduling; queued work stays persisted for the next start. Never throws. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.running = this.run();
      },
      Math.max(0, this.delayMs),
    );
    this.timer.unref();
  }

  private async run(): Promise<void> {
    let work: PendingWork = { groups: [], users: [] };
    try {
      await this.store
        .write((tx) => {
          // Set under the write lock and kept until the commit: the effect rounds of this write run inline too.
          this.inline = true;
          work = pendingOf(tx.store);
          for (const id of work.groups)
            this.statuses.set(id, {
              status: 'Running',
              lastMembershipUpdated: this.statuses.get(id)?.lastMembershipUpdated ?? null,
              errorMessage: null,
            });
          this.evaluate(tx, work);
          tx.stage({ op: 'deleteMeta', key: PENDING_META_KEY });
        })
        .finally(() => {
          this.inline = false;
        });
      const now = nowIso();
      for (const id of work.groups)
        this.statuses.set(id, { status: 'Succeeded', lastMembershipUpdated: now, errorMessage: null });
    } catch (err) {
      for (const id of work.groups)
        this.statuses.set(id, {
          status: 'Failed',
          lastMembershipUpdated: this.statuses.get(id)?.lastMembershipUpdated ?? null,
          errorMessage: err instanceof Error ? err.message : String(err),
        });
      this.onError(err);
    } finally {
      this.running = undefined;
    }
    if (pendingOf(this.store).groups.length || pendingOf(this.store).users.length) this.schedule();
  }
}
