/**
 * Failures of background work (removing an ended time-bound membership, retrying an interrupted approval,
 * polling a watched group), counted per item in the key-value store so that every instance sees the same count.
 * After `maxFailures` failures in a row the item is given up: the caller tells the group's owners once and the
 * hygiene digest lists it; a given-up item is tried again only once per `pauseHours` (so it clears itself when
 * someone signs in again or the work was done by hand), never in a silent loop. A success clears the record.
 */

/**
 * The part of the store's key-value repository (bot/store, `store.keyValue`) the failure records use, declared here
 * so that bot/shared imports nothing from bot/store.
 */
export interface ExpiringValues {
  putExpiring(key: string, value: unknown, expiresAt: Date): Promise<void>;
  getUnexpired(key: string, now: Date): Promise<unknown>;
  delete(key: string): Promise<boolean>;
  listUnexpired(prefix: string, now: Date, limit?: number): Promise<{ key: string; value: unknown }[]>;
}

export type BackgroundJobKind = 'removal' | 'approval' | 'poll';

/** What the work is about, for messages and the digest. */
export interface BackgroundItem {
  kind: BackgroundJobKind;
  /** The membership id, request id or group id. */
  itemId: string;
  groupId: string;
  groupName: string;
  /** What could not be done, in a few words ("remove Ana Silva (access ended 3 Dec 2026)"). */
  what: string;
}

/** An item's failure record. Times are ISO strings. */
export interface BackgroundFailure extends BackgroundItem {
  failures: number;
  lastError: string;
  firstAt: string;
  lastAt: string;
  /** When the item was given up (after `maxFailures`). */
  gaveUpAt?: string;
  /** Who was told that it was given up (lower-case ids), once. */
  told?: string[];
}

export interface BackgroundFailuresOptions {
  /** Failures in a row before an item is given up (default 5). */
  maxFailures?: number;
  /** A given-up item is tried again once per this many hours (default 24). */
  pauseHours?: number;
  /** Records are forgotten this many days after their last failure (default 30). */
  keepDays?: number;
  clock?: () => Date;
}

export const BACKGROUND_FAILURE_PREFIX = 'background-failure:';
export const DEFAULT_MAX_BACKGROUND_FAILURES = 5;

function keyOf(kind: BackgroundJobKind, itemId: string): string {
  return `${BACKGROUND_FAILURE_PREFIX}${kind}:${itemId.toLowerCase()}`;
}

function parse(value: unknown): BackgroundFailure | undefined {
  const v = value as Partial<BackgroundFailure> | null;
  if (!v || typeof v.itemId !== 'string' || typeof v.failures !== 'number' || typeof v.groupId !== 'string')
    return undefined;
  return v as BackgroundFailure;
}

export class BackgroundFailures {
  readonly maxFailures: number;
  private readonly pauseMs: number;
  private readonly keepMs: number;
  private readonly clock: () => Date;

  /** Throws RangeError when `maxFailures` is below 1. */
  constructor(
    private readonly kv: ExpiringValues,
    opts: BackgroundFailuresOptions = {},
  ) {
    this.maxFailures = opts.maxFailures ?? DEFAULT_MAX_BACKGROUND_FAILURES;
    if (!(this.maxFailures >= 1)) throw new RangeError(`maxFailures must be at least 1, got ${this.maxFailures}.`);
    this.pauseMs = (opts.pauseHours ?? 24) * 3_600_000;
    this.keepMs = (opts.keepDays ?? 30) * 86_400_000;
    this.clock = opts.clock ?? (() => new Date());
  }

  /** The item's record, or undefined. Throws on database errors. */
  async get(kind: BackgroundJobKind, itemId: string): Promise<BackgroundFailure | undefined> {
    return parse(await this.kv.getUnexpired(keyOf(kind, itemId), this.clock()));
  }

  /**
   * Counts one failure. `gaveUpNow` is true exactly when this failure reached `maxFailures` (the caller then
   * tells the owners). Throws on database errors.
   */
  async record(item: BackgroundItem, error: string): Promise<{ failure: BackgroundFailure; gaveUpNow: boolean }> {
    const now = this.clock();
    const before = await this.get(item.kind, item.itemId);
    const failures = (before?.failures ?? 0) + 1;
    const gaveUpNow = !before?.gaveUpAt && failures >= this.maxFailures;
    const failure: BackgroundFailure = {
      ...item,
      failures,
      lastError: error.slice(0, 500),
      firstAt: before?.firstAt ?? now.toISOString(),
      lastAt: now.toISOString(),
      ...(before?.gaveUpAt ? { gaveUpAt: before.gaveUpAt } : gaveUpNow ? { gaveUpAt: now.toISOString() } : {}),
      ...(before?.told ? { told: before.told } : {}),
    };
    await this.kv.putExpiring(keyOf(item.kind, item.itemId), failure, new Date(now.getTime() + this.keepMs));
    return { failure, gaveUpNow };
  }

  /** Gives the item up at once (work that ended for good, as a failed approval). Throws on database errors. */
  async giveUp(item: BackgroundItem, error: string): Promise<{ failure: BackgroundFailure; gaveUpNow: boolean }> {
    const now = this.clock();
    const before = await this.get(item.kind, item.itemId);
    const failure: BackgroundFailure = {
      ...item,
      failures: before?.failures ?? 1,
      lastError: error.slice(0, 500),
      firstAt: before?.firstAt ?? now.toISOString(),
      lastAt: now.toISOString(),
      gaveUpAt: before?.gaveUpAt ?? now.toISOString(),
      ...(before?.told ? { told: before.told } : {}),
    };
    await this.kv.putExpiring(keyOf(item.kind, item.itemId), failure, new Date(now.getTime() + this.keepMs));
    return { failure, gaveUpNow: !before?.gaveUpAt };
  }

  /** Records who was told that the item was given up. Throws on database errors. */
  async markTold(kind: BackgroundJobKind, itemId: string, userIds: readonly string[]): Promise<void> {
    const current = await this.get(kind, itemId);
    if (!current) return;
    const told = [...new Set([...(current.told ?? []), ...userIds.map((id) => id.toLowerCase())])];
    await this.kv.putExpiring(
      keyOf(kind, itemId),
      { ...current, told },
      new Date(new Date(current.lastAt).getTime() + this.keepMs),
    );
  }

  /** Forgets the item's failures (it succeeded); false when there were none. Throws on database errors. */
  clear(kind: BackgroundJobKind, itemId: string): Promise<boolean> {
    return this.kv.delete(keyOf(kind, itemId));
  }

  /**
   * The item's record when it was given up and its daily try is not due yet (the caller must not try it now),
   * else undefined. Throws on database errors.
   */
  async paused(kind: BackgroundJobKind, itemId: string): Promise<BackgroundFailure | undefined> {
    const f = await this.get(kind, itemId);
    if (!f?.gaveUpAt) return undefined;
    return new Date(f.lastAt).getTime() + this.pauseMs > this.clock().getTime() ? f : undefined;
  }

  /** Every given-up item (at most `limit`, default 500), oldest first. Throws on database errors. */
  async givenUp(limit = 500): Promise<BackgroundFailure[]> {
    const rows = await this.kv.listUnexpired(BACKGROUND_FAILURE_PREFIX, this.clock(), limit);
    return rows.map((r) => parse(r.value)).filter((f): f is BackgroundFailure => !!f?.gaveUpAt);
  }
}
