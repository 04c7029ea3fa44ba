import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { normaliseParams, type SqlClient, type SqlExecutor, type SqlRow } from './sql-client';
import { processLogger } from '../log';

/** Options for a PostgreSQL pool. */
export interface PgClientOptions {
  /** `postgres://user:password@host:port/database` */
  databaseUrl: string;
  /** Schema to create the tables in (default: the server's search_path, normally `public`). */
  schema?: string;
  /** Pool size (default 5). */
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function wrapClient(client: Pool | PoolClient): SqlExecutor {
  return {
    async query<R extends SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]> {
      const result = await client.query<R>(text, normaliseParams(params));
      return result.rows;
    },
    async exec(script: string): Promise<void> {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(script);
    },
  };
}

/**
 * Creates a pool on a PostgreSQL server. Connects lazily: connection errors surface from the first query.
 * Throws a TypeError when `schema` is not a plain lower-case identifier.
 */
export function openPgClient(options: PgClientOptions): SqlClient {
  const config: PoolConfig = {
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 5,
    application_name: 'groupbot',
  };
  if (options.schema !== undefined) {
    if (!SCHEMA_NAME.test(options.schema)) {
      throw new TypeError(`Schema name '${options.schema}' must be a lower-case identifier (letters, digits, _).`);
    }
    config.options = `-c search_path=${options.schema}`;
  }
  const pool = new Pool(config);
  // An idle client losing its connection (server restart) must not crash the process; the next query reconnects.
  pool.on('error', (err) => {
    processLogger().warn('store.idleConnection.failed', { error: err });
  });
  const executor = wrapClient(pool);
  let closed = false;
  return {
    kind: 'postgres',
    query: executor.query,
    exec: executor.exec,
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(wrapClient(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // The connection is unusable; release(error) below destroys it instead of returning it to the pool.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
