import type { SqlClient, SqlExecutor } from './sql-client';
import { text } from './row-values';

/** A stored value with its entity tag (changes on every write; never reused, even after a delete). */
export interface VersionedValue {
  value: unknown;
  eTag: string;
}

/** Small JSON values by key, each with an eTag for optimistic concurrency. Also backs the botbuilder Storage. */
export interface KeyValueRepository {
  /** The value and its eTag, or undefined. Throws on database errors or unreadable JSON. */
  get(key: string): Promise<VersionedValue | undefined>;
  /** Several values at once (missing keys are absent from the map). Throws on database errors. */
  getMany(keys: readonly string[]): Promise<Map<string, VersionedValue>>;
  /** Writes unconditionally; returns the new eTag. Throws on database errors or values JSON cannot represent. */
  set(key: string, value: unknown): Promise<string>;
  /**
   * Writes only if the stored eTag is still `eTag`; returns the new eTag, or undefined when the value changed or
   * was deleted meanwhile. Throws on database errors.
   */
  setIf(key: string, value: unknown, eTag: string): Promise<string | undefined>;
  /** Deletes; false when the key did not exist. Throws on database errors. */
  delete(key: string): Promise<boolean>;
  /**
   * Stores a value that disappears at `expiresAt` (unconditional; replaces any value of the key).
   * Throws on database errors or values JSON cannot represent.
   */
  putExpiring(key: string, value: unknown, expiresAt: Date): Promise<void>;
  /** Reads a value unless it expired by `now`. Throws on database errors. */
  getUnexpired(key: string, now: Date): Promise<unknown>;
  /**
   * Deletes and returns a value unless it expired by `now`; of concurrent takers exactly one gets it.
   * Throws on database errors.
   */
  take(key: string, now: Date): Promise<unknown>;
  /** Deletes every value expired by `now`; returns how many. Throws on database errors. */
  purgeExpired(now: Date): Promise<number>;
  /** Unexpired entries whose key starts with `prefix` (at most `limit`, default 100), oldest first. Throws on database errors. */
  listUnexpired(prefix: string, now: Date, limit?: number): Promise<{ key: string; value: unknown }[]>;
}

function serialise(key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`Value for key '${key}' cannot be stored as JSON.`);
  return json;
}

/** Unconditional upsert on `db` (usable inside a transaction); returns the new eTag. */
export async function putValue(db: SqlExecutor, key: string, value: unknown): Promise<string> {
  const rows = await db.query(
    `INSERT INTO kv (key, value, etag, updated_at) VALUES ($1, $2, nextval('kv_etag_seq')::text, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at,
       expires_at = NULL
     RETURNING etag`,
    [key, serialise(key, value)],
  );
  const row = rows[0];
  if (!row) throw new Error('INSERT ... RETURNING returned no row');
  return text(row, 'etag');
}

/** Conditional update on `db` (usable inside a transaction); returns the new eTag or undefined on mismatch. */
export async function putValueIf(
  db: SqlExecutor,
  key: string,
  value: unknown,
  eTag: string,
): Promise<string | undefined> {
  const rows = await db.query(
    `UPDATE kv SET value = $2, etag = nextval('kv_etag_seq')::text, updated_at = now()
     WHERE key = $1 AND etag = $3 RETURNING etag`,
    [key, serialise(key, value), eTag],
  );
  return rows[0] ? text(rows[0], 'etag') : undefined;
}

/**
 * Inserts only if the key does not exist (`INSERT … ON CONFLICT DO NOTHING`, usable inside a transaction); returns
 * the new eTag, or undefined when the key exists (of concurrent inserters exactly one gets an eTag). Throws on
 * database errors or values JSON cannot represent.
 */
export async function insertValueIfAbsent(db: SqlExecutor, key: string, value: unknown): Promise<string | undefined> {
  const rows = await db.query(
    `INSERT INTO kv (key, value, etag, updated_at) VALUES ($1, $2, nextval('kv_etag_seq')::text, now())
     ON CONFLICT (key) DO NOTHING RETURNING etag`,
    [key, serialise(key, value)],
  );
  return rows[0] ? text(rows[0], 'etag') : undefined;
}

/** The key/value repository on `db`. */
export function keyValueRepository(db: SqlClient): KeyValueRepository {
  const getMany = async (keys: readonly string[]): Promise<Map<string, VersionedValue>> => {
    const result = new Map<string, VersionedValue>();
    if (keys.length === 0) return result;
    const rows = await db.query('SELECT key, value, etag FROM kv WHERE key = ANY($1::text[])', [[...keys]]);
    for (const row of rows) {
      result.set(text(row, 'key'), { value: JSON.parse(text(row, 'value')) as unknown, eTag: text(row, 'etag') });
    }
    return result;
  };
  return {
    async get(key) {
      return (await getMany([key])).get(key);
    },
    getMany,
    set: (key, value) => putValue(db, key, value),
    setIf: (key, value, eTag) => putValueIf(db, key, value, eTag),
    async delete(key) {
      const rows = await db.query('DELETE FROM kv WHERE key = $1 RETURNING key', [key]);
      return rows.length === 1;
    },
    async putExpiring(key, value, expiresAt) {
      await db.query(
        `INSERT INTO kv (key, value, etag, updated_at, expires_at) VALUES ($1, $2, nextval('kv_etag_seq')::text, now(), $3)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at,
           expires_at = EXCLUDED.expires_at`,
        [key, serialise(key, value), expiresAt],
      );
    },
    async getUnexpired(key, now) {
      const rows = await db.query('SELECT value FROM kv WHERE key = $1 AND (expires_at IS NULL OR expires_at > $2)', [
        key,
        now,
      ]);
      return rows[0] ? (JSON.parse(text(rows[0], 'value')) as unknown) : undefined;
    },
    async take(key, now) {
      const rows = await db.query('DELETE FROM kv WHERE key = $1 RETURNING value, expires_at', [key]);
      const row = rows[0];
      if (!row) return undefined;
      const expiresAt = row.expires_at;
      if (expiresAt instanceof Date && expiresAt.getTime() <= now.getTime()) return undefined;
      return JSON.parse(text(row, 'value')) as unknown;
    },
    async listUnexpired(prefix, now, limit) {
      const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await db.query(
        `SELECT key, value FROM kv WHERE key LIKE $1 AND (expires_at IS NULL OR expires_at > $2) ORDER BY updated_at LIMIT $3`,
        [pattern, now, Math.max(1, Math.min(limit ?? 100, 1000))],
      );
      return rows.map((r) => ({ key: text(r, 'key'), value: JSON.parse(text(r, 'value')) as unknown }));
    },
    async purgeExpired(now) {
      const rows = await db.query('DELETE FROM kv WHERE expires_at <= $1 RETURNING key', [now]);
      return rows.length;
    },
  };
}
