import { randomUUID } from 'node:crypto';
import type { Store } from './store';

/** What a stored pending operation must have: an expiry in epoch milliseconds, and its use once used. */
export interface ExpiringItem {
  id: string;
  expiresAt: number;
  /** When it was taken (ISO time); set by `take`. */
  usedAt?: string;
  /** What its use did; set by `finish`. */
  done?: unknown;
}

/**
 * Durable storage of multi-step operations waiting for a user (choices, confirmations), shaped like
 * bot/commands' `PendingStore` (put/get/take/finish), on the store's key/value table. `take` marks the operation
 * used with a compare-and-set on the row's eTag, so a confirmation is used once even when two instances receive
 * the click; the used operation stays (with what its use did) so a later click can be told what happened.
 */
export interface DurablePendingStore<T extends ExpiringItem> {
  /** Stores the operation under a new id and returns it with the id. Throws on database errors. */
  put(op: Omit<T, 'id'>): Promise<T>;
  /** The operation, unless missing or expired (used ones included). Throws on database errors. */
  get(id: string): Promise<T | undefined>;
  /**
   * Marks the operation used and returns it, once: undefined when missing, expired or already used (of concurrent
   * takers exactly one gets it). Throws on database errors.
   */
  take(id: string): Promise<T | undefined>;
  /** Records what the use did, kept until `keepUntil` (epoch ms) at least. Throws on database errors. */
  finish(id: string, done: NonNullable<T['done']>, keepUntil: number): Promise<void>;
}

const PREFIX = 'pending-operation:';

/**
 * The pending-operation store on `store` (`clock` in epoch ms, default Date.now). Pass it where bot/commands expects
 * a PendingStore: `pendingOperationStore<PendingOperation>(store)`. Expired rows are removed by
 * `store.keyValue.purgeExpired`.
 */
export function pendingOperationStore<T extends ExpiringItem>(
  store: Store,
  clock: () => number = Date.now,
): DurablePendingStore<T> {
  const now = (): Date => new Date(clock());
  const unexpired = (value: unknown): T | undefined => {
    const op = value as T | undefined;
    return op && typeof op.expiresAt === 'number' && op.expiresAt > clock() ? op : undefined;
  };
  return {
    async put(op) {
      const full = { ...op, id: randomUUID() } as T;
      await store.keyValue.putExpiring(PREFIX + full.id, full, new Date(full.expiresAt));
      return full;
    },
    async get(id) {
      return (await store.keyValue.getUnexpired(PREFIX + id, now())) as T | undefined;
    },
    async take(id) {
      const row = await store.keyValue.get(PREFIX + id);
      const op = unexpired(row?.value);
      if (!row || !op || op.usedAt) return undefined;
      const used = { ...op, usedAt: now().toISOString() };
      // The row's expiry is kept: setIf changes the value and eTag only.
      return (await store.keyValue.setIf(PREFIX + id, used, row.eTag)) ? used : undefined;
    },
    async finish(id, done, keepUntil) {
      const op = (await store.keyValue.getUnexpired(PREFIX + id, now())) as T | undefined;
      if (!op) return;
      const expiresAt = Math.max(op.expiresAt, keepUntil);
      await store.keyValue.putExpiring(PREFIX + id, { ...op, done, expiresAt }, new Date(expiresAt));
    },
  };
}
