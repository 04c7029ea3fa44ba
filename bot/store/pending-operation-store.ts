import { randomUUID } from 'node:crypto';
import type { Store } from './store';

/** What a stored pending operation must have: an expiry in epoch milliseconds. */
export interface ExpiringItem {
  id: string;
  expiresAt: number;
}

/**
 * Durable storage of multi-step operations waiting for a user (choices, confirmations), shaped like
 * bot/commands' `PendingStore` (put/get/take), on the store's key/value table. `take` deletes and returns
 * atomically, so a confirmation is used once even when two instances receive the click.
 */
export interface DurablePendingStore<T extends ExpiringItem> {
  /** Stores the operation under a new id and returns it with the id. Throws on database errors. */
  put(op: Omit<T, 'id'>): Promise<T>;
  /** The operation, unless missing or expired. Throws on database errors. */
  get(id: string): Promise<T | undefined>;
  /** Deletes and returns the operation (once), unless missing or expired. Throws on database errors. */
  take(id: string): Promise<T | undefined>;
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
      return (await store.keyValue.take(PREFIX + id, now())) as T | undefined;
    },
  };
}
