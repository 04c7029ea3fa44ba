import type { SqlClient } from './sql-client';
import { insertValueIfAbsent, keyValueRepository, putValue, putValueIf } from './key-value-repository';

/** Items by key, as botbuilder's `StoreItems`. An item may carry `eTag`. */
export type StoreItems = Record<string, unknown>;

/**
 * The shape of botbuilder's `Storage` interface (botbuilder-core), declared here so bot/store does not import
 * botbuilder. An object of this type can be passed wherever teams-ai or botbuilder expect a `Storage`.
 */
export interface BotStorage {
  /** Items for the keys that exist, each with its current `eTag`. Throws on database errors. */
  read(keys: string[]): Promise<StoreItems>;
  /**
   * Writes every change in one transaction. An item without `eTag`, or with `eTag: '*'`, is written
   * unconditionally. An item with another `eTag` updates the stored item only while that is still its eTag, and
   * is inserted when the key does not exist (as botbuilder's MemoryStorage does: Teams SSO dedupe writes
   * `{eTag: <exchange id>}` to a new key and needs exactly one writer to succeed). When the stored eTag differs,
   * or a concurrent writer inserted the key first, the whole write fails with EtagConflictError and nothing is
   * written. Throws on database errors.
   */
  write(changes: StoreItems): Promise<void>;
  /** Deletes the keys (missing keys are ignored). Throws on database errors. */
  delete(keys: string[]): Promise<void>;
}

/** Thrown by BotStorage.write when an item's eTag is stale. The message matches botbuilder's MemoryStorage. */
export class EtagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'EtagConflictError';
  }
}

function eTagOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const eTag = (item as { eTag?: unknown }).eTag;
  return typeof eTag === 'string' && eTag !== '' ? eTag : undefined;
}

function withoutETag(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  const { eTag: _eTag, ...rest } = item as Record<string, unknown>;
  return rest;
}

/** A botbuilder-compatible Storage on the store's key/value table. */
export function botStorage(db: SqlClient): BotStorage {
  const kv = keyValueRepository(db);
  return {
    async read(keys) {
      const found = await kv.getMany(keys);
      const items: StoreItems = {};
      for (const [key, stored] of found) {
        const value = stored.value;
        items[key] =
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? { ...(value as Record<string, unknown>), eTag: stored.eTag }
            : value;
      }
      return items;
    },
    async write(changes) {
      const keys = Object.keys(changes);
      if (keys.length === 0) return;
      await db.transaction(async (tx) => {
        for (const key of keys) {
          const item = changes[key];
          const eTag = eTagOf(item);
          const value = withoutETag(item);
          if (eTag === undefined || eTag === '*') {
            await putValue(tx, key, value);
          } else if (
            (await putValueIf(tx, key, value, eTag)) === undefined &&
            (await insertValueIfAbsent(tx, key, value)) === undefined
          ) {
            throw new EtagConflictError(key);
          }
        }
      });
    },
    async delete(keys) {
      if (keys.length === 0) return;
      await db.query('DELETE FROM kv WHERE key = ANY($1::text[])', [[...keys]]);
    },
  };
}
